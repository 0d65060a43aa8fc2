/**
 * /account/security: the signed-in user moves their account to another email address.
 *
 * Requesting needs the current password (re-authentication, limited per account:
 * verify-current-password.ts) and an
 * address no other account uses. It mails a change_email link (valid 24 hours, once; see
 * email-tokens.ts) to the NEW address and a notice to the OLD one, so an unwanted request is
 * noticed. Only one request is live at a time: a new one ends the earlier links. The account
 * keeps its address until the change is confirmed.
 *
 * Opening the link only shows the change (describeEmailChange, read-only): mail scanners and link
 * previewers fetch links, and a GET that changed the address would hand a mistyped stranger's
 * mailbox the account. Pressing "Confirm" (a POST) spends the link and, in the same transaction,
 * sets the new address (verified: using the link proves it is read), spends the links mailed to
 * the old address, and writes the audit record. Sessions are keyed by user id and stay valid.
 *
 * If another account took the address in the meantime, nothing is written and the link stays
 * unspent: it keeps answering "taken" until it expires, and works if the address is freed before
 * then — which is what the user asked for. A unique-constraint race ends the same way.
 */
import type { Db } from '../db/client.ts';
import type { Actor } from '../portal/types.ts';
import { sha256 } from '../oidc/tokens.ts';
import { emailField } from '../validation/user.ts';
import { checkEmailToken, consumeEmailToken, EmailLinkError, issueEmailToken, type LinkProblem } from './email-tokens.ts';
import type { Mailer } from './mailer.ts';
import { recordSecurityEvent } from './record-security-event.ts';
import { verifyCurrentPassword } from './verify-current-password.ts';
import type { Limiter } from '../rate-limit/limiter.ts';

export class SameEmailError extends Error {
  constructor() {
    super('This is already the email address of your account. Enter a different one.');
    this.name = 'SameEmailError';
  }
}

export class EmailInUseError extends Error {
  constructor() {
    super('Another Portico account already uses this email address. Enter a different one.');
    this.name = 'EmailInUseError';
  }
}

export type EmailChangeRequested = { currentEmail: string; newEmail: string; expiresAt: Date };

export async function requestEmailChange(
  db: Db,
  passwordAttempts: Limiter,
  mailer: Mailer,
  actor: Actor,
  input: { newEmail: string; currentPassword: string; issuer: string },
  now: Date = new Date(),
): Promise<EmailChangeRequested> {
  const newEmail = emailField.parse(input.newEmail);
  await verifyCurrentPassword(db, passwordAttempts, actor.userId, input.currentPassword);
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { id: true, email: true } });
  if (newEmail === user.email) throw new SameEmailError();
  if (await db.user.findUnique({ where: { email: newEmail }, select: { id: true } })) throw new EmailInUseError();

  const { token, expiresAt } = await db.$transaction(async (tx) => {
    // Earlier links are expired rather than marked used, so opening one says "expired, ask for a
    // new one" instead of suggesting someone used it.
    await tx.emailToken.updateMany({
      where: { userId: user.id, purpose: 'change_email', usedAt: null, expiresAt: { gt: now } },
      data: { expiresAt: now },
    });
    const issued = await issueEmailToken(tx, { userId: user.id, purpose: 'change_email', newEmail, now });
    await recordSecurityEvent(tx, { userId: user.id, action: 'user.email_change_requested', details: { newEmail }, at: now });
    return issued;
  });

  await mailer.send({
    to: newEmail,
    subject: 'Confirm your new email address for Portico',
    text: [
      'Someone (hopefully you) asked to make this the email address of their Portico account.',
      'Open this link and confirm the change:',
      '',
      `${input.issuer}/confirm-email?token=${encodeURIComponent(token)}`,
      '',
      'The link works once and expires in 24 hours. Until you confirm, the account keeps its current address.',
      'If you did not ask for this, ignore this email: nothing changes.',
    ].join('\n'),
  });
  await mailer.send({
    to: user.email,
    subject: 'Your Portico email address is about to change',
    text: [
      `Someone asked to change the email address of your Portico account to ${newEmail}.`,
      `Your address stays ${user.email} until the change is confirmed with the link sent to ${newEmail}.`,
      '',
      'If it was not you, change your password now (someone knows it) and check your email address at',
      `${input.issuer}/account/security`,
    ].join('\n'),
  });
  return { currentEmail: user.email, newEmail, expiresAt };
}

