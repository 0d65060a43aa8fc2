'use client';

import type { FieldError, FieldErrors, UseFormReturn } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { CheckboxField } from '@/components/ui/checkbox';
import { TextField } from '@/components/ui/input';
import { SelectField } from '@/components/ui/select';
import { TextAreaField } from '@/components/ui/textarea';
import type { ClientDetail } from '@/lib/portal/types';
import { usesJwt } from '@/lib/validation/client-auth-method';
import { ASYMMETRIC_JWS_ALGS, CLIENT_JWS_ALGS, HMAC_JWS_ALGS } from '@/lib/validation/jwk-fit';
import { grantsNeededBy, isFrontChannelResponseType, RESPONSE_TYPES, returnsAccessToken } from '@/lib/validation/response-types';
import { Section } from './page-header';
import type { SettingsFormValues } from './settings-values';

const RESPONSE_TYPE_HINTS: Record<string, string> = {
  code: 'Authorization code flow (with PKCE): tokens come from the token endpoint. Recommended.',
  id_token: 'Implicit: the ID token comes back in the redirect; no access token.',
  'id_token token': 'Implicit: the ID token and an access token come back in the redirect.',
  'code id_token': 'Hybrid: a code plus an ID token in the redirect.',
  'code token': 'Hybrid: a code plus an access token in the redirect.',
  'code id_token token': 'Hybrid: a code, an ID token and an access token in the redirect.',
};

const algOptions = (algs: readonly string[], any: string) => [{ value: '', label: any }, ...algs.map((alg) => ({ value: alg, label: alg }))];

/** The first message of a field's error, however deep (jwks errors sit under keys.<index>). */
export function firstMessage(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const { message } = error as FieldError;
  if (typeof message === 'string' && message) return message;
  for (const value of Object.values(error)) {
    const nested = value && typeof value === 'object' && value !== (error as FieldError).ref ? firstMessage(value) : undefined;
    if (nested) return nested;
  }
  return undefined;
}

/**
 * The Advanced section of an app's settings: response types (implicit and hybrid, with RFC 9700's
 * warning), public keys and signing algorithms, DPoP and PAR, subject identifiers and front-channel
 * logout. The fields belong to the settings form; the shared schema checks them with the rest.
 */
