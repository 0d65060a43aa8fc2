/**
 * API resources (RFC 8707): the product's own APIs, their scopes, access requests and resource
 * servers. Written once, shared by the portal forms, server actions, the REST API and the CLI.
 *
 * - Identifier: the audience of the API's tokens. RFC 8707 §2: an absolute URI without a
 *   fragment. https (with a host), or http on a loopback host (localhost, 127.0.0.1, [::1]) for
 *   development; no user name or password; at most 2048 characters. Stored exactly as given
 *   (after trimming surrounding spaces) and compared exactly: https://api.example.com and
 *   https://api.example.com/ are two different APIs. It cannot change after creation.
 * - Scope names: RFC 6749 §3.3 scope-token (printable ASCII except space, " and \), 1–128
 *   characters, never a standard OpenID Connect scope. Uniqueness across every API is checked by
 *   the use cases (lib/portal), which alone see the other APIs.
 * - Descriptions: one line of plain text, 1–200 characters (the API's own is optional).
 */
import { z } from 'zod';
import { isLoopback } from '../oidc/redirect-uri.ts';
import { isStandardScope, STANDARD_SCOPES } from '../oidc/scopes.ts';
import { accessTokenTtlField } from './client-fields.ts';
import { CONTROL_MESSAGE, isSingleLine } from './text.ts';

export const API_IDENTIFIER_MAX_LENGTH = 2048;
export const API_SCOPE_MAX_LENGTH = 128;
export const API_DESCRIPTION_MAX_LENGTH = 200;
export const API_TOKEN_FORMATS = ['jwt', 'opaque'] as const;
export type ApiTokenFormat = (typeof API_TOKEN_FORMATS)[number];
/** At most this many scopes in one request or decision, and apps serving one API. */
export const API_LIST_MAX = 100;

// RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;

/** The first rule an API identifier breaks, or null. */
export function apiIdentifierProblem(value: string): string | null {
  if (value === '') return 'Enter the API’s identifier, such as https://api.example.com.';
  if (value.length > API_IDENTIFIER_MAX_LENGTH) return `Identifiers are at most ${API_IDENTIFIER_MAX_LENGTH} characters.`;
  if (/\s/.test(value) || !isSingleLine(value)) return 'Identifiers must not contain spaces or control characters.';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Identifiers must be absolute URIs, such as https://api.example.com (RFC 8707 §2).';
  }
  if (value.includes('#')) return 'Identifiers must not contain a fragment (#…) (RFC 8707 §2).';
  if (url.username || url.password) return 'Identifiers must not contain a user name or password.';
  if (url.protocol === 'https:' && url.hostname) return null;
  if (isLoopback(url)) return null;
  return 'Identifiers must use https (http is allowed only for localhost, 127.0.0.1 and [::1]).';
}

