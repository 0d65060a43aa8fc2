/**
 * sector_identifier_uri (OpenID Connect Dynamic Client Registration §5): fetched over real https
 * from a local server the test allow-lists, as an operator would (PORTICO_OUTBOUND_ALLOWED_HOSTS);
 * every redirect URI must be listed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTlsServer, type TestTlsServer } from '../net/test-support.ts';
import { sectorIdentifierProblem } from './sector-identifier.ts';

let server: TestTlsServer;
beforeAll(async () => (server = await startTlsServer()));
afterAll(() => server?.close());

const REDIRECTS = ['https://a.example.com/cb', 'https://b.example.com/cb'];
const allowed = () => ({ allowedHosts: [server.hostPort], ca: server.ca });

describe('sector identifier documents', () => {
  it('accepts a document that lists every redirect URI (and more)', async () => {
    server.handle(json([...REDIRECTS, 'https://c.example.com/cb']));
    expect(await sectorIdentifierProblem(`${server.origin}/sector.json`, REDIRECTS, allowed())).toBeNull();
    expect(server.hits.at(-1)).toBe('/sector.json');
  });

  it('names the redirect URIs the document leaves out', async () => {
    server.handle(json([REDIRECTS[0]]));
    expect(await sectorIdentifierProblem(`${server.origin}/sector.json`, REDIRECTS, allowed())).toMatch(/does not list these redirect URIs: https:\/\/b\.example\.com\/cb\./);
  });

  it('compares exactly, as redirect URIs are matched', async () => {
    server.handle(json(['https://a.example.com/cb/', 'https://B.example.com/cb']));
    expect(await sectorIdentifierProblem(`${server.origin}/sector.json`, REDIRECTS, allowed())).toMatch(/does not list/);
  });

  it.each([
    ['an object', { redirect_uris: REDIRECTS }],
    ['an array of non-strings', [1, 2]],
  ])('refuses a document that is %s', async (_, body) => {
    server.handle(json(body));
    expect(await sectorIdentifierProblem(`${server.origin}/sector.json`, REDIRECTS, allowed())).toMatch(/JSON array of redirect URI strings/);
  });

  it('refuses a body that is not JSON, and a status other than 200', async () => {
    server.handle(json('not json ['));
    expect(await sectorIdentifierProblem(`${server.origin}/sector.json`, REDIRECTS, allowed())).toMatch(/did not answer with JSON/);
    server.handle((_req, res) => res.writeHead(404).end());
    expect(await sectorIdentifierProblem(`${server.origin}/sector.json`, REDIRECTS, allowed())).toMatch(/HTTP 404/);
    server.handle((_req, res) => res.writeHead(302, { location: 'https://elsewhere.example/sector.json' }).end());
    expect(await sectorIdentifierProblem(`${server.origin}/sector.json`, REDIRECTS, allowed())).toMatch(/could not be fetched/);
  });

  it('does not fetch an internal address the operator did not allow, nor plain http', async () => {
    server.handle(json(REDIRECTS));
    const before = server.hits.length;
    expect(await sectorIdentifierProblem(`${server.origin}/sector.json`, REDIRECTS, { ca: server.ca })).toMatch(/could not be fetched/);
    expect(await sectorIdentifierProblem(`http://127.0.0.1:${server.port}/sector.json`, REDIRECTS, allowed())).toMatch(/could not be fetched/);
    expect(server.hits.length).toBe(before);
  });
});
