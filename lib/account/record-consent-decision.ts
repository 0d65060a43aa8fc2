/**
 * The audit record of a consent decision, written by the consent screen's server action once the
 * core has accepted it: what was granted and what the user unticked, or that they denied.
 */
import type { Db } from '../db/client.ts';
import { REQUIRED_SCOPES } from '../oidc/scopes.ts';
import type { Actor } from '../portal/types.ts';
import { recordSecurityEvent } from './record-security-event.ts';

export type ConsentDecision =
  | { decision: 'allow'; client: { id: string; name: string }; requested: string[]; ticked: string[] }
  | { decision: 'deny'; client: { id: string; name: string }; requested: string[] };

/** The scopes an Allow grants: the requested ones left ticked, plus the required ones. */
export function grantedScopes(requested: readonly string[], ticked: readonly string[]): string[] {
  return requested.filter((s) => ticked.includes(s) || REQUIRED_SCOPES.includes(s));
}

export async function recordConsentDecision(db: Db, actor: Actor, decision: ConsentDecision): Promise<void> {
  const { client, requested } = decision;
  if (decision.decision === 'deny') {
    await recordSecurityEvent(db, { userId: actor.userId, action: 'consent.denied', clientId: client.id, details: { clientName: client.name, requested } });
    return;
  }
  const granted = grantedScopes(requested, decision.ticked);
  await recordSecurityEvent(db, {
    userId: actor.userId,
    action: 'consent.granted',
    clientId: client.id,
    details: { clientName: client.name, granted, declined: requested.filter((s) => !granted.includes(s)) },
  });
}
