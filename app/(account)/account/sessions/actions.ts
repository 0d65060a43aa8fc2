'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { recordSecurityEvent } from '@/lib/account/record-security-event';
import { signOutEverywhere } from '@/lib/account/sign-out-everywhere';
import { endUserSession } from '@/lib/account/user-sessions';
import { getSignedInUser } from '@/lib/auth/session';
import { getRuntime } from '@/lib/server/runtime';
import { announceEndedSessions } from '@/lib/server/sessions-ended';

export type SessionActionResult = { ok: true; signedOutHere?: boolean } | { ok: false; error: string };

const SIGNED_OUT = 'Your session has ended. Sign in again to manage your sessions.';
const FAILED = 'Something went wrong on our side. Try again in a moment.';

/** "Sign out" on one row of /account/sessions. */
export async function signOutSessionAction(sessionId: string): Promise<SessionActionResult> {
  const sid = z.string().min(1).max(64).safeParse(sessionId);
  if (!sid.success) return { ok: false, error: 'That session could not be found. Reload the page.' };
  const user = await getSignedInUser();
  if (!user) return { ok: false, error: SIGNED_OUT };
  try {
    const { db } = await getRuntime();
    const ended = await db.$transaction(async (tx) => {
      const row = await endUserSession(tx, user.id, sid.data);
      if (row) await recordSecurityEvent(tx, { userId: user.id, action: 'user.session_signed_out', details: row.userAgent ? { userAgent: row.userAgent } : {} });
      return row;
    });
    if (!ended) return { ok: false, error: 'That session has already ended. Reload the page to see the current list.' };
    await announceEndedSessions(user.id, [ended.id]);
  } catch (err) {
    console.error('signing out a session failed', err);
    return { ok: false, error: FAILED };
  }
  revalidatePath('/account/sessions');
  return { ok: true, signedOutHere: sid.data === user.sessionId };
}

/** "Sign out everywhere": every session of the user ends, this browser's too, and every personal access token. */
export async function signOutEverywhereAction(): Promise<SessionActionResult> {
  const user = await getSignedInUser();
  if (!user) return { ok: false, error: SIGNED_OUT };
  try {
    const { endedSessions } = await signOutEverywhere((await getRuntime()).db, user.id);
    await announceEndedSessions(user.id, endedSessions);
  } catch (err) {
    console.error('signing out everywhere failed', err);
    return { ok: false, error: FAILED };
  }
  return { ok: true, signedOutHere: true };
}
