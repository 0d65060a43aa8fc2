/**
 * Issue 12, finding 1: a back-channel logout URI must not make Portico call its own machine, its
 * network or the cloud metadata service (SSRF).
 * - Every way an app is registered or edited (CLI/operator, portal, REST API, RFC 7591/7592)
 *   refuses a URI naming a loopback, private, link-local or metadata address, or plain http.
 * - The logout POST itself goes through safe-fetch: a row that already holds such a URI (written
 *   before this rule) gets nothing, unless the operator allow-listed its host:port.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { createUser } from '@/lib/account/create-user.ts';
import { createClient } from '@/lib/portal/create-client.ts';
import { createTeamClient } from '@/lib/portal/create-team-client.ts';
import { ensurePersonalTeam } from '@/lib/portal/ensure-personal-team.ts';
import { ValidationError } from '@/lib/portal/errors.ts';
import { updateClient } from '@/lib/portal/update-client.ts';
import { startCore, type Harness } from '../support/core-harness.ts';
import { dynamicRegistration, REGISTRATION_TOKEN, restApiAs, type JsonResult } from '../support/client-surfaces.ts';

const INTERNAL_URIS = [
  'http://127.0.0.1:8080/backchannel-logout',
  'https://127.0.0.1/backchannel-logout',
  'https://10.0.0.7/logout',
  'https://192.168.1.1/logout',
  'https://172.16.0.1/logout',
  'https://169.254.169.254/latest/meta-data/',
  'https://[::1]/logout',
  'https://[fd00::5]/logout',
  'https://[::ffff:127.0.0.1]/logout',
  'https://0x7f000001/logout', // 127.0.0.1 in hexadecimal: the URL parser normalises it
  'https://localhost/logout',
  'https://rp.localhost/logout',
  'https://metadata.google.internal/computeMetadata/v1/',
];

let h: Harness;
let owner: { id: string };
let receiver: Server;
let receiverPort: number;
const received: string[] = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      received.push(body);
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  receiverPort = (receiver.address() as { port: number }).port;
  h = await startCore({ PORTICO_REGISTRATION_TOKEN: REGISTRATION_TOKEN });
  owner = await createUser(h.runtime.db, { email: 'owner@example.com', password: 'correct horse battery' });
});
afterAll(async () => {
  receiver?.close();
  await h?.close();
});

const web = { name: 'Logout RP', type: 'web' as const, redirectUris: ['https://rp.example.com/cb'] };

describe('registering a back-channel logout URI', () => {
  it.each(INTERNAL_URIS)('refuses %s when an operator creates the app (CLI)', async (uri) => {
    const error = await createClient(h.runtime.db, { ...web, backchannelLogoutUri: uri }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZodError);
    const issue = (error as ZodError).issues.find((i) => i.path[0] === 'backchannelLogoutUri');
    expect(issue?.message).toMatch(/Back-channel logout URL/);
  });

  it('refuses plain http on a public host, and accepts an https URL on a public host', async () => {
    await expect(createClient(h.runtime.db, { ...web, backchannelLogoutUri: 'http://rp.example.com/logout' })).rejects.toBeInstanceOf(ZodError);
    const ok = await createClient(h.runtime.db, { ...web, backchannelLogoutUri: 'https://rp.example.com/backchannel-logout' });
    expect(ok.client.id).toBeTruthy();
  });

  it('refuses an internal address when a developer edits the app (portal)', async () => {
    const team = await ensurePersonalTeam(h.runtime.db, { userId: owner.id });
    const { client } = await createTeamClient(h.runtime.db, { userId: owner.id }, team.id, web);
    const error = await updateClient(h.runtime.db, { userId: owner.id }, client.id, { backchannelLogoutUri: 'https://169.254.169.254/latest/meta-data/' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]).toMatchObject({ path: ['backchannelLogoutUri'], message: expect.stringMatching(/internal|loopback|link-local/i) });
  });

  it('refuses an internal address through the REST API with invalid_client_metadata', async () => {
    const api = await restApiAs(h, owner.id);
    const created = await api('POST', '/clients', { client_name: 'API RP', redirect_uris: ['https://rp.example.com/cb'], backchannel_logout_uri: 'https://10.0.0.7/logout' });
    expectMetadataError(created);
    const ok = await api('POST', '/clients', { client_name: 'API RP', redirect_uris: ['https://rp.example.com/cb'] });
    expect(ok.status).toBe(201);
    const patched = await api('PATCH', `/clients/${ok.body.client_id}`, { backchannel_logout_uri: 'https://[::1]/logout' });
    expectMetadataError(patched);
  });

  it('refuses an internal address in dynamic registration and its management (RFC 7591 §3.2.2, RFC 7592)', async () => {
    const metadata = { client_name: 'DCR RP', redirect_uris: ['https://rp.example.com/cb'] };
    expectMetadataError(await dynamicRegistration(h, { ...metadata, backchannel_logout_uri: 'https://169.254.169.254/latest/meta-data/' }));
    const created = await dynamicRegistration(h, metadata);
    expect(created.status).toBe(201);
    const manage = { clientId: String(created.body.client_id), token: String(created.body.registration_access_token) };
    expectMetadataError(await dynamicRegistration(h, { ...metadata, client_id: manage.clientId, backchannel_logout_uri: 'http://127.0.0.1:9/' }, manage));
  });
});

function expectMetadataError(result: JsonResult) {
  expect(result.status).toBe(400);
  expect(result.body.error).toBe('invalid_client_metadata');
  expect(result.body.error_description).toMatch(/^backchannel_logout_uri: /);
}

describe('sending the logout token', () => {
  async function clientWithStoredUri(uri: string) {
    const { client } = await createClient(h.runtime.db, web);
    // A row written before registration refused internal addresses.
    await h.runtime.db.client.update({ where: { id: client.id }, data: { backchannelLogoutUri: uri } });
    return client.id;
  }

  it('never POSTs to a loopback address that the operator did not allow-list', async () => {
    const clientId = await clientWithStoredUri(`http://127.0.0.1:${receiverPort}/backchannel-logout`);
    received.length = 0;
    await h.runtime.provider.logout.accessRevoked(owner.id, clientId);
    await new Promise((r) => setTimeout(r, 200));
    expect(received).toEqual([]);
  });
});

describe('sending the logout token to an allow-listed receiver', () => {
  let allowed: Harness;
  beforeAll(async () => {
    allowed = await startCore({ PORTICO_OUTBOUND_ALLOWED_HOSTS: `127.0.0.1:${receiverPort}` });
  });
  afterAll(() => allowed?.close());

  it('POSTs the logout token to the host:port the operator allow-listed', async () => {
    const user = await createUser(allowed.runtime.db, { email: 'allowed@example.com', password: 'correct horse battery' });
    const { client } = await createClient(allowed.runtime.db, web);
    await allowed.runtime.db.client.update({ where: { id: client.id }, data: { backchannelLogoutUri: `http://127.0.0.1:${receiverPort}/backchannel-logout` } });
    received.length = 0;
    await allowed.runtime.provider.logout.accessRevoked(user.id, client.id);
    expect(received).toHaveLength(1);
    expect(new URLSearchParams(received[0]).get('logout_token')).toMatch(/^ey/);
  });
});
