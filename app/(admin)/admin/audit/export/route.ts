/**
 * GET /admin/audit/export?format=csv|json&actor=…&action=…&clientId=…&teamId=…&from=…&to=…:
 * the filtered audit log as a download, for operators (lib/admin/export-audit-log.ts checks the
 * role). Signed out or not an operator: 404, as for the console's pages.
 */
import { exportAuditLog } from '@/lib/admin';
import { getSignedInUser } from '@/lib/auth/session';
import { ForbiddenError, ValidationError } from '@/lib/portal/errors';
import { getRuntime } from '@/lib/server/runtime';
import { AUDIT_EXPORT_FORMATS, type AuditExportFormat } from '@/lib/validation/audit-filter';

const text = (status: number, body: string) => new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

export async function GET(request: Request): Promise<Response> {
  const user = await getSignedInUser();
  if (!user) return text(404, 'Not found');
  const query = new URL(request.url).searchParams;
  const format = (AUDIT_EXPORT_FORMATS as readonly string[]).includes(query.get('format') ?? '') ? (query.get('format') as AuditExportFormat) : 'csv';
  const filter = Object.fromEntries(['actor', 'action', 'clientId', 'teamId', 'from', 'to'].map((k) => [k, query.get(k) ?? '']));
  try {
    const file = await exportAuditLog((await getRuntime()).db, { userId: user.id }, filter, format);
    return new Response(file.body, {
      headers: {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.filename}"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        ...(file.truncated ? { 'x-portico-truncated': 'true' } : {}),
      },
    });
  } catch (err) {
    if (err instanceof ForbiddenError) return text(404, 'Not found');
    if (err instanceof ValidationError) return text(400, `Check the filters: ${err.issues.map((i) => i.message).join(' ')}`);
    throw err;
  }
}
