/**
 * An app's activity for the portal: sign-ins and token grants per day over the last 30 days
 * (zero-filled, oldest first), how many users have consented, and when it last got a token.
 * Anyone who can see the app may see its activity.
 */
import type { Db } from '../db/client.ts';
import { utcDay } from '../db/activity.ts';
import { requireClientRole } from './access.ts';
import type { Actor } from './types.ts';

export const ACTIVITY_DAYS = 30;

export type ClientActivity = {
  days: { day: string; signIns: number; tokens: number }[];
  totals: { signIns: number; tokens: number };
  activeUsers: number;
  lastUsedAt: Date | null;
};

export async function getClientActivity(db: Db, actor: Actor, clientId: string, now = new Date()): Promise<ClientActivity> {
  const { client } = await requireClientRole(db, actor, clientId, 'viewer', 'see apps');
  const days = Array.from({ length: ACTIVITY_DAYS }, (_, i) => utcDay(new Date(now.getTime() - (ACTIVITY_DAYS - 1 - i) * 86_400_000)));
  const [rows, activeUsers, last] = await Promise.all([
    db.clientActivity.findMany({ where: { clientId: client.id, day: { gte: days[0]! } } }),
    db.consent.count({ where: { clientId: client.id } }),
    db.clientActivity.findFirst({ where: { clientId: client.id }, orderBy: { day: 'desc' }, select: { lastUsedAt: true, tokens: true } }),
  ]);
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const series = days.map((day) => ({ day, signIns: byDay.get(day)?.signIns ?? 0, tokens: byDay.get(day)?.tokens ?? 0 }));
  return {
    days: series,
    totals: series.reduce((t, d) => ({ signIns: t.signIns + d.signIns, tokens: t.tokens + d.tokens }), { signIns: 0, tokens: 0 }),
    activeUsers,
    lastUsedAt: last?.lastUsedAt ?? null,
  };
}
