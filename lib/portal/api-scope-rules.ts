/**
 * Scope ownership: a scope name belongs to exactly one API (ApiScope.name is the primary key),
 * so no team can define, reword or squat another's scope. A clash says only that another API
 * defines the name, never which one. Removing a scope also takes it out of every access request
 * and approval, in the caller's transaction.
 */
import { scopeList } from './api-resource-view.ts';
import { ValidationError } from './errors.ts';
import type { Tx } from './transaction.ts';

export const SCOPE_TAKEN = 'This scope name is already defined by another API. Scope names are unique across all APIs: choose another, such as one prefixed with your API’s name.';

/** P2002: a unique constraint refused the write (a concurrent request took the name first). */
export const isUniqueViolation = (err: unknown) => (err as { code?: unknown } | null)?.code === 'P2002';

export async function insertApiScope(tx: Tx, resourceId: string, values: { name: string; description: string }, now: Date) {
  const existing = await tx.apiScope.findUnique({ where: { name: values.name }, select: { resourceId: true } });
  if (existing) {
    throw ValidationError.of('name', existing.resourceId === resourceId ? `This API already has the scope "${values.name}".` : SCOPE_TAKEN);
  }
  return tx.apiScope.create({ data: { name: values.name, resourceId, description: values.description, createdAt: now } });
}

/** Every scope in `scopes` must be one of the API's; otherwise a field error on `field`. */
export function requireScopesOf(defined: readonly string[], scopes: readonly string[], field: string, what = 'a scope of this API'): void {
  const known = new Set(defined);
  const unknown = scopes.filter((s) => !known.has(s));
  if (unknown.length) throw ValidationError.of(field, `${unknown.map((s) => `"${s}"`).join(', ')} ${unknown.length === 1 ? 'is not' : 'are not'} ${what}.`);
}

/** Takes `name` out of every request and approval for the API; a request left empty is deleted. */
export async function stripScopeFromAccess(tx: Tx, resourceId: string, name: string): Promise<number> {
  const rows = await tx.apiAccess.findMany({ where: { resourceId } });
  let changed = 0;
  for (const row of rows) {
    const requested = scopeList(row.requestedScope);
    const approved = scopeList(row.approvedScope);
    if (!requested.includes(name) && !approved.includes(name)) continue;
    changed++;
    const keep = (list: string[]) => list.filter((s) => s !== name).join(' ');
    const where = { resourceId_clientId: { resourceId, clientId: row.clientId } };
    if (keep(requested) === '' && keep(approved) === '') await tx.apiAccess.delete({ where });
    else await tx.apiAccess.update({ where, data: { requestedScope: keep(requested), approvedScope: keep(approved) } });
  }
  return changed;
}

