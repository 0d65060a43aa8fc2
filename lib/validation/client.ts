/**
 * Client (application) fields, written once and shared by the portal forms, server actions,
 * the REST API and the CLI.
 *
 * Rules that depend on the application type (redirect URIs per RFC 6749 §3.1.2 / RFC 8252 §7,
 * authentication method, grant types) are in client-type-rules.ts and run on the whole object;
 * the protocol options (response types, keys, DPoP, PAR, subject type, front-channel logout) and
 * the rules between them are in client-protocol-fields.ts.
 * Editing uses the same fields through client-update.ts.
 */
import { z } from 'zod';
import { OAuthError } from '../oidc/errors.ts';
import type { ClientKind } from '../oidc/redirect-uri.ts';
import { formatScope, parseScope } from '../oidc/scopes.ts';
import { CONTROL_MESSAGE, isSingleLine } from './text.ts';
import { descriptionField, grantTypesField, refreshTokenRotationField, URI_MAX_LENGTH, webUriField } from './client-fields.ts';
import { backchannelLogoutUriField } from './backchannel-logout-uri.ts';
import { checkTypeRules, typeRulesApply } from './client-type-rules.ts';
import { checkScopeDescriptions, scopeDescriptionRulesApply, scopeDescriptionsField } from './scope-descriptions.ts';
import { authMethodField } from './client-auth-method.ts';
import { checkProtocolRules, creationBaseline, protocolFields, protocolRulesApply } from './client-protocol-fields.ts';

export { URI_MAX_LENGTH };

export const CLIENT_TYPES = ['web', 'spa', 'native', 'service'] as const satisfies readonly ClientKind[];
export const ACCESS_TOKEN_FORMATS = ['opaque', 'jwt'] as const;
export const URIS_MAX_COUNT = 50;

export const clientNameField = z
  .string({ error: 'Enter a name for the application.' })
  .trim()
  .min(1, 'Enter a name for the application.')
  .max(100, 'Application names are at most 100 characters.')
  .refine(isSingleLine, `Application names ${CONTROL_MESSAGE}.`);

export const clientTypeField = z.enum(CLIENT_TYPES, {
  error: 'Choose an application type: web, spa, native or service.',
});

export const uriListField = (label: string) =>
  z
    .array(
      z
        .string({ error: `Each ${label} must be text.` })
        .trim()
        .min(1, `A ${label} cannot be empty.`)
        .max(URI_MAX_LENGTH, `A ${label} is at most ${URI_MAX_LENGTH} characters.`)
        .refine(isSingleLine, `A ${label} ${CONTROL_MESSAGE}.`),
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

export { AUTH_METHODS, authMethodField, CONFIDENTIAL_AUTH_METHODS, SECRET_AUTH_METHODS } from './client-auth-method.ts';

export const ID_TOKEN_ALGS = ['RS256', 'ES256', 'EdDSA'] as const;
export const idTokenAlgField = z.enum(ID_TOKEN_ALGS, { error: 'ID token signing algorithm must be RS256, ES256 or EdDSA.' });

export { checkTypeRules, checkUris, typeRulesApply, type TypeRuleFields } from './client-type-rules.ts';

/** The app's links shown to users (RFC 7591 §2) and its back-channel logout endpoint: optional everywhere. */
export const linkFields = {
  logoUri: webUriField('Logo URL').optional(),
  clientUri: webUriField('Homepage URL').optional(),
  policyUri: webUriField('Privacy policy URL').optional(),
  tosUri: webUriField('Terms of service URL').optional(),
  backchannelLogoutUri: backchannelLogoutUriField.optional(),
};

export const createClientSchema = z
  .object({
    name: clientNameField,
    type: clientTypeField.default('web'),
    redirectUris: uriListField('redirect URI').default([]),
    postLogoutRedirectUris: uriListField('post-logout redirect URI').default([]),
    scope: scopeField.optional(),
    accessTokenFormat: accessTokenFormatField.optional(),
    tokenEndpointAuthMethod: authMethodField.optional(),
    idTokenAlg: idTokenAlgField.optional(),
    grantTypes: grantTypesField.optional(),
    /** On unless turned off; public apps cannot turn it off (client-type-rules.ts). */
    refreshTokenRotation: refreshTokenRotationField.optional(),
    description: descriptionField.optional(),
    scopeDescriptions: scopeDescriptionsField.optional(),
    ...linkFields,
    ...protocolFields,
  })
  // Check the URIs even when another field (name, scope) is wrong, so a form shows every problem at once.
  .superRefine((client, ctx) => checkTypeRules(client.type, client, ctx), { when: typeRulesApply })
  // Without a scope the app gets its type's default scope, which has only standard scopes.
  .superRefine((client, ctx) => checkScopeDescriptions(client.scopeDescriptions ?? {}, client.scope ?? '', ctx), { when: scopeDescriptionRulesApply })
  // Response types against grant types, keys against the authentication method, pairwise subjects (client-protocol-fields.ts).
  .superRefine((client, ctx) => checkProtocolRules(client.type, client, creationBaseline(client.type), ctx), { when: protocolRulesApply });

export type CreateClientInput = z.input<typeof createClientSchema>;
export type CreateClientValues = z.output<typeof createClientSchema>;
