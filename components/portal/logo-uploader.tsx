'use client';

import { useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { describedBy, FieldError, hintId } from '@/components/ui/field';
import { LOGO_ACCEPT, logoProblem } from '@/lib/validation/logo';
import { UNREACHABLE, type ActionResult } from './action-result';
import { AppAvatar } from './app-avatar';

type UploadAction = (clientId: string, form: FormData) => Promise<ActionResult<{ logoUri: string }>>;
type RemoveAction = (clientId: string) => Promise<ActionResult>;

/** Upload or remove the app's logo. The same size and type rules run here first and on the server. */
export function LogoUploader({ app, upload, remove }: { app: { id: string; name: string; logoUri: string | null; role: string }; upload: UploadAction; remove: RemoveAction }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | undefined>();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const readOnly = app.role === 'viewer';
  const hint = 'PNG, JPEG or WebP, at most 256 KB. A square image of at least 128 × 128 pixels looks best.';

  async function onUpload() {
    setError(undefined);
    setMessage(null);
    const file = input.current?.files?.[0];
    if (!file) return setError('Choose an image file to upload.');
    const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
    const problem = logoProblem(file, head);
    if (problem) return setError(problem);
    setBusy(true);
    const form = new FormData();
    form.set('logo', file);
    const result = await upload(app.id, form).catch(() => UNREACHABLE);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    if (input.current) input.current.value = '';
    setMessage('Logo updated.');
  }

  async function onRemove() {
    setError(undefined);
    setBusy(true);
    const result = await remove(app.id).catch(() => UNREACHABLE);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setMessage('Logo removed.');
  }

  return (
    <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
      <AppAvatar name={app.name} logoUri={app.logoUri} size="lg" />
      <div className="min-w-0 flex-1 space-y-2">
        <label htmlFor={id} className="block text-sm font-medium text-zinc-800">
          Image file
        </label>
        <p id={hintId(id)} className="text-sm text-zinc-600">
          {hint}
        </p>
        {readOnly ? null : (
          <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
            <input
              ref={input}
              id={id}
              type="file"
              accept={LOGO_ACCEPT}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy(id, hint, error)}
              className="block w-full min-w-0 text-sm text-zinc-700 file:mr-3 file:rounded-md file:border file:border-zinc-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-semibold file:text-zinc-900 hover:file:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus sm:w-auto sm:flex-1"
            />
            <div className="flex gap-2">
              <Button variant="secondary" size="sm" fullWidth={false} onClick={onUpload} disabled={busy} aria-busy={busy}>
                Upload logo
              </Button>
              {app.logoUri ? (
                <Button variant="ghost" size="sm" fullWidth={false} onClick={onRemove} disabled={busy}>
                  Remove logo
                </Button>
              ) : null}
            </div>
          </div>
        )}
        <FieldError id={id} error={error} />
        <p role="status" className="text-sm text-green-800">
          {message}
        </p>
      </div>
    </div>
  );
}
