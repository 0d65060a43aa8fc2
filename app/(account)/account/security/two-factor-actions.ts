'use server';

import QRCode from 'qrcode';
import {
  confirmTotpEnrolment,
  disableTwoFactor,
  regenerateRecoveryCodes,
  startTotpEnrolment,
  TooManyPasswordAttemptsError,
  TwoFactorError,
  WrongCurrentPasswordError,
} from '@/lib/account/two-factor';
import { getSignedInUser } from '@/lib/auth/session';
import { getRuntime } from '@/lib/server/runtime';

/** A failure names the field it belongs to, if any, so the form can show it there. */
export type TwoFactorFailure = { ok: false; error: string; field?: 'code' | 'password' };
export type StartEnrolmentResult = { ok: true; secret: string; otpauthUri: string; qrCodeDataUrl: string } | TwoFactorFailure;
export type RecoveryCodesResult = { ok: true; recoveryCodes: string[] } | TwoFactorFailure;
export type DisableResult = { ok: true } | TwoFactorFailure;

const SIGNED_OUT = 'You are no longer signed in. Sign in again, then come back to this page.';
const CODE_PATTERN = /^\d{6}$/;

/** Shown in the authenticator app next to the account, e.g. "Portico (login.example.com)". */
function issuerName(issuer: string): string {
  return `Portico (${new URL(issuer).hostname})`;
}

function failure(err: unknown, what: string): TwoFactorFailure {
  if (err instanceof TwoFactorError) return { ok: false, error: err.message, field: err.problem === 'wrong_code' ? 'code' : undefined };
  if (err instanceof WrongCurrentPasswordError || err instanceof TooManyPasswordAttemptsError) return { ok: false, error: err.message, field: 'password' };
  console.error(`two-step verification: ${what} failed`, err);
  return { ok: false, error: `We couldn't ${what} just now. Wait a moment and try again.` };
}

/** Starts (or restarts) setting up an authenticator app: a new secret and its QR code. */
export async function startTotpEnrolmentAction(): Promise<StartEnrolmentResult> {
  const user = await getSignedInUser();
  if (!user) return { ok: false, error: SIGNED_OUT };
  try {
    const { db, config } = await getRuntime();
    const { secret, otpauthUri } = await startTotpEnrolment(db, config.secret, user, issuerName(config.issuer));
    const svg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
    const qrCodeDataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    return { ok: true, secret, otpauthUri, qrCodeDataUrl };
  } catch (err) {
    return failure(err, 'start setting up two-step verification');
  }
}

/** Turns it on: a code from the app and, re-authenticating, the current password. */
export async function confirmTotpEnrolmentAction(input: { code: string; password: string }): Promise<RecoveryCodesResult> {
  const user = await getSignedInUser();
  if (!user) return { ok: false, error: SIGNED_OUT };
  const code = String(input?.code ?? '').replace(/\s/g, '');
  if (!CODE_PATTERN.test(code)) return { ok: false, field: 'code', error: 'Enter the 6-digit code your authenticator app shows.' };
  const password = String(input?.password ?? '');
  if (!password) return { ok: false, field: 'password', error: 'Enter your current password.' };
  try {
    const { db, config, rateLimits } = await getRuntime();
    const { recoveryCodes } = await confirmTotpEnrolment(db, rateLimits.currentPasswordPerAccount, config.secret, user.id, { code, currentPassword: password });
    return { ok: true, recoveryCodes };
  } catch (err) {
    return failure(err, 'turn on two-step verification');
  }
}

export async function regenerateRecoveryCodesAction(input: { password: string }): Promise<RecoveryCodesResult> {
  const user = await getSignedInUser();
  if (!user) return { ok: false, error: SIGNED_OUT };
  const password = String(input?.password ?? '');
  if (!password) return { ok: false, field: 'password', error: 'Enter your current password.' };
  try {
    const { db, config, rateLimits } = await getRuntime();
    const { recoveryCodes } = await regenerateRecoveryCodes(db, rateLimits.currentPasswordPerAccount, config.secret, user.id, password);
    return { ok: true, recoveryCodes };
  } catch (err) {
    return failure(err, 'make new recovery codes');
  }
}

export async function disableTwoFactorAction(input: { password: string }): Promise<DisableResult> {
  const user = await getSignedInUser();
  if (!user) return { ok: false, error: SIGNED_OUT };
  const password = String(input?.password ?? '');
  if (!password) return { ok: false, field: 'password', error: 'Enter your current password.' };
  try {
    const { db, rateLimits } = await getRuntime();
    await disableTwoFactor(db, rateLimits.currentPasswordPerAccount, user.id, password);
    return { ok: true };
  } catch (err) {
    return failure(err, 'turn off two-step verification');
  }
}
