/**
 * Editing an app: every field optional (a patch), the same field rules as creation, and the
 * type-dependent rules (redirect URIs, grant types, authentication method) checked against the
 * app's type, which never changes after creation. Form resolvers use updateClientSchemaFor(type).
 */
import { z } from 'zod';
import type { ClientKind } from '../oidc/redirect-uri.ts';
import {
  accessTokenTtlField, descriptionField, grantTypesField, refreshTokenRotationField, refreshTokenTtlField, skipConsentField,
} from './client-fields.ts';
import {
  accessTokenFormatField, authMethodField, checkTypeRules, clientNameField, idTokenAlgField, linkFields, scopeField, typeRulesApply, uriListField,
} from './client.ts';
import { checkProtocolRules, protocolFields, protocolRulesApply, type ProtocolRuleFields } from './client-protocol-fields.ts';
import { checkScopeDescriptions, scopeDescriptionRulesApply, scopeDescriptionsField } from './scope-descriptions.ts';

export const updateClientSchema = z.object({
  name: clientNameField.optional(),
  description: descriptionField.optional(),
  ...linkFields,
  redirectUris: uriListField('redirect URI').optional(),
  postLogoutRedirectUris: uriListField('post-logout redirect URI').optional(),
  scope: scopeField.optional(),
  /** Replaces every description; entries of scopes a new `scope` drops are removed (update-client.ts). */
  scopeDescriptions: scopeDescriptionsField.optional(),
  grantTypes: grantTypesField.optional(),
  tokenEndpointAuthMethod: authMethodField.optional(),
  idTokenAlg: idTokenAlgField.optional(),
  refreshTokenRotation: refreshTokenRotationField.optional(),
  accessTokenTtl: accessTokenTtlField.optional(),
  refreshTokenTtl: refreshTokenTtlField.optional(),
  accessTokenFormat: accessTokenFormatField.optional(),
  /** Administrators only (checked by the use case, not here). */
  skipConsent: skipConsentField.optional(),
  ...protocolFields,
});

/**
 * `current` is the app before the change (a ClientDetail fits): described scopes must be in the
 * patch's scope, else in current.scope, and the rules between protocol fields (response types and
 * grant types, keys and the authentication method, pairwise subjects) run on the patch over the
 * stored values. Without it (a form that always sends those fields) only the patch is checked.
 */
export function updateClientSchemaFor(type: ClientKind, current?: { scope: string } & ProtocolRuleFields) {
  return updateClientSchema
    .superRefine((patch, ctx) => checkTypeRules(type, patch, ctx), { when: typeRulesApply })
    .superRefine((patch, ctx) => {
      const scope = patch.scope ?? current?.scope;
      if (patch.scopeDescriptions && scope !== undefined) checkScopeDescriptions(patch.scopeDescriptions, scope, ctx);
    }, { when: scopeDescriptionRulesApply })
    .superRefine((patch, ctx) => checkProtocolRules(type, patch, current, ctx), { when: protocolRulesApply });
}

export type UpdateClientInput = z.input<typeof updateClientSchema>;
export type UpdateClientValues = z.output<typeof updateClientSchema>;

/**
 * Grace periods offered when rotating a secret: how long the previous secrets keep working so
 * deployments can switch over. 0 revokes them at once.
 */
export const GRACE_PERIODS = [0, 3600, 86_400, 604_800] as const;
export type GracePeriod = (typeof GRACE_PERIODS)[number];

export const rotateClientSecretSchema = z.object({
  gracePeriodSeconds: z
    .number({ error: 'Grace period must be a number of seconds.' })
    .refine((n): n is GracePeriod => (GRACE_PERIODS as readonly number[]).includes(n), {
      message: `Grace period must be one of ${GRACE_PERIODS.join(', ')} seconds (none, 1 hour, 1 day, 7 days).`,
    }),
});
export type RotateClientSecretInput = z.input<typeof rotateClientSecretSchema>;
