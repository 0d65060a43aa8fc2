/**
 * Outgoing mail. With PORTICO_SMTP_URL set, messages go through that SMTP server (nodemailer);
 * without it nothing leaves the machine: each message is appended as one JSON line
 * ({ to, subject, text, createdAt }) to <dataDir>/outbox.jsonl, which admins read at
 * /admin/outbox and tests read directly. A mailer is created from the config and passed to the
 * use cases that send mail; there is no module-level instance.
 */
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';

export type MailMessage = { to: string; subject: string; text: string };
export type OutboxMessage = MailMessage & { createdAt: string };

export type Mailer = { send(message: MailMessage): Promise<void> };

export const OUTBOX_FILE = 'outbox.jsonl';

export function outboxPath(dataDir: string): string {
  return path.join(dataDir, OUTBOX_FILE);
}

export function createMailer(config: Pick<Config, 'dataDir' | 'mail'>, clock: () => Date = () => new Date()): Mailer {
  const { smtpUrl, from } = config.mail;
  if (smtpUrl) {
    const transport = nodemailer.createTransport(smtpUrl);
    return {
      async send({ to, subject, text }) {
        await transport.sendMail({ from, to, subject, text });
      },
    };
  }
  const file = outboxPath(config.dataDir);
  return {
    async send({ to, subject, text }) {
      await mkdir(config.dataDir, { recursive: true, mode: 0o700 });
      const line: OutboxMessage = { to, subject, text, createdAt: clock().toISOString() };
      await appendFile(file, `${JSON.stringify(line)}\n`, { mode: 0o600 });
    },
  };
}

/** The newest `limit` messages of the local outbox, newest first; none when it does not exist. */
export async function readOutbox(dataDir: string, limit = 50): Promise<OutboxMessage[]> {
  let text: string;
  try {
    text = await readFile(outboxPath(dataDir), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const messages: OutboxMessage[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      messages.push(JSON.parse(line) as OutboxMessage);
    } catch {
      // A line cut short by a crash mid-append: skip it, keep the rest readable.
    }
  }
  return messages.slice(-limit).reverse();
}
