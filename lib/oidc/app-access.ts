/**
 * Controlled access: may this user use this app? One decision, asked wherever something would be
 * issued to a user.
 * - An app's policy is "everyone" (the default: any account may sign in to it) or "assigned":
 *   only users assigned to the app directly, or members of a group assigned to it. Operators
 *   manage both in /admin and the REST API (lib/admin).
 * - The authorization endpoint asks after sign-in and before consent or any code: a refusal is an
 *   RFC 6749 §4.1.2.1 `access_denied` error response to the app (or, when the redirect URI is not
 *   trusted, Portico's own page saying so), never a code or token.
 * - The token endpoint asks again on refresh (RFC 6749 §6): a user removed from the app's
 *   assignments gets no new tokens (`invalid_grant`, RFC 6749 §5.2), whatever they were given before.
 * The store (ports.ts AppAccessStore) answers with the policy and the assignments as they are now.
 */
import type { ProviderContext } from './context.ts';
import { accessDenied, invalidGrant, type OAuthError } from './errors.ts';
import type { ClientRecord } from './ports.ts';

export async function mayUseApp(ctx: Pick<ProviderContext, 'stores'>, client: Pick<ClientRecord, 'id'>, userId: string): Promise<boolean> {
  return ctx.stores.appAccess.allows(client.id, userId);
}

/** The authorization error for a user the app's policy leaves out (redirectable: client and redirect URI were validated). */
export function appAccessDenied(client: Pick<ClientRecord, 'name'>): OAuthError {
  return accessDenied(
    `Your account has not been given access to ${client.name}. Ask the administrator of ${client.name} or of this Portico to assign you to it, or sign in with another account.`,
  );
}

/** The refresh token's user is no longer allowed to use the app. */
export function appAccessWithdrawn(client: Pick<ClientRecord, 'name'>): OAuthError {
  return invalidGrant(`The user no longer has access to ${client.name}: an administrator removed it. The user must be assigned to the app again.`);
}

/** Throws `access_denied` unless the user may use the app (the authorization endpoint's check). */
export async function requireAppAccess(ctx: Pick<ProviderContext, 'stores'>, client: Pick<ClientRecord, 'id' | 'name'>, userId: string): Promise<void> {
  if (!(await mayUseApp(ctx, client, userId))) throw appAccessDenied(client);
}

/** Throws `invalid_grant` unless the refresh token's user may still use the app (the refresh grant's check). */
export async function requireAppAccessOnRefresh(ctx: Pick<ProviderContext, 'stores'>, client: Pick<ClientRecord, 'id' | 'name'>, userId: string | null): Promise<void> {
  if (userId !== null && !(await mayUseApp(ctx, client, userId))) throw appAccessWithdrawn(client);
}
