/** Users, clients and consents created through the same use cases the CLI and portal use. */
import { createUser } from '@/lib/account/create-user.ts';
import { createPrismaClient, type Db } from '@/lib/db/client.ts';
import { consentStore } from '@/lib/db/stores/consents.ts';
import { createClient } from '@/lib/portal/create-client.ts';

export const PASSWORD = 'correct horse battery staple';

export async function openDb(url: string): Promise<Db> {
  return createPrismaClient(url);
}

export async function makeUser(db: Db, email: string) {
  return createUser(db, { email, password: PASSWORD, name: email.split('@')[0] });
}

/** A user whose email address is confirmed: only such an account may create personal access tokens. */
export async function makeVerifiedUser(db: Db, email: string) {
  const user = await makeUser(db, email);
  await db.user.update({ where: { id: user.id }, data: { emailVerified: true } });
  return user;
}

export async function makeClient(db: Db, input: Parameters<typeof createClient>[1]) {
  const { client, clientSecret } = await createClient(db, input);
  return { id: client.id, secret: clientSecret };
}

export async function grantConsent(db: Db, userId: string, clientId: string, scopes: string[]) {
  await consentStore(db).grant(userId, clientId, scopes);
}
