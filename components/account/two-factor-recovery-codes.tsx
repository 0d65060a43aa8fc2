'use client';

import { useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';

/** A text file the user can keep: where the codes are for, and how they work. */
function recoveryCodesFile(codes: string[]): string {
  const site = window.location.host;
  return [
    `Portico recovery codes (${site})`,
    `Made ${new Date().toISOString().slice(0, 10)}. Each code signs you in once if you can't use your authenticator app.`,
    '',
    ...codes,
    '',
  ].join('\n');
}

function download(codes: string[]) {
  const url = URL.createObjectURL(new Blob([recoveryCodesFile(codes)], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `portico-recovery-codes-${window.location.hostname}.txt`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** The recovery codes, shown this once, with copy and download, and a plain "store these now". */
export function TwoFactorRecoveryCodes({ codes, reason, onDone }: { codes: string[]; reason: 'enabled' | 'regenerated'; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <div className="space-y-4">
      <h3 ref={heading} tabIndex={-1} className="font-semibold focus:outline-none">
        {reason === 'enabled' ? 'Two-step verification is on. Save your recovery codes.' : 'Your new recovery codes'}
      </h3>
      <div role="note" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
        <p className="font-semibold">Store these codes now — you will not see them again.</p>
        <p className="mt-1">
          If you lose your phone, each code lets you sign in once instead of a code from the app. Keep them somewhere safe, such as your password manager or on paper.
          {reason === 'regenerated' ? ' Your old recovery codes no longer work.' : ''}
        </p>
      </div>
      <ul aria-label="Recovery codes" className="grid grid-cols-2 gap-x-6 gap-y-1.5 rounded-md border border-zinc-300 bg-zinc-50 px-4 py-3 font-mono text-sm text-zinc-900 select-all">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="flex flex-wrap items-center gap-3">
        <CopyButton value={codes.join('\n')} label="Copy recovery codes" />
        <Button variant="secondary" size="sm" fullWidth={false} onClick={() => download(codes)}>
          Download (.txt)
        </Button>
      </div>
      <Button fullWidth={false} onClick={onDone}>
        Done
      </Button>
    </div>
  );
}
