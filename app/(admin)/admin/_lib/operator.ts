/**
 * Who is using the operator console. The layout and every page start with operatorPage: a
 * signed-out visitor signs in and comes back; a signed-in user who is not an operator gets the
 * not-found page (the console does not announce itself). Server actions start with
 * operatorAction, which refuses instead; every lib/admin use case checks the role again.
 */
import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { isOperator } from '@/lib/admin';
import { getSignedInUser, type SignedInUser } from '@/lib/auth/session';
import type { Config } from '@/lib/config';
import type { Db } from '@/lib/db/client';
import { getRuntime, type Runtime } from '@/lib/server/runtime';

export type OperatorContext = { user: SignedInUser; actor: { userId: string }; db: Db; config: Config; runtime: Runtime };

export async function operatorPage(path: string): Promise<OperatorContext> {
  const user = await getSignedInUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  const runtime = await getRuntime();
  const actor = { userId: user.id };
  if (!(await isOperator(runtime.db, actor))) notFound();
  return { user, actor, db: runtime.db, config: runtime.config, runtime };
}

export class SignedOutError extends Error {
  constructor() {
    super('You are no longer signed in. Sign in again and retry.');
  }
}

/** For server actions: the signed-in user (the use case checks they are an operator). */
export async function operatorAction(): Promise<OperatorContext> {
  const user = await getSignedInUser();
  if (!user) throw new SignedOutError();
  const runtime = await getRuntime();
  return { user, actor: { userId: user.id }, db: runtime.db, config: runtime.config, runtime };
}
