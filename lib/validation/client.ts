/**
 * Client (application) fields, written once and shared by the portal forms, server actions,
 * the REST API and the CLI.
 *
 * Redirect URIs follow the registration rules of lib/oidc/redirect-uri.ts (RFC 6749 §3.1.2,
 * RFC 8252 §7), which depend on the application type, so they are checked on the whole object.
 * Browser-based types need at least one redirect URI; a service (client_credentials only) has
 * no browser flow and so registers none.
 */
import { z } from 'zod';
import { OAuthError } from '../oidc/errors.ts';
import { redirectUriProblem, type ClientKind } from '../oidc/redirect-uri.ts';
import { formatScope, parseScope } from '../oidc/scopes.ts';

export const CLIENT_TYPES = ['web', 'spa', 'native', 'service'] as const satisfies readonly ClientKind[];
export const ACCESS_TOKEN_FORMATS = ['opaque', 'jwt'] as const;
export const URI_MAX_LENGTH = 2000;
export const URIS_MAX_COUNT = 50;

export const clientNameField = z
  .string({ error: 'Enter a name for the application.' })
  .trim()
  .min(1, 'Enter a name for the application.')
  .max(100, 'Application names are at most 100 characters.');

export const clientTypeField = z.enum(CLIENT_TYPES, {
  error: 'Choose an application type: web, spa, native or service.',
});

const uriListField = (label: string) =>
  z
    .array(
      z
        .string({ error: `Each ${label} must be text.` })
        .trim()
        .min(1, `A ${label} cannot be empty.`)
        .max(URI_MAX_LENGTH, `A ${label} is at most ${URI_MAX_LENGTH} characters.`),
      { error: `${label}s must be a list of URIs.` },
    )
    .max(URIS_MAX_COUNT, `Register at most ${URIS_MAX_COUNT} ${label}s.`);

/** RFC 6749 §3.3 scope tokens, space-separated; stored de-duplicated and single-spaced. */
export const scopeField = z
  .string({ error: 'Scope must be a space-separated list.' })
  .max(1000, 'Scope is at most 1000 characters.')
  .transform((value, ctx) => {
    try {
      return formatScope(parseScope(value));
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: err instanceof OAuthError ? err.description : 'Scope is not valid.' });
      return z.NEVER;
    }
  });

export const accessTokenFormatField = z.enum(ACCESS_TOKEN_FORMATS, {
  error: 'Access token format must be opaque or jwt.',
});

/** RFC 7591 §2 token_endpoint_auth_method for clients that hold a secret. */
export const SECRET_AUTH_METHODS = ['client_secret_basic', 'client_secret_post'] as const;
export const secretAuthMethodField = z.enum(SECRET_AUTH_METHODS, {
  error: 'Token endpoint authentication must be client_secret_basic or client_secret_post.',
});

export const ID_TOKEN_ALGS = ['RS256', 'ES256', 'EdDSA'] as const;
export const idTokenAlgField = z.enum(ID_TOKEN_ALGS, { error: 'ID token signing algorithm must be RS256, ES256 or EdDSA.' });

type UriField = 'redirectUris' | 'postLogoutRedirectUris';

/**
 * Registration rules for one list of URIs: each must pass redirectUriProblem for the type, and
 * none may repeat. Exported so edit forms can check a single list against a known type.
 */
export function checkUris(uris: readonly string[], type: ClientKind, field: UriField, ctx: z.RefinementCtx): void {
  const label = field === 'redirectUris' ? 'Redirect URI' : 'Post-logout redirect URI';
  const seen = new Set<string>();
  uris.forEach((uri, index) => {
    const problem = redirectUriProblem(uri, type);
    if (problem) ctx.addIssue({ code: 'custom', path: [field, index], message: `${label} "${uri}" ${problem}.` });
    else if (seen.has(uri)) ctx.addIssue({ code: 'custom', path: [field, index], message: `${label} "${uri}" is listed more than once.` });
    seen.add(uri);
  });
}

export const createClientSchema = z
  .object({
    name: clientNameField,
    type: clientTypeField.default('web'),
    redirectUris: uriListField('redirect URI').default([]),
    postLogoutRedirectUris: uriListField('post-logout redirect URI').default([]),
    scope: scopeField.optional(),
    accessTokenFormat: accessTokenFormatField.optional(),
    tokenEndpointAuthMethod: secretAuthMethodField.optional(),
    idTokenAlg: idTokenAlgField.optional(),
  })
  .superRefine((client, ctx) => {
    if (client.tokenEndpointAuthMethod && (client.type === 'spa' || client.type === 'native')) {
      ctx.addIssue({
        code: 'custom',
        path: ['tokenEndpointAuthMethod'],
        message: 'Single-page and native apps cannot keep a secret: they are public clients and use PKCE instead.',
      });
    }
    if (client.type === 'service') {
      for (const field of ['redirectUris', 'postLogoutRedirectUris'] as const) {
        if (client[field].length) {
          ctx.addIssue({
            code: 'custom',
            path: [field],
            message: 'Service applications sign in with client credentials, not a browser: remove their redirect URIs.',
          });
        }
      }
      return;
    }
    if (client.redirectUris.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['redirectUris'],
        message: 'Add at least one redirect URI: where users return after signing in, such as https://app.example.com/callback.',
      });
    }
    checkUris(client.redirectUris, client.type, 'redirectUris', ctx);
    checkUris(client.postLogoutRedirectUris, client.type, 'postLogoutRedirectUris', ctx);
  }, {
    // Check the URIs even when another field (name, scope) is wrong, so a form shows every problem
    // at once; only skip when the fields these rules read are themselves unusable.
    when: ({ issues }) => !issues.some((i) => ['type', 'redirectUris', 'postLogoutRedirectUris'].includes(String(i.path?.[0]))),
  });

export type CreateClientInput = z.input<typeof createClientSchema>;
export type CreateClientValues = z.output<typeof createClientSchema>;
