/**
 * The one place use-case errors become what a portal form shows: ValidationError → field errors
 * (paths as the form names them), ForbiddenError and NotFoundError → a sentence the user can act
 * on, anything else → a generic message (details only in the server log).
 */
import 'server-only';
import type { ActionFailure } from '@/components/portal/action-result';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/portal/errors';
import { SignedOutError } from './session';

export function failure(err: unknown): ActionFailure {
  if (err instanceof ValidationError) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of err.issues) fieldErrors[issue.path.join('.')] ??= issue.message;
    const general = fieldErrors[''];
    return { ok: false, error: general ?? 'Some fields need attention: see the messages below.', fieldErrors };
  }
  if (err instanceof ForbiddenError || err instanceof SignedOutError) return { ok: false, error: err.message };
  if (err instanceof NotFoundError) return { ok: false, error: `${err.message} It may have been deleted or your access removed: reload the page.` };
  console.error('[portal] action failed', err);
  return { ok: false, error: 'Something went wrong on our side. Try again in a moment.' };
}