export const apiIdentifierField = z
  .string({ error: 'Enter the API’s identifier, such as https://api.example.com.' })
  .trim()
  .superRefine((value, ctx) => {
    const problem = apiIdentifierProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const apiNameField = z
  .string({ error: 'Enter a name for the API.' })
  .trim()
  .min(1, 'Enter a name for the API.')
  .max(100, 'API names are at most 100 characters.')
  .refine(isSingleLine, `API names ${CONTROL_MESSAGE}.`);

const descriptionText = (what: string) =>
  z
    .string({ error: `${what} must be text.` })
    .trim()
    .max(API_DESCRIPTION_MAX_LENGTH, `${what}s are at most ${API_DESCRIPTION_MAX_LENGTH} characters.`)
    .refine(isSingleLine, `${what}s are one line of plain text, without line breaks or other control characters.`);

/** The API's own description: optional ('' or null: none). */
export const apiDescriptionField = descriptionText('Description')
  .transform((value) => (value === '' ? null : value))
  .nullable();

/** What developers (and the consent screen) read for a scope: required. */
export const apiScopeDescriptionField = descriptionText('Scope description').min(1, 'Describe what the scope allows, such as “Read invoices”.');

export const apiTokenFormatField = z.enum(API_TOKEN_FORMATS, { error: 'Token format must be jwt or opaque.' });

export function apiScopeNameProblem(value: string): string | null {
  if (value === '') return 'Enter a scope name, such as invoices:read.';
  if (value.length > API_SCOPE_MAX_LENGTH) return `Scope names are at most ${API_SCOPE_MAX_LENGTH} characters.`;
  if (!SCOPE_TOKEN.test(value)) return 'Scope names use printable characters only: no spaces, quotes (") or backslashes (RFC 6749 §3.3).';
  if (isStandardScope(value)) return `"${value}" is a standard OpenID Connect scope (${STANDARD_SCOPES.join(', ')}): choose a name of your own.`;
  return null;
}

export const apiScopeNameField = z
  .string({ error: 'Enter a scope name, such as invoices:read.' })
  .trim()
  .superRefine((value, ctx) => {
    const problem = apiScopeNameProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/**
 * A set of scope names: a list, or one space-separated string as OAuth writes them
 * ("invoices:read invoices:write"). Duplicates are dropped, order kept.
 */
export const apiScopeListField = z
  .union([z.string(), z.array(z.string({ error: 'Each scope must be text.' }))], { error: 'Scopes must be a list of scope names, or one space-separated string.' })
  .transform((value) => [...new Set((typeof value === 'string' ? value.split(' ') : value).map((s) => s.trim()).filter(Boolean))])
  .pipe(z.array(z.string()).max(API_LIST_MAX, `At most ${API_LIST_MAX} scopes at once.`));

/**
 * Open to any app: apps nobody approved (MCP clients that register themselves) may ask for the
 * API's scopes, and each user decides on the consent screen. Off: only apps the owners approved.
 */
export const openAccessField = z.boolean({ error: 'open_access must be true or false.' });

export const createApiResourceSchema = z.object({
  identifier: apiIdentifierField,
  name: apiNameField,
  description: apiDescriptionField.optional(),
  tokenFormat: apiTokenFormatField.default('jwt'),
  accessTokenTtl: accessTokenTtlField.default(3600),
  openAccess: openAccessField.default(false),
});
export type CreateApiResourceInput = z.input<typeof createApiResourceSchema>;
export type CreateApiResourceValues = z.output<typeof createApiResourceSchema>;

const IDENTIFIER_IMMUTABLE = 'The identifier cannot change: it is the audience of the tokens already issued. Create a new API instead.';

export const updateApiResourceSchema = z.object({
  identifier: z.undefined({ error: IDENTIFIER_IMMUTABLE }).optional(),
  name: apiNameField.optional(),
  description: apiDescriptionField.optional(),
  tokenFormat: apiTokenFormatField.optional(),
  accessTokenTtl: accessTokenTtlField.optional(),
  openAccess: openAccessField.optional(),
});
export type UpdateApiResourceInput = z.input<typeof updateApiResourceSchema>;
export type UpdateApiResourceValues = z.output<typeof updateApiResourceSchema>;

export const addApiScopeSchema = z.object({ name: apiScopeNameField, description: apiScopeDescriptionField });
export type AddApiScopeInput = z.input<typeof addApiScopeSchema>;

export const updateApiScopeSchema = z.object({ description: apiScopeDescriptionField });
export type UpdateApiScopeInput = z.input<typeof updateApiScopeSchema>;

export const requestApiAccessSchema = z.object({
  scopes: apiScopeListField.refine((list) => list.length > 0, 'Choose at least one scope to request.'),
});
export type RequestApiAccessInput = z.input<typeof requestApiAccessSchema>;

/** Approve some of what was requested (at least one scope), or reject the request. */
export const decideApiAccessSchema = z.discriminatedUnion(
  'decision',
  [
    z.object({
      decision: z.literal('approve'),
      scopes: apiScopeListField.refine((list) => list.length > 0, 'Approve at least one scope, or reject the request.'),
    }),
    z.object({ decision: z.literal('reject') }),
  ],
  { error: 'Decision must be approve or reject.' },
);
export type DecideApiAccessInput = z.input<typeof decideApiAccessSchema>;

export const setResourceServersSchema = z.object({
  clientIds: z
    .array(z.string({ error: 'Each client ID must be text.' }).trim().min(1, 'Client IDs must not be empty.'), { error: 'Client IDs must be a list.' })
    .max(API_LIST_MAX, `At most ${API_LIST_MAX} apps can serve one API.`)
    .transform((list) => [...new Set(list)]),
});
export type SetResourceServersInput = z.input<typeof setResourceServersSchema>;
