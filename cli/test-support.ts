/** For the CLI's tests: run a command in-process against a data directory, and read its SQLite database. */
import path from 'node:path';
import Database from 'better-sqlite3';
import { main } from './main.ts';

export type CliRun = { code: number; stdout: string; stderr: string };

export async function runCli(dataDir: string, args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { PORTICO_DATA_DIR: dataDir, ...env }, (t) => void (stdout += t), (t) => void (stderr += t));
  return { code, stdout, stderr };
}

/** Rows from the data directory's database, opened read-only (beside the CLI's own connection). */
export function queryDataDir<T>(dataDir: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(path.join(dataDir, 'portico.db'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
