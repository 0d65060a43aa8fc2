/**
 * OpenID Connect Dynamic Client Registration §5: an app that names a sector_identifier_uri is
 * registered only if the document there lists every redirect URI it registers — through the CLI's
 * use case, the portal/REST use cases and RFC 7591/7592 — and an edit is checked the same way.
 * The document is served over real https by a local server, reached under a public-looking name
 * the test resolves to it and allow-lists, as an operator would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTlsServer, type TestTlsServer } from '@/lib/net/test-support.ts';
import { createClient } from '@/lib/portal/create-client.ts';
import { createRegistrationPort } from '@/lib/portal/dynamic-registration.ts';
import { ValidationError } from '@/lib/portal/errors.ts';
import { updateOperatorClient } from '@/lib/portal/update-operator-client.ts';
import { DATABASES } from '../support/databases.ts';
import { useMigratedDatabase } from '../support/migrated-database.ts';

let server: TestTlsServer;
beforeAll(async () => (server = await startTlsServer()));
afterAll(() => server?.close());

const REDIRECTS = ['https://a.example.com/cb', 'https://b.example.com/cb'];
const port = () => server.hostPort.split(':').pop();
const sectorUri = () => `https://metadata.test:${port()}/sector.json`;
const fetchOptions = () => ({ allowedHosts: [`metadata.test:${port()}`], ca: server.ca, resolve: async () => [{ address: '127.0.0.1', family: 4 as const }] });
const app = (redirectUris = REDIRECTS) => ({ name: 'Pairwise app', type: 'web' as const, redirectUris, subjectType: 'pairwise' as const, sectorIdentifierUri: sectorUri() });

describe.each(DATABASES)('sector identifier documents at registration on %s', (kind) => {
  const database = useMigratedDatabase(kind);
  const db = () => database.db();

  it('registers an app whose redirect URIs the document lists, and refuses one it leaves out', async () => {
    server.handle(json(REDIRECTS));
    const created = await createClient(db(), app(), undefined, fetchOptions());
    expect(created.client.sectorIdentifierUri).toBe(sectorUri());

    server.handle(json([REDIRECTS[0]]));
    const refused = await createClient(db(), app(), undefined, fetchOptions()).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).issues).toEqual([{ path: ['sectorIdentifierUri'], message: expect.stringMatching(/does not list these redirect URIs: https:\/\/b\.example\.com\/cb/) }]);
  });

  it('checks an edit of the redirect URIs against the document, and writes nothing when it fails', async () => {
    server.handle(json(REDIRECTS));
    const { client } = await createClient(db(), app(), undefined, fetchOptions());
    const added = [...REDIRECTS, 'https://c.example.com/cb'];
    await expect(updateOperatorClient(db(), client.id, { redirectUris: added }, { sectorFetch: fetchOptions() })).rejects.toThrow(/does not list these redirect URIs: https:\/\/c\.example\.com\/cb/);
    expect(JSON.parse((await db().client.findUniqueOrThrow({ where: { id: client.id } })).redirectUris)).toEqual(REDIRECTS);
    server.handle(json(added));
    await updateOperatorClient(db(), client.id, { redirectUris: added }, { sectorFetch: fetchOptions() });
  });

  it('answers RFC 7591 registration and RFC 7592 updates with invalid_client_metadata', async () => {
    const port = createRegistrationPort(db(), () => new Date(), undefined, fetchOptions());
    const metadata = { client_name: 'Pairwise app', redirect_uris: REDIRECTS, subject_type: 'pairwise', sector_identifier_uri: sectorUri() };
    server.handle(json(REDIRECTS));
    const registered = await port.register(metadata, `rat-${kind}-${Date.now()}`);
    server.handle(json([REDIRECTS[1]]));
    await expect(port.register(metadata, `rat-${kind}-${Date.now()}-2`)).rejects.toMatchObject({ code: 'invalid_client_metadata', description: expect.stringMatching(/sector_identifier_uri: .*does not list/) });
    await expect(port.update(registered.client_id as string, metadata)).rejects.toMatchObject({ code: 'invalid_client_metadata' });
  });
});