type LinkUnusable = { ok: false; problem: LinkProblem; message: string };
type AddressTakenResult = { ok: false; problem: 'taken'; newEmail: string; message: string };

export type ConfirmEmailChangeResult = { ok: true; oldEmail: string; newEmail: string } | LinkUnusable | AddressTakenResult;

export async function confirmEmailChange(db: Db, token: string, now: Date = new Date()): Promise<ConfirmEmailChangeResult> {
  let attempted = '';
  try {
    return await db.$transaction(async (tx) => {
      const { userId, newEmail } = await consumeEmailToken(tx, token, 'change_email', now);
      if (!newEmail) throw new EmailLinkError('invalid');
      attempted = newEmail;
      const taken = await tx.user.findFirst({ where: { email: newEmail, id: { not: userId } }, select: { id: true } });
      if (taken) throw new AddressTaken();
      const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
      await tx.user.update({ where: { id: userId }, data: { email: newEmail, emailVerified: true } });
      // Reset and verification links went to the old address; they must not outlive it.
      await tx.emailToken.updateMany({
        where: { userId, purpose: { in: ['reset_password', 'verify_email'] }, usedAt: null },
        data: { usedAt: now },
      });
      await recordSecurityEvent(tx, { userId, action: 'user.email_changed', details: { oldEmail: before.email, newEmail }, at: now });
      return { ok: true as const, oldEmail: before.email, newEmail };
    });
  } catch (err) {
    if (err instanceof EmailLinkError) return unusable(err);
    if (err instanceof AddressTaken) return takenResult(attempted);
    // P2002: unique constraint on User.email — another account took it between check and update.
    if ((err as { code?: unknown } | null)?.code === 'P2002' && attempted) return takenResult(attempted);
    throw err;
  }
}

export type EmailChangeDescription = { ok: true; currentEmail: string; newEmail: string } | LinkUnusable | AddressTakenResult;

/** What opening the link would change, for the page that asks to confirm. Writes nothing. */
export async function describeEmailChange(db: Db, token: string, now: Date = new Date()): Promise<EmailChangeDescription> {
  try {
    await checkEmailToken(db, token, 'change_email', now);
  } catch (err) {
    if (err instanceof EmailLinkError) return unusable(err);
    throw err;
  }
  const row = await db.emailToken.findUnique({
    where: { tokenHash: sha256(token) },
    select: { userId: true, newEmail: true, user: { select: { email: true } } },
  });
  if (!row?.newEmail) return unusable(new EmailLinkError('invalid'));
  const taken = await db.user.findFirst({ where: { email: row.newEmail, id: { not: row.userId } }, select: { id: true } });
  if (taken) return takenResult(row.newEmail);
  return { ok: true, currentEmail: row.user.email, newEmail: row.newEmail };
}

/** The address a change to which is waiting for its link to be opened, if any. */
export async function findPendingEmailChange(db: Db, userId: string, now: Date = new Date()): Promise<{ newEmail: string; expiresAt: Date } | null> {
  const row = await db.emailToken.findFirst({
    where: { userId, purpose: 'change_email', usedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: 'desc' },
    select: { newEmail: true, expiresAt: true },
  });
  return row?.newEmail ? { newEmail: row.newEmail, expiresAt: row.expiresAt } : null;
}

/** Thrown inside the transaction so it rolls back, leaving the link unspent. */
class AddressTaken extends Error {}

function unusable(err: EmailLinkError): LinkUnusable {
  return { ok: false, problem: err.problem, message: err.message };
}

function takenResult(newEmail: string): AddressTakenResult {
  return {
    ok: false,
    problem: 'taken',
    newEmail,
    message: `Another Portico account started using ${newEmail} after you asked for the change, so your address stays as it was. Sign in and choose a different address.`,
  };
}
