'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useForm, type FieldErrors, type Resolver } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox';
import { TextField } from '@/components/ui/input';
import { SelectField } from '@/components/ui/select';
import { TextAreaField } from '@/components/ui/textarea';
import { SecretValue, StoreItNow } from '@/components/ui/secret-reveal';
import { SCOPE_DESCRIPTIONS, STANDARD_SCOPES } from '@/lib/oidc/scopes';
import type { ClientDetail, UpdatedClient } from '@/lib/portal/types';
import { GRANT_TYPES_BY_TYPE } from '@/lib/validation/client-fields';
import { ID_TOKEN_ALGS } from '@/lib/validation/client';
import { updateClientSchemaFor, type UpdateClientInput } from '@/lib/validation/client-update';
import { scopeDescriptionProblems } from '@/lib/validation/scope-descriptions';
import { UNREACHABLE, type ActionResult } from './action-result';
import { AppProtocolSettings } from './app-protocol-settings';
import { applyFieldErrors } from './apply-field-errors';
import { formatDuration } from './format';
import { Section } from './page-header';
import {
  ACCESS_TTL_PRESETS, customScopes, descriptionsToPatch, ERROR_FIELD, REFRESH_TTL_PRESETS, settingsFromApp, settingsToPatch, type SettingsContext,
  type SettingsFormValues,
} from './settings-values';
import { UriListField } from './uri-list-field';

type SaveAction = (clientId: string, patch: UpdateClientInput) => Promise<ActionResult<UpdatedClient>>;

const AUTH_METHOD_OPTIONS = [
  { value: 'client_secret_basic', label: 'HTTP Basic (client_secret_basic)' },
  { value: 'client_secret_post', label: 'Form body (client_secret_post)' },
  { value: 'client_secret_jwt', label: 'JWT signed with the secret (client_secret_jwt)' },
  { value: 'private_key_jwt', label: 'JWT signed with your private key (private_key_jwt)' },
];

const GRANT_LABELS: Record<string, { label: string; hint: string }> = {
  authorization_code: { label: 'Authorization code', hint: 'Users sign in through Portico (with PKCE).' },
  refresh_token: { label: 'Refresh token', hint: 'Keep users signed in without asking again (needs the offline_access scope).' },
  client_credentials: { label: 'Client credentials', hint: 'The app gets tokens as itself, with no user.' },
  'urn:ietf:params:oauth:grant-type:device_code': {
    label: 'Device sign-in',
    hint: 'For TVs, consoles and command-line tools: the user enters a short code at /device on another device (RFC 8628).',
  },
};

const ttlOptions = (presets: number[], current: number) =>
  [...new Set([...presets, current])].sort((a, b) => a - b).map((s) => ({ value: String(s), label: formatDuration(s) }));

const FIELDS: readonly (keyof SettingsFormValues)[] = [
  'name', 'description', 'clientUri', 'policyUri', 'tosUri', 'redirectUris', 'postLogoutRedirectUris', 'backchannelLogoutUri', 'standardScopes', 'extraScopes',
  'grantTypes', 'refreshTokenRotation', 'accessTokenTtl', 'refreshTokenTtl', 'accessTokenFormat', 'tokenEndpointAuthMethod', 'idTokenAlg', 'skipConsent',
  'responseTypes', 'jwks', 'jwksUri', 'tokenEndpointAuthSigningAlg', 'requestObjectSigningAlg', 'requirePushedAuthorizationRequests', 'dpopBoundAccessTokens',
  'subjectType', 'sectorIdentifierUri', 'frontchannelLogoutUri', 'frontchannelLogoutSessionRequired',
];

/**
 * Everything about an app that can change after creation. The shared updateClientSchemaFor(type)
 * validates as the user types (redirect URI rules included) and the server action runs it again.
 * Viewers see the same form, read-only.
 */