export function AppProtocolSettings({ form, app }: { form: UseFormReturn<SettingsFormValues>; app: ClientDetail }) {
  const { register, watch } = form;
  const errors: FieldErrors<SettingsFormValues> = form.formState.errors;
  const browser = app.type !== 'service';
  const confidential = app.tokenEndpointAuthMethod !== 'none';
  const grantTypes = watch('grantTypes') ?? [];
  const responseTypes = watch('responseTypes') ?? [];
  const method = watch('tokenEndpointAuthMethod');
  const keySource = watch('keySource');
  const subjectType = watch('subjectType');
  const frontChannel = responseTypes.filter(isFrontChannelResponseType);
  const accessTokensInRedirect = frontChannel.some(returnsAccessToken);
  const assertionAlgs = method === 'client_secret_jwt' ? HMAC_JWS_ALGS : ASYMMETRIC_JWS_ALGS;

  return (
    <Section id="advanced" title="Advanced" description="Protocol options most apps never need. Leave them as they are unless your library asks for one.">
      <div className="space-y-8">
        {browser ? (
          <fieldset className="space-y-3" aria-describedby={errors.responseTypes ? 'response-types-error' : undefined}>
            <legend className="text-sm font-medium text-zinc-800">Response types</legend>
            <p className="text-sm text-zinc-600">How sign-in results come back to your redirect URI. Implicit and hybrid types also need the implicit grant, which Portico adds for you.</p>
            <div className="grid gap-3 sm:grid-cols-2">
              {RESPONSE_TYPES.map((type) => {
                const needsCode = grantsNeededBy(type).includes('authorization_code') && !grantTypes.includes('authorization_code');
                return (
                  <CheckboxField
                    key={type}
                    label={type}
                    value={type}
                    hint={needsCode ? 'Needs the Authorization code grant (above).' : RESPONSE_TYPE_HINTS[type]}
                    disabled={needsCode}
                    {...register('responseTypes')}
                  />
                );
              })}
            </div>
            {errors.responseTypes ? (
              <p id="response-types-error" className="text-sm text-red-700">
                {firstMessage(errors.responseTypes)}
              </p>
            ) : null}
            {frontChannel.length ? (
              <Alert tone="error" title={accessTokensInRedirect ? 'Access tokens in the redirect are discouraged' : 'The implicit flow is discouraged'}>
                {accessTokensInRedirect
                  ? 'The OAuth 2.0 Security Best Current Practice (RFC 9700 §2.1.2) says apps should not use response types that return access tokens from the authorization endpoint: the token travels in the URL, where it can leak (browser history, Referer, logs) and be replayed. '
                  : 'The OAuth 2.0 Security Best Current Practice (RFC 9700 §2.1.2) discourages the implicit flow: tokens travel in the redirect URL instead of a back-channel request. '}
                Use the code flow with PKCE unless a library you cannot change requires {frontChannel.map((t) => `"${t}"`).join(', ')}.
              </Alert>
            ) : null}
          </fieldset>
        ) : null}

        {confidential ? (
          <fieldset className="space-y-4">
            <legend className="text-sm font-medium text-zinc-800">Public keys</legend>
            <p className="text-sm text-zinc-600">
              For private_key_jwt (set under Client authentication) and signed request objects: the public half of your key pair. Never paste a private key.
            </p>
            <SelectField
              label="Where Portico finds your keys"
              options={[
                { value: 'none', label: 'No keys' },
                { value: 'jwks', label: 'Paste a JWK Set (jwks)' },
                { value: 'jwksUri', label: 'Fetch them from a URL (jwks_uri)' },
              ]}
              {...register('keySource')}
            />
            {keySource === 'jwks' ? (
              <TextAreaField
                label="JWK Set"
                hint='JSON: {"keys": [ … ]}, public keys only (RSA 2048 bits or more, EC P-256/P-384/P-521, Ed25519).'
                rows={6}
                spellCheck={false}
                autoCapitalize="none"
                className="font-mono sm:text-xs"
                error={firstMessage(errors.jwks)}
                {...register('jwks')}
              />
            ) : null}
            {keySource === 'jwksUri' ? (
              <TextField
                label="JWK Set URL"
                hint="https on a public host; Portico fetches it when it verifies a signature, so you can rotate keys there."
                type="url"
                inputMode="url"
                placeholder="https://app.example.com/jwks.json"
                error={errors.jwksUri?.message}
                {...register('jwksUri')}
              />
            ) : null}
            <div className="grid gap-5 md:grid-cols-2">
              {usesJwt(method) ? (
                <SelectField
                  label="Client assertion algorithm"
                  hint="The only algorithm Portico accepts for your client assertions."
                  options={algOptions(assertionAlgs, `Any of ${assertionAlgs.length} supported`)}
                  error={errors.tokenEndpointAuthSigningAlg?.message}
                  {...register('tokenEndpointAuthSigningAlg')}
                />
              ) : null}
              <SelectField
                label="Request object algorithm"
                hint="Optional: the algorithm of your signed request objects."
                options={algOptions(CLIENT_JWS_ALGS, 'Not set')}
                error={errors.requestObjectSigningAlg?.message}
                {...register('requestObjectSigningAlg')}
              />
            </div>
          </fieldset>
        ) : null}

        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-zinc-800">Token binding and requests</legend>
          <div className="grid gap-3 sm:grid-cols-2">
            <CheckboxField
              label="Require DPoP-bound access tokens"
              hint="Every token request must carry a DPoP proof (RFC 9449), so a stolen access token is useless without the app's key."
              error={errors.dpopBoundAccessTokens?.message}
              {...register('dpopBoundAccessTokens')}
            />
            {browser ? (
              <CheckboxField
                label="Require pushed authorization requests"
                hint="The app must send its sign-in parameters to Portico directly first (PAR, RFC 9126)."
                error={errors.requirePushedAuthorizationRequests?.message}
                {...register('requirePushedAuthorizationRequests')}
              />
            ) : null}
          </div>
        </fieldset>

        {browser ? (
          <fieldset className="space-y-4">
            <legend className="text-sm font-medium text-zinc-800">User identifiers and front-channel logout</legend>
            <div className="grid gap-5 md:grid-cols-2">
              <SelectField
                label="Subject identifiers (sub)"
                hint="Pairwise: this app gets its own identifier for each user, which other apps cannot match."
                options={[
                  { value: 'public', label: 'Public (the same for every app)' },
                  { value: 'pairwise', label: 'Pairwise (per app sector)' },
                ]}
                error={errors.subjectType?.message}
                {...register('subjectType')}
              />
              {subjectType === 'pairwise' ? (
                <TextField
                  label="Sector identifier URL"
                  hint="Needed when your redirect URIs are on several hosts: an https JSON file listing them."
                  type="url"
                  inputMode="url"
                  placeholder="https://app.example.com/redirect-uris.json"
                  error={errors.sectorIdentifierUri?.message}
                  {...register('sectorIdentifierUri')}
                />
              ) : null}
            </div>
            <TextField
              label="Front-channel logout URL"
              hint="Optional. Portico loads this page in a hidden frame when the user signs out, so your app signs them out too."
              type="url"
              inputMode="url"
              placeholder="https://app.example.com/frontchannel-logout"
              error={errors.frontchannelLogoutUri?.message}
              {...register('frontchannelLogoutUri')}
            />
            <CheckboxField
              label="Send iss and sid to the front-channel logout URL"
              hint="So your app can tell which session to end."
              error={errors.frontchannelLogoutSessionRequired?.message}
              {...register('frontchannelLogoutSessionRequired')}
            />
          </fieldset>
        ) : null}
      </div>
    </Section>
  );
}
