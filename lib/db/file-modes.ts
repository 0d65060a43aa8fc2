/**
 * The data directory and the SQLite files hold password hashes, sealed keys, tokens' hashes and
 * mail with reset links: readable by the owner only, whatever the umask (CWE-276 / CWE-732:
 * default permissions on sensitive files). Directories Portico creates are 0700; the database
 * file is created 0600 before SQLite opens it, and SQLite's unix VFS gives its -wal, -shm and
 * -journal files the database file's mode; on every start existing files are tightened, for data
 * left open by an earlier version. A file owned by someone else is left as it is (chmod would fail).
 */
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

export const DIRECTORY_MODE = 0o700;
export const FILE_MODE = 0o600;

/** Creates the data directory 0700, or takes group and other permissions off an existing one. */
export function restrictDataDirectory(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: DIRECTORY_MODE });
  restrict(dir, DIRECTORY_MODE);
}

/** Before SQLite opens `file`: its directory exists (0700 if created now), the file exists 0600, and so do its companions. */
export function prepareSqliteFile(file: string): void {
  if (file === ':memory:') return;
  mkdirSync(dirname(file), { recursive: true, mode: DIRECTORY_MODE });
  closeSync(openSync(file, 'a', FILE_MODE)); // creates it with this mode; an existing file is untouched
  for (const companion of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) restrict(companion, FILE_MODE);
}

function restrict(path: string, mode: number): void {
  try {
    chmodSync(path, mode);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'EPERM') throw err;
  }
}
