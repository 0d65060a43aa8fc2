/**
 * The end-user side of the audit trail: sign-ins and consent decisions, recorded as AuditEvent
 * rows (lib/portal/audit.ts) with the user as actor, so /account/activity can list them.
 * Details hold what the user would want to recognise later (app name, scopes, browser), never
 * secrets or tokens.
 */
import type { Db } from '../db/client.ts';
import { recordAudit } from '../portal/audit.ts';
import type { Tx } from '../portal/transaction.ts';

export const SECURITY_ACTIONS = [
  'user.signed_up',
  'user.signed_in',
  'user.email_verified',
  'user.password_reset_requested',
  'user.password_reset',
  'user.password_changed',
  'user.temporary_password_issued',
  'consent.granted',
  'consent.denied',
  'consent.revoked',
  'user.email_change_requested',
  'user.email_changed',
  'user.two_factor_enabled',
  'user.two_factor_disabled',
  'user.recovery_codes_regenerated',
  'user.recovery_code_used',
  'user.two_factor_failed',
  'user.sign_in_failed',
  'user.session_signed_out',
  'user.signed_out_everywhere',
  'user.profile_updated',
] as const;
export type SecurityAction = (typeof SECURITY_ACTIONS)[number];

export type SecurityEvent = {
  userId: string;
  action: SecurityAction;
  clientId?: string | null;
  details?: Record<string, unknown>;
  at?: Date;
};

export async function recordSecurityEvent(db: Db | Tx, event: SecurityEvent): Promise<void> {
  await recordAudit(db, {
    actor: { userId: event.userId },
    action: event.action,
    clientId: event.clientId ?? null,
    details: event.details,
    at: event.at,
  });
}
