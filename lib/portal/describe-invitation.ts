/**
 * What an invitation link offers, for the page that shows it before anyone accepts: the team's
 * name, the role, and whether the link can still be used. The token itself is the credential, so
 * anyone holding it may see this much; the invited email address is not revealed.
 */
import type { Db } from '../db/client.ts';
import { sha256 } from '../oidc/tokens.ts';
import type { TeamRole } from './types.ts';

export type InvitationDescription = { teamName: string; role: TeamRole; status: 'pending' | 'used' | 'revoked' | 'expired' };

export async function describeInvitation(db: Db, token: string, now = new Date()): Promise<InvitationDescription | null> {
  if (token.length > 200) return null;
  const invitation = await db.invitation.findUnique({ where: { tokenHash: sha256(token) }, include: { team: { select: { name: true } } } });
  if (!invitation) return null;
  const status = invitation.acceptedAt ? 'used' : invitation.revokedAt ? 'revoked' : invitation.expiresAt <= now ? 'expired' : 'pending';
  return { teamName: invitation.team.name, role: invitation.role as TeamRole, status };
}
