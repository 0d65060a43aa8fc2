/** One page of the audit log, filtered (lib/validation/audit-filter.ts), newest first. */
import type { Db } from '../db/client.ts';
import { parseInput } from '../portal/errors.ts';
import type { Actor } from '../portal/types.ts';
import { auditFilterSchema, type AuditFilterInput } from '../validation/audit-filter.ts';
import { auditWhere, describeEvents } from './audit-query.ts';
import { readAsOperator } from './operator.ts';
import { clampPage, type PageRequest } from './paging.ts';
import type { AuditRecord, Page } from './types.ts';

export async function queryAuditLog(db: Db, actor: Actor, input: AuditFilterInput, page: PageRequest = {}): Promise<Page<AuditRecord>> {
  const filter = parseInput(auditFilterSchema, input);
  return readAsOperator(db, actor, async () => {
    const where = await auditWhere(db, filter);
    const { take, skip } = clampPage(page);
    const [rows, total] = await Promise.all([
      db.auditEvent.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take, skip }),
      db.auditEvent.count({ where }),
    ]);
    return { items: await describeEvents(db, rows), total };
  });
}
