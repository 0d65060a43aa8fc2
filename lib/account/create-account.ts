/**
 * Self-service sign-up, one use case for both forms: the developer portal's /signup and the end
 * user's /create-account (reached from an app's "Sign in with …", inside the authorization
 * request). In order:
 * 1. the shared field rules (lib/validation/sign-up.ts), answered per field;
 * 2. the operator's sign-up policy (lib/settings/sign-up-policy.ts: open, invite-only, closed);
 * 3. the network's sign-up budget (lib/rate-limit/policies.ts signUpPerIp);
 * 4. the account (create-user.ts: argon2id hash, normalised email) and its audit record;
 * 5. the verification email (send-verification-email.ts). A mail failure is logged, not fatal:
 *    the account exists, and the user can ask for the email again from their account.
 * Signing in is the caller's next step (the forms sign in through next-auth with the same
 * credentials, so every sign-in goes through the one path with its own limits and records).
 */
import type { Db } from '../db/client.ts';
import type { Limiter } from '../rate-limit/index.ts';
import { tooManyAttemptsMessage } from '../rate-limit/messages.ts';
import { signUpRefusal } from '../settings/sign-up-policy.ts';
import { signUpSchema, type SignUpInput } from '../validation/sign-up.ts';
import { createUser, DuplicateEmailError, type CreatedUser } from './create-user.ts';
import type { Mailer } from './mailer.ts';
import { recordSecurityEvent } from './record-security-event.ts';
import { sendVerificationEmail } from './send-verification-email.ts';

export type SignUpField = 'email' | 'password' | 'name';
export type CreateAccountResult = { ok: true; user: CreatedUser } | { ok: false; error: string; field?: SignUpField };

export type CreateAccountDeps = {
  db: Db;
  mailer: Mailer;
  /** Sign-ups per client IP (rateLimits.signUpPerIp). */
  signUpLimiter: Limiter;
  issuer: string;
  log?: (message: string, err: unknown) => void;
};

const isSignUpField = (field: unknown): field is SignUpField => field === 'email' || field === 'password' || field === 'name';

export async function createAccount(deps: CreateAccountDeps, input: SignUpInput, request: { ip: string | null; now?: Date }): Promise<CreateAccountResult> {
  const log = deps.log ?? ((message, err) => console.error(message, err));
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path[0];
    return { ok: false, error: issue?.message ?? 'Check the form and try again.', field: isSignUpField(field) ? field : undefined };
  }
  const now = request.now ?? new Date();
  const refusal = await signUpRefusal(deps.db, parsed.data.email, now);
  if (refusal) return { ok: false, error: refusal };
  const perIp = request.ip ? await deps.signUpLimiter.consume(request.ip) : null;
  if (perIp && !perIp.allowed) return { ok: false, error: tooManyAttemptsMessage(perIp.retryAfterSeconds) };

  let user: CreatedUser;
  try {
    user = await createUser(deps.db, { ...parsed.data, isAdmin: false });
  } catch (err) {
    if (err instanceof DuplicateEmailError) {
      return { ok: false, field: 'email', error: 'An account with this email already exists. Sign in instead, or use another email.' };
    }
    log('sign-up failed', err);
    return { ok: false, error: "We couldn't create your account just now. Wait a moment and try again." };
  }
  await recordSecurityEvent(deps.db, { userId: user.id, action: 'user.signed_up', at: now }).catch((err: unknown) => log('could not record the sign-up', err));
  await sendVerificationEmail(deps.db, deps.mailer, { userId: user.id, issuer: deps.issuer, now }).catch((err: unknown) =>
    log('could not send the verification email', err),
  );
  return { ok: true, user };
}
