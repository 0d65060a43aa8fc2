/**
 * "Send the confirmation email again", for a signed-in user whose address is not confirmed yet
 * (the account area and the developer portal's unverified-account notices). Limited per account
 * (lib/rate-limit/policies.ts verificationEmailPerAccount) so the button cannot flood an inbox;
 * a confirmed address sends nothing and costs nothing. Each email carries a new link; earlier
 * ones keep working until they expire (24 hours), so an email arriving late is still good.
 */
import type { Db } from '../db/client.ts';
import type { Limiter } from '../rate-limit/index.ts';
import { waitWords } from '../rate-limit/messages.ts';
import type { Actor } from '../portal/types.ts';
import type { Mailer } from './mailer.ts';
import { sendVerificationEmail } from './send-verification-email.ts';

export type ResendVerificationResult =
  | { status: 'sent'; email: string }
  | { status: 'already_verified'; email: string }
  | { status: 'rate_limited'; retryAfterSeconds: number };

export async function resendVerificationEmail(
  deps: { db: Db; mailer: Mailer; limiter: Limiter; issuer: string },
  actor: Actor,
  now = new Date(),
): Promise<ResendVerificationResult> {
  const user = await deps.db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true, emailVerified: true } });
  if (user.emailVerified) return { status: 'already_verified', email: user.email };
  const decision = await deps.limiter.consume(actor.userId);
  if (!decision.allowed) return { status: 'rate_limited', retryAfterSeconds: decision.retryAfterSeconds };
  await sendVerificationEmail(deps.db, deps.mailer, { userId: actor.userId, issuer: deps.issuer, now });
  return { status: 'sent', email: user.email };
}

/** What the button says after trying, in words a person can act on. */
export function resendVerificationMessage(result: ResendVerificationResult): string {
  switch (result.status) {
    case 'sent':
      return `We sent a new confirmation link to ${result.email}. Open it within 24 hours; check your spam folder if it does not arrive in a few minutes.`;
    case 'already_verified':
      return `${result.email} is already confirmed: there is nothing more to do.`;
    case 'rate_limited':
      return `We have already sent several confirmation emails. Check your inbox and spam folder, or wait ${waitWords(result.retryAfterSeconds)} and ask again.`;
  }
}
