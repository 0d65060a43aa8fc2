/**
 * The one place the console's use-case errors become what a form or button shows:
 * ValidationError → field errors (the use case's paths), ForbiddenError, NotFoundError and a
 * signed-out session → a sentence saying what to do, anything else → a generic message (the
 * details only in the server log).
 */
import 'server-only';
import type { ActionFailure } from '@/components/portal/action-result';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/portal/errors';
import { SignedOutError } from './operator';

export function failure(err: unknown): ActionFailure {
  if (err instanceof ValidationError) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of err.issues) fieldErrors[issue.path.join('.')] ??= issue.message;
    return { ok: false, error: fieldErrors[''] ?? 'Some fields need attention: see the messages below.', fieldErrors };
  }
  if (err instanceof ForbiddenError || err instanceof SignedOutError) return { ok: false, error: err.message };
  if (err instanceof NotFoundError) return { ok: false, error: `${err.message} It may have been deleted by someone else: reload the page.` };
  console.error('[admin] action failed', err);
  return { ok: false, error: 'Something went wrong on our side. Try again in a moment.' };
}

/** A page's use case refused with NotFoundError: the not-found page, like any unknown URL. */
export function isNotFound(err: unknown): boolean {
  return err instanceof NotFoundError;
}
