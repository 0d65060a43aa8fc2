/**
 * Who may register a client at /oauth/register (RFC 7591 §3), by the operator's setting
 * (`portico settings registration`), read per request: a change from the CLI or another instance
 * applies without a restart.
 * - off: there is no registration endpoint — 404, and discovery leaves out registration_endpoint
 *   (RFC 8414 §2: OPTIONAL, absent when not offered). RFC 7591 has no error code for "registration
 *   is not offered"; its §3.2.2 codes are about the metadata sent.
 * - initial_access_token: the request presents PORTICO_REGISTRATION_TOKEN as a Bearer token
 *   (RFC 7591 §3, §1.2 "initial access token"). Without that variable set, no one could, so: off.
 * - open: anyone may register (RFC 7591 §3: the server MAY allow registration without an initial
 *   access token), within the per-IP limit; the client expires `openClientTtlDays` after
 *   registration and is unknown from then on.
 * Existing registrations stay manageable with their registration access token (RFC 7592) in every
 * mode: turning registration off stops new clients, it does not orphan the ones that exist.
 */
import type { ProviderContext } from './context.ts';

export type RegistrationPolicy =
  | { mode: 'open'; expiresAt: Date }
  | { mode: 'initial_access_token'; tokenHash: string }
  | null;

const DAY_MS = 86_400_000;

export async function registrationPolicy(ctx: Pick<ProviderContext, 'stores' | 'settings' | 'registration' | 'clock'>): Promise<RegistrationPolicy> {
  if (!ctx.registration) return null;
  const { mode, openClientTtlDays } = (await ctx.stores.settings.get()).registration;
  if (mode === 'open') return { mode, expiresAt: new Date(ctx.clock().getTime() + openClientTtlDays * DAY_MS) };
  if (mode === 'initial_access_token' && ctx.settings.registrationTokenHash) return { mode, tokenHash: ctx.settings.registrationTokenHash };
  return null;
}
