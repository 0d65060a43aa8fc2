'use server';

import { createMailer } from '@/lib/account/mailer';
import { resendVerificationEmail, resendVerificationMessage } from '@/lib/account/resend-verification-email';
import { getSignedInUser } from '@/lib/auth/session';
import { getRuntime } from '@/lib/server/runtime';

/** "Send the email again" (components/account/unverified-email-notice.tsx), in the account area and the portal. */
export async function resendVerificationAction(): Promise<{ ok: boolean; message: string }> {
  const user = await getSignedInUser();
  if (!user) return { ok: false, message: 'You are no longer signed in. Sign in again, then ask for the email.' };
  const { config, db, rateLimits } = await getRuntime();
  try {
    const deps = { db, mailer: createMailer(config), limiter: rateLimits.verificationEmailPerAccount, issuer: config.issuer };
    const result = await resendVerificationEmail(deps, { userId: user.id });
    return { ok: result.status !== 'rate_limited', message: resendVerificationMessage(result) };
  } catch (err) {
    console.error('could not resend the verification email', err);
    return { ok: false, message: "We couldn't send the email just now. Wait a moment and try again." };
  }
}
