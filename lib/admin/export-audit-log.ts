/**
 * The filtered audit log as a file: CSV (one row per event, details as JSON in the last column)
 * or JSON (an array). At most EXPORT_LIMIT events, newest first; `truncated` says when there were
 * more (narrow the dates). CSV cells that a spreadsheet would run as a formula (starting with
 * = + - @, tab or carriage return) are prefixed with an apostrophe (OWASP "CSV injection").
 */
import type { Db } from '../db/client.ts';
import { parseInput } from '../portal/errors.ts';
import type { Actor } from '../portal/types.ts';
import { auditFilterSchema, type AuditExportFormat, type AuditFilterInput } from '../validation/audit-filter.ts';
import { auditWhere, describeEvents } from './audit-query.ts';
import { readAsOperator } from './operator.ts';
import type { AuditRecord } from './types.ts';

export const EXPORT_LIMIT = 10_000;

export type AuditExport = { filename: string; contentType: string; body: string; count: number; truncated: boolean };

export async function exportAuditLog(db: Db, actor: Actor, input: AuditFilterInput, format: AuditExportFormat, now = new Date()): Promise<AuditExport> {
  const filter = parseInput(auditFilterSchema, input);
  return readAsOperator(db, actor, async () => {
    const where = await auditWhere(db, filter);
    const rows = await db.auditEvent.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: EXPORT_LIMIT + 1 });
    const records = await describeEvents(db, rows.slice(0, EXPORT_LIMIT));
    const stamp = now.toISOString().slice(0, 19).replace(/[:T]/g, '-');
    const base = { count: records.length, truncated: rows.length > EXPORT_LIMIT, filename: `portico-audit-${stamp}.${format}` };
    return format === 'json'
      ? { ...base, contentType: 'application/json; charset=utf-8', body: JSON.stringify(records.map(toJson), null, 2) }
      : { ...base, contentType: 'text/csv; charset=utf-8', body: toCsv(records) };
  });
}

const toJson = (r: AuditRecord) => ({
  id: r.id,
  at: r.at.toISOString(),
  action: r.action,
  actor_id: r.actor?.id ?? null,
  actor_email: r.actor?.email ?? null,
  team_id: r.team?.id ?? null,
  team_name: r.team?.name ?? null,
  client_id: r.client?.id ?? null,
  client_name: r.client?.name ?? null,
  details: r.details,
});

const COLUMNS = ['id', 'at', 'action', 'actor_id', 'actor_email', 'team_id', 'team_name', 'client_id', 'client_name', 'details'] as const;

function toCsv(records: AuditRecord[]): string {
  const lines = records.map((r) => {
    const row = toJson(r);
    return COLUMNS.map((c) => csvCell(c === 'details' ? JSON.stringify(row.details) : row[c])).join(',');
  });
  return [COLUMNS.join(','), ...lines].join('\r\n') + '\r\n';
}

export function csvCell(value: string | null): string {
  if (value === null) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
