/**
 * Case-insensitive "contains" for the console's search boxes, on either database: SQLite's LIKE
 * already ignores ASCII case; PostgreSQL needs Prisma's insensitive mode, which the SQLite client's
 * types do not know (both clients share the SQLite client's types, lib/db/client.ts).
 */
import { connectionOf, type Db } from '../db/client.ts';

export type TextFilter = { contains: string };

export function containsText(db: Db, text: string): TextFilter {
  return (connectionOf(db).kind === 'postgres' ? { contains: text, mode: 'insensitive' } : { contains: text }) as TextFilter;
}

/** The trimmed search text, or null when there is nothing to search for. */
export function searchText(query: string | null | undefined): string | null {
  const text = query?.trim().slice(0, 200) ?? '';
  return text === '' ? null : text;
}
