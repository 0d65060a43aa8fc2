'use client';

import { useEffect, useRef, useState } from 'react';
import { buttonClass } from './button';

type Status = 'idle' | 'copied' | 'failed';

/** Clipboard API where the page is a secure context; the older selection-based copy elsewhere. */
async function copyText(value: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(value);
      return true;
    }
  } catch {
    // fall through to the selection-based copy
  }
  const area = document.createElement('textarea');
  area.value = value;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

/**
 * Copies `value` and says so: the button reads "Copied" for a moment and a polite live region
 * announces it to screen readers. `label` names what is copied ("Copy client secret").
 */
export function CopyButton({ value, label = 'Copy', className = '' }: { value: string; label?: string; className?: string }) {
  const [status, setStatus] = useState<Status>('idle');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function onClick() {
    const ok = await copyText(value);
    setStatus(ok ? 'copied' : 'failed');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setStatus('idle'), 2500);
  }

  return (
    <span className={`inline-flex items-center ${className}`}>
      <button type="button" onClick={onClick} aria-label={label} className={buttonClass({ variant: 'secondary', size: 'sm', fullWidth: false })}>
        <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6" className="size-4" aria-hidden="true">
          {status === 'copied' ? (
            <path d="m4.5 10.5 3.5 3.5 7.5-8" strokeLinecap="round" strokeLinejoin="round" />
          ) : (
            <>
              <rect x="7" y="7" width="9" height="10" rx="1.5" />
              <path d="M13 4.5V4a1.5 1.5 0 0 0-1.5-1.5h-6A1.5 1.5 0 0 0 4 4v8a1.5 1.5 0 0 0 1.5 1.5H6" />
            </>
          )}
        </svg>
        <span aria-hidden="true">{status === 'copied' ? 'Copied' : 'Copy'}</span>
      </button>
      <span role="status" aria-live="polite" className="sr-only">
        {status === 'copied' ? 'Copied' : status === 'failed' ? 'Could not copy. Select the text and copy it yourself.' : ''}
      </span>
    </span>
  );
}
