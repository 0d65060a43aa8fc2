/**
 * The ways an app's settings are written, in-process against a core harness: the REST API
 * (/api/v1, as its route files run it) with a personal access token, and RFC 7591/7592 dynamic
 * registration at /oauth/register. The portal and the CLI call the use cases (updateClient,
 * createClient) directly, so tests call those themselves.
 */
import { createApi } from '@/lib/api/router.ts';
import { fetchEndpoint } from '@/lib/oidc/http/message.ts';
import { createPersonalAccessToken } from '@/lib/portal/create-personal-access-token.ts';
import type { Harness } from './core-harness.ts';

/** Must match PORTICO_REGISTRATION_TOKEN given to startCore. */
export const REGISTRATION_TOKEN = 'initial-access-token-0123456789abcdefghijkl';

export type JsonResult = { status: number; body: Record<string, unknown> };

const jsonResult = async (res: Response): Promise<JsonResult> => ({ status: res.status, body: res.status === 204 ? {} : await res.json() });

/** Calls /api/v1 as `userId` (whose email address it marks confirmed, as tokens require), with read and write access to their apps. */
export async function restApiAs(h: Harness, userId: string) {
  await h.runtime.db.user.update({ where: { id: userId }, data: { emailVerified: true } });
  const { secret } = await createPersonalAccessToken(h.runtime.db, { userId }, { name: 'test', scopes: ['clients:read', 'clients:write'], expiresInDays: 1 });
  const api = fetchEndpoint(createApi({ db: h.runtime.db, clock: () => h.clock.now, issuer: h.config.issuer, secret: h.config.secret }));
  return async (method: string, path: string, body?: unknown): Promise<JsonResult> =>
    jsonResult(
      await api(
        new Request(new URL(`/api/v1${path}`, h.config.issuer), {
          method,
          headers: { authorization: `Bearer ${secret}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
      ),
    );
}

/** POST /oauth/register (RFC 7591) with the initial access token, or PUT /oauth/register/{id} (RFC 7592) with a registration access token. */
export async function dynamicRegistration(h: Harness, body: unknown, manage?: { clientId: string; token: string }): Promise<JsonResult> {
  const path = manage ? `/oauth/register/${encodeURIComponent(manage.clientId)}` : '/oauth/register';
  const request = new Request(new URL(path, h.config.issuer), {
    method: manage ? 'PUT' : 'POST',
    headers: { authorization: `Bearer ${manage?.token ?? REGISTRATION_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return jsonResult(await fetchEndpoint(h.runtime.provider.endpoints.register)(request));
}
