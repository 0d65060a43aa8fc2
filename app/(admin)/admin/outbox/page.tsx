import type { Metadata } from 'next';
import { absoluteDate } from '@/components/account/format-date';
import { readOutbox } from '@/lib/account/mailer';
import { operatorPage } from '../_lib/operator';

export const metadata: Metadata = { title: 'Outbox' };

const LIMIT = 50;

/** Operators only: the mail Portico would have sent, when no SMTP server is configured. */
export default async function OutboxPage() {
  const { config } = await operatorPage('/admin/outbox');
  const messages = await readOutbox(config.dataDir, LIMIT);

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Outbox</h1>
        <p className="text-sm text-zinc-700">
          {config.mail.smtpUrl
            ? 'Mail is sent through the configured SMTP server; this lists only what was written here before it was set.'
            : `No SMTP server is configured (PORTICO_SMTP_URL), so mail stays here instead of being sent. The last ${LIMIT} messages, newest first.`}
        </p>
      </header>
      {messages.length === 0 ? (
        <p className="rounded-xl border border-dashed border-zinc-300 bg-white px-6 py-10 text-center text-sm text-zinc-700">No messages yet.</p>
      ) : (
        <ol aria-label="Messages" className="space-y-4">
          {messages.map((m, i) => (
            <li key={`${m.createdAt}-${i}`} className="space-y-2 rounded-xl border border-zinc-200 bg-white p-5 shadow-sm">
              <p className="text-sm font-medium text-zinc-900">{m.subject}</p>
              <p className="text-sm text-zinc-600">
                To {m.to} · <time dateTime={m.createdAt}>{absoluteDate(new Date(m.createdAt))}</time>
              </p>
              <pre className="text-sm wrap-break-word whitespace-pre-wrap text-zinc-800">{m.text}</pre>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
