/**
 * After sessions were ended in the database (signed out from the session list, a password
 * change or reset), the apps that got a grant in each of them are told (OpenID Connect
 * Back-Channel Logout 1.0). Fire and forget: a slow app never delays the user's page.
 */
import { getRuntime } from './runtime.ts';

export async function announceEndedSessions(userId: string, sids: readonly string[]): Promise<void> {
  if (sids.length === 0) return;
  const { provider } = await getRuntime();
  for (const sid of sids) {
    void provider.logout.sessionEnded(userId, sid).catch((err: unknown) => console.error('back-channel logout failed', err));
  }
}
