/**
 * RFC 7591 dynamic registration and RFC 7592 management against the real server, with
 * openid-client registering itself and then completing client_credentials with its new secret.
 */
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DATABASES, type TestDatabase } from '../support/databases.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const INITIAL_TOKEN = 'initial-access-token-0123456789abcdefghijkl';

describe.each(DATABASES)('dynamic client registration on %s', (kind) => {
  let database: TestDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startServer(database, { PORTICO_REGISTRATION_TOKEN: INITIAL_TOKEN });
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  const register = (body: unknown, token: string | null = INITIAL_TOKEN) =>
    fetch(`${server.issuer}/oauth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });

  it('advertises the registration endpoint and registers a client with openid-client', async () => {
    const config = await oidc.dynamicClientRegistration(
      new URL(server.issuer),
      { client_name: 'Registered Worker', grant_types: ['client_credentials'], token_endpoint_auth_method: 'client_secret_basic', redirect_uris: [] },
      oidc.ClientSecretBasic(),
      { execute: [oidc.allowInsecureRequests], initialAccessToken: INITIAL_TOKEN },
    );
    expect(config.serverMetadata().registration_endpoint).toBe(`${server.issuer}/oauth/register`);
    const metadata = config.clientMetadata();
    expect(metadata.client_id).toBeTruthy();
    expect(metadata.client_secret).toMatch(/^cs_/);
    const tokens = await oidc.clientCredentialsGrant(config);
    expect(tokens.access_token).toMatch(/^at_/);
  });

  it('requires the initial access token', async () => {
    for (const token of [null, 'wrong-token']) {
      const res = await register({ client_name: 'x', redirect_uris: ['https://app.example.com/cb'] }, token);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
  });

  it('refuses bad metadata with RFC 7591 error codes', async () => {
    const badUri = await register({ client_name: 'x', redirect_uris: ['http://app.example.com/cb'] });
    expect(badUri.status).toBe(400);
    expect((await badUri.json()).error).toBe('invalid_redirect_uri');
    const badMeta = await register({ client_name: 'x', redirect_uris: ['https://app.example.com/cb'], grant_types: ['password'] });
    expect(badMeta.status).toBe(400);
    const body = await badMeta.json();
    expect(body.error).toBe('invalid_client_metadata');
    expect(body.error_description).toMatch(/grant_types/);
    const notJson = await fetch(`${server.issuer}/oauth/register`, { method: 'POST', headers: { authorization: `Bearer ${INITIAL_TOKEN}`, 'content-type': 'text/plain' }, body: 'x' });
    expect((await notJson.json()).error).toBe('invalid_client_metadata');
  });

  it('reads, updates and deletes a registration with its registration access token (RFC 7592)', async () => {
    const created = await (
      await register({ client_name: 'Web RP', redirect_uris: ['https://rp.example.com/cb'], backchannel_logout_uri: 'https://rp.example.com/backchannel-logout' })
    ).json();
    expect(created).toMatchObject({ client_name: 'Web RP', backchannel_logout_uri: 'https://rp.example.com/backchannel-logout', registration_client_uri: `${server.issuer}/oauth/register/${created.client_id}` });
    const auth = { authorization: `Bearer ${created.registration_access_token}` };

    const read = await fetch(created.registration_client_uri, { headers: auth });
    expect(read.status).toBe(200);
    const current = await read.json();
    expect(current.client_secret).toBeUndefined(); // stored hashed: never shown again
    expect(current.redirect_uris).toEqual(['https://rp.example.com/cb']);

    const updated = await fetch(created.registration_client_uri, {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: created.client_id, client_name: 'Web RP 2', redirect_uris: ['https://rp.example.com/cb2'] }),
    });
    expect(updated.status).toBe(200);
    expect(await updated.json()).toMatchObject({ client_name: 'Web RP 2', redirect_uris: ['https://rp.example.com/cb2'] });

    const wrong = await fetch(created.registration_client_uri, { headers: { authorization: 'Bearer rat_wrong' } });
    expect(wrong.status).toBe(401);

    expect((await fetch(created.registration_client_uri, { method: 'DELETE', headers: auth })).status).toBe(204);
    expect((await fetch(created.registration_client_uri, { headers: auth })).status).toBe(401);
  });
});