export function AppSettingsForm({ app, isAdmin, action }: { app: ClientDetail; isAdmin: boolean; action: SaveAction }) {
  const readOnly = app.role === 'viewer';
  const context: SettingsContext = { type: app.type, confidential: app.tokenEndpointAuthMethod !== 'none', isAdmin };
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; message: string } | null>(null);
  const [issuedSecret, setIssuedSecret] = useState<string | null>(null);
  const schema = useMemo(() => updateClientSchemaFor(app.type, app), [app]);

  const resolver: Resolver<SettingsFormValues> = async (values, resolverContext, options) => {
    const patch = settingsToPatch(values, context);
    const result = await zodResolver(schema)(patch, resolverContext, options as never);
    const errors = { ...result.errors } as Record<string, unknown>;
    // Scope tokens may contain dots, which react-hook-form reads as paths: the fields show
    // scopeDescriptionProblems by scope instead, and this entry only blocks submitting.
    delete errors.scopeDescriptions;
    if (Object.keys(scopeDescriptionProblems(descriptionsToPatch(values))).length) {
      errors.scopeDescriptions = { type: 'custom', message: 'Check what users see for your API scopes.' };
    }
    if (Object.keys(errors).length === 0) return { values, errors: {} };
    for (const [from, to] of Object.entries(ERROR_FIELD)) {
      if (errors[from] && from !== to) {
        errors[to] = errors[from];
        delete errors[from];
      }
    }
    return { values: {}, errors: errors as FieldErrors<SettingsFormValues> };
  };

  const form = useForm<SettingsFormValues>({ resolver, mode: 'onChange', defaultValues: settingsFromApp(app) });
  const { register, control, setValue, getValues, trigger, setError, handleSubmit, reset, watch, formState } = form;
  const errors = formState.errors;
  const grantTypes = watch('grantTypes');
  // The implicit grant follows the response types (Advanced), so it is not a checkbox here.
  const allowedGrants = GRANT_TYPES_BY_TYPE[app.type].filter((grant) => grant !== 'implicit');
  const browser = app.type !== 'service';
  const apiScopes = customScopes(watch('extraScopes') ?? '');
  const scopeDescriptions = watch('scopeDescriptions') ?? {};
  const descriptionProblems = scopeDescriptionProblems(descriptionsToPatch({ extraScopes: apiScopes.join(' '), scopeDescriptions }));
  const describeScope = (scope: string, description: string) =>
    setValue('scopeDescriptions', { ...getValues('scopeDescriptions'), [scope]: description }, { shouldDirty: true, shouldValidate: true });

  const onSubmit = handleSubmit(async (values) => {
    setStatus(null);
    setIssuedSecret(null);
    const result = await action(app.id, settingsToPatch(values, context)).catch(() => UNREACHABLE);
    if (result.ok) {
      reset(settingsFromApp(result.data));
      setIssuedSecret(result.data.clientSecret ?? null);
      setStatus({ tone: 'success', message: 'Changes saved. Portico applies them to sign-ins within a few seconds.' });
      return;
    }
    const mapped = Object.fromEntries(Object.entries(result.fieldErrors ?? {}).map(([k, v]) => [ERROR_FIELD[k.split('.')[0]!] ?? k, v]));
    const unplaced = applyFieldErrors(mapped, setError, FIELDS);
    setStatus({ tone: 'error', message: [result.error, ...unplaced].join(' ') });
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="App settings" className="space-y-6">
      {readOnly ? (
        <Alert title="You have viewer access">You can see this app’s settings; team owners and developers can change them.</Alert>
      ) : null}
      <fieldset disabled={readOnly} className="space-y-6">
        <Section id="basics" title="Basic information" description="Shown to users on the sign-in and consent screens.">
          <div className="grid gap-5 md:grid-cols-2">
            <div className="md:col-span-2">
              <TextField label="App name" autoComplete="off" error={errors.name?.message} {...register('name')} />
            </div>
            <div className="md:col-span-2">
              <TextAreaField label="Description" hint="Optional. What the app does, in a sentence." error={errors.description?.message} {...register('description')} />
            </div>
            <TextField label="Homepage URL" type="url" inputMode="url" placeholder="https://app.example.com" error={errors.clientUri?.message} {...register('clientUri')} />
            <TextField label="Privacy policy URL" type="url" inputMode="url" placeholder="https://app.example.com/privacy" error={errors.policyUri?.message} {...register('policyUri')} />
            <TextField label="Terms of service URL" type="url" inputMode="url" placeholder="https://app.example.com/terms" error={errors.tosUri?.message} {...register('tosUri')} />
          </div>
        </Section>

        {browser ? (
          <Section id="redirects" title="Redirect URIs" description="Portico only ever sends users to these addresses, compared character for character.">
            <div className="space-y-8">
              <UriListField
                control={control}
                setValue={setValue}
                trigger={trigger}
                name="redirectUris"
                label="Sign-in redirect URIs"
                itemLabel="redirect URI"
                hint={app.type === 'native' ? 'A reverse-domain custom scheme (com.example.app:/callback) or a loopback URL (any port).' : 'https, or http on localhost / 127.0.0.1 for development. No wildcards or fragments.'}
                placeholder={app.type === 'native' ? 'com.example.app:/oauth/callback' : 'https://app.example.com/callback'}
                disabled={readOnly}
              />
              <UriListField
                control={control}
                setValue={setValue}
                trigger={trigger}
                name="postLogoutRedirectUris"
                label="Post-logout redirect URIs"
                itemLabel="post-logout redirect URI"
                hint="Optional. Where users may land after signing out through Portico (RP-initiated logout)."
                placeholder="https://app.example.com/signed-out"
                disabled={readOnly}
              />
              <TextField
                label="Back-channel logout URL"
                hint="Optional. Portico POSTs a signed logout token here when a user signs out or revokes this app (OpenID Connect Back-Channel Logout)."
                type="url"
                inputMode="url"
                placeholder="https://app.example.com/backchannel-logout"
                error={errors.backchannelLogoutUri?.message}
                disabled={readOnly}
                {...register('backchannelLogoutUri')}
              />
            </div>
          </Section>
        ) : null}

        <Section id="tokens" title="Scopes and tokens" description="What the app may ask for, and what it gets back.">
          <div className="space-y-8">
            {browser ? (
              <fieldset className="space-y-3">
                <legend className="text-sm font-medium text-zinc-800">Allowed scopes</legend>
                <p className="text-sm text-zinc-600">The app may request these; users are asked to approve them.</p>
                <div className="grid gap-3 sm:grid-cols-2">
                  {STANDARD_SCOPES.map((scope) => (
                    <CheckboxField key={scope} label={scope} value={scope} hint={SCOPE_DESCRIPTIONS[scope]} {...register('standardScopes')} />
                  ))}
                </div>
              </fieldset>
            ) : null}
            <TextField
              label={browser ? 'Other scopes' : 'Allowed scopes'}
              hint={browser ? 'Optional. Your own API scopes, separated by spaces (e.g. invoices:read).' : 'Space-separated scopes the service may request, such as invoices:read reports:write.'}
              autoCapitalize="none"
              spellCheck={false}
              className="font-mono"
              error={errors.extraScopes?.message}
              {...register('extraScopes')}
            />
            {browser && apiScopes.length ? (
              <fieldset className="space-y-3">
                <legend className="text-sm font-medium text-zinc-800">Your API scopes on the consent screen</legend>
                <p className="text-sm text-zinc-600">
                  Optional. One plain line per scope, starting with a letter, such as “See and download your invoices”. Left empty, users see the wording shown in the field.
                </p>
                <div className="grid gap-5 md:grid-cols-2">
                  {apiScopes.map((scope) => (
                    <TextField
                      key={scope}
                      label={`What users see for ${scope}`}
                      placeholder={`Use the "${scope}" permission`}
                      autoComplete="off"
                      value={Object.hasOwn(scopeDescriptions, scope) ? scopeDescriptions[scope] : ''}
                      onChange={(event) => describeScope(scope, event.target.value)}
                      error={descriptionProblems[scope]}
                    />
                  ))}
                </div>
              </fieldset>
            ) : null}

            {allowedGrants.length > 1 ? (
              <fieldset className="space-y-3" aria-describedby={errors.grantTypes?.message ? 'grant-types-error' : undefined}>
                <legend className="text-sm font-medium text-zinc-800">Grant types</legend>
                <div className="grid gap-3 sm:grid-cols-2">
                  {allowedGrants.map((grant) => (
                    <CheckboxField key={grant} label={GRANT_LABELS[grant]?.label ?? grant} hint={GRANT_LABELS[grant]?.hint} value={grant} {...register('grantTypes')} />
                  ))}
                </div>
                {errors.grantTypes?.message ? (
                  <p id="grant-types-error" className="text-sm text-red-700">
                    {errors.grantTypes.message}
                  </p>
                ) : null}
              </fieldset>
            ) : (
              <div className="space-y-1">
                <p className="text-sm font-medium text-zinc-800">Grant type</p>
                <p className="text-sm text-zinc-700">Client credentials — the only grant a service uses: it gets tokens as itself, with no user.</p>
              </div>
            )}

            <div className="grid gap-5 md:grid-cols-2 md:items-end">
              <SelectField
                label="Access token lifetime"
                options={ttlOptions(ACCESS_TTL_PRESETS, app.accessTokenTtl)}
                error={errors.accessTokenTtl?.message}
                {...register('accessTokenTtl', { setValueAs: Number })}
              />
              <SelectField
                label="Access token format"
                hint="Opaque tokens are checked with introspection; JWTs (RFC 9068) can be verified offline."
                options={[
                  { value: 'opaque', label: 'Opaque (recommended)' },
                  { value: 'jwt', label: 'JWT (RFC 9068)' },
                ]}
                error={errors.accessTokenFormat?.message}
                {...register('accessTokenFormat')}
              />
              {grantTypes?.includes('refresh_token') ? (
                <>
                  <SelectField
                    label="Refresh token lifetime"
                    options={ttlOptions(REFRESH_TTL_PRESETS, app.refreshTokenTtl)}
                    error={errors.refreshTokenTtl?.message}
                    {...register('refreshTokenTtl', { setValueAs: Number })}
                  />
                  <div>
                    <CheckboxField
                      label="Rotate refresh tokens"
                      hint="Each use returns a new refresh token; reusing an old one revokes the whole session. Recommended."
                      error={errors.refreshTokenRotation?.message}
                      {...register('refreshTokenRotation')}
                    />
                  </div>
                </>
              ) : null}
              {context.confidential ? (
                <SelectField
                  label="Client authentication"
                  hint="How the app proves itself at the token endpoint. Switching to client_secret_jwt issues a new secret; private_key_jwt needs your public keys (Advanced)."
                  options={AUTH_METHOD_OPTIONS}
                  error={errors.tokenEndpointAuthMethod?.message}
                  {...register('tokenEndpointAuthMethod')}
                />
              ) : null}
              {browser ? (
                <SelectField
                  label="ID token signing algorithm"
                  options={ID_TOKEN_ALGS.map((alg) => ({ value: alg, label: alg }))}
                  error={errors.idTokenAlg?.message}
                  {...register('idTokenAlg')}
                />
              ) : null}
            </div>
          </div>
        </Section>

        <AppProtocolSettings form={form} app={app} />

        {isAdmin && browser ? (
          <Section id="consent" title="Consent" description="Administrators only.">
            <CheckboxField
              label="Skip the consent screen"
              hint="Users of this app are never asked to approve its scopes. Use only for first-party apps your organisation runs."
              error={errors.skipConsent?.message}
              {...register('skipConsent')}
            />
          </Section>
        ) : null}
      </fieldset>

      {issuedSecret ? (
        <div className="space-y-3 rounded-xl border border-zinc-200 bg-white p-5 shadow-sm">
          <SecretValue label="New client secret" value={issuedSecret} testId="issued-client-secret" />
          <StoreItNow what="secret" />
        </div>
      ) : null}

      {readOnly ? null : (
        // Sticks to the bottom of the window only while there is something to save.
        <div
          className={`${formState.isDirty ? 'sticky bottom-0 z-10 shadow-[0_-4px_12px_-6px_rgb(0_0_0/0.15)]' : ''} -mx-4 flex flex-col gap-3 border-t border-zinc-200 bg-white/95 px-4 py-3 backdrop-blur sm:mx-0 sm:flex-row sm:items-center sm:justify-between sm:rounded-xl sm:border sm:px-5 sm:shadow-sm`}
        >
          <div aria-live="polite" className="min-h-5 text-sm">
            {status?.tone === 'success' ? <span className="text-green-800">{status.message}</span> : null}
            {status?.tone === 'error' ? <span className="text-red-700">{status.message}</span> : null}
            {!status && formState.isDirty ? <span className="text-zinc-700">You have unsaved changes.</span> : null}
          </div>
          <div className="flex gap-2">
            <Button variant="secondary" fullWidth={false} disabled={!formState.isDirty || formState.isSubmitting} onClick={() => { reset(); setStatus(null); }}>
              Discard
            </Button>
            <Button type="submit" fullWidth={false} disabled={formState.isSubmitting} aria-busy={formState.isSubmitting}>
              Save changes
            </Button>
          </div>
        </div>
      )}
    </form>
  );
}
