/**
 * Test helpers: a self-signed certificate (openssl) and an https server on 127.0.0.1 that answers
 * with whatever the test's handler says. Tests trust the certificate through safe-fetch's `ca`
 * option, or a server process through NODE_EXTRA_CA_CERTS (`caFile`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export type TestCertificate = { key: string; cert: string };

/** A certificate for localhost, metadata.test, 127.0.0.1 and ::1 that is its own CA (2 days). */
export function selfSignedCertificate(): TestCertificate {
  const dir = mkdtempSync(path.join(tmpdir(), 'portico-tls-'));
  try {
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert,
      '-days', '2', '-subj', '/CN=Portico test', '-addext', 'subjectAltName=DNS:localhost,DNS:metadata.test,IP:127.0.0.1,IP:::1',
    ], { stdio: 'ignore' });
    return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export type TestTlsServer = {
  port: number;
  /** https://127.0.0.1:<port> */
  origin: string;
  /** "127.0.0.1:<port>", for an allow-list. */
  hostPort: string;
  ca: string;
  /** The certificate in a file, for NODE_EXTRA_CA_CERTS. */
  caFile: string;
  /** Requests received, by path. */
  hits: string[];
  handle(handler: Handler): void;
  close(): Promise<void>;
};

export async function startTlsServer(handler: Handler = (_req, res) => res.end()): Promise<TestTlsServer> {
  const certificate = selfSignedCertificate();
  let current = handler;
  const hits: string[] = [];
  const server = https.createServer(certificate, (req, res) => {
    hits.push(req.url ?? '');
    current(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const dir = mkdtempSync(path.join(tmpdir(), 'portico-ca-'));
  const caFile = path.join(dir, 'ca.pem');
  writeFileSync(caFile, certificate.cert);
  return {
    port,
    origin: `https://127.0.0.1:${port}`,
    hostPort: `127.0.0.1:${port}`,
    ca: certificate.cert,
    caFile,
    hits,
    handle: (next) => void (current = next),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
        rmSync(dir, { recursive: true, force: true });
      }),
  };
}

/** Answers with a JSON body and the given headers. */
export function json(body: unknown, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', ...headers });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
}
