/**
 * Uploaded app logos live on disk under <dataDir>/logos/<clientId> (the data model keeps only the
 * URL, Client.logoUri). Client ids are base64url, checked here, so a name can never leave the folder.
 */
import 'server-only';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const SAFE_ID = /^[A-Za-z0-9_-]{1,200}$/;

export function logoPath(dataDir: string, clientId: string): string | null {
  return SAFE_ID.test(clientId) ? path.join(dataDir, 'logos', clientId) : null;
}

/** Writes the logo atomically and answers the URL to store as logoUri (versioned, so caches refresh). */
export async function saveLogo(dataDir: string, issuer: string, clientId: string, bytes: Uint8Array): Promise<string> {
  const file = logoPath(dataDir, clientId);
  if (!file) throw new Error('invalid client id');
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temp, bytes, { mode: 0o644 });
  await rename(temp, file);
  const version = createHash('sha256').update(bytes).digest('base64url').slice(0, 10);
  return `${issuer}/logos/${clientId}?v=${version}`;
}

export async function readLogo(dataDir: string, clientId: string): Promise<Buffer | null> {
  const file = logoPath(dataDir, clientId);
  if (!file) return null;
  try {
    return await readFile(file);
  } catch {
    return null;
  }
}

export async function deleteLogo(dataDir: string, clientId: string): Promise<void> {
  const file = logoPath(dataDir, clientId);
  if (file) await rm(file, { force: true });
}
