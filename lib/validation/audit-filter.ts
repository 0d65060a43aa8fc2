/**
 * The audit log's filters (/admin/audit, its export): who acted (an email address or user id),
 * what (an action or the start of one, e.g. "admin." or "client.disabled"), on which app or team,
 * and a date range (whole UTC days, both ends included). Empty fields filter nothing.
 */
import { z } from 'zod';

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .transform((v) => (v === '' ? undefined : v))
    .optional();

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = (label: string) =>
  z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || (DAY.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))), `${label}: enter a date as YYYY-MM-DD.`)
    .optional();

export const auditFilterSchema = z
  .object({
    actor: optionalText(254, 'Actor: enter an email address or a user id (at most 254 characters).'),
    action: optionalText(100, 'Action: at most 100 characters, such as admin.user_disabled or client.'),
    clientId: optionalText(200, 'App: enter a client id (at most 200 characters).'),
    teamId: optionalText(200, 'Team: enter a team id (at most 200 characters).'),
    from: day('From'),
    to: day('To'),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'The "From" date must not be after the "To" date.', path: ['to'] });

export type AuditFilterInput = z.input<typeof auditFilterSchema>;
export type AuditFilter = z.output<typeof auditFilterSchema>;

export const AUDIT_EXPORT_FORMATS = ['csv', 'json'] as const;
export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];
