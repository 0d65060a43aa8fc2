import { Section } from '@/components/portal/page-header';
import { quickstartSnippets, starterScope } from '@/components/portal/quickstart-snippets';
import { ValueList } from '@/components/portal/value-list';
import { CodeBlock } from '@/components/ui/code-block';
import { Tabs } from '@/components/ui/tabs';
import { TextLink } from '@/components/ui/text-link';
import { providerMetadata } from '@/lib/oidc/endpoints/discovery';
import { usesSecret } from '@/lib/validation/client-auth-method';
import { loadApp } from '../../../../_lib/load-app';

const ENDPOINTS: [keyof ReturnType<typeof providerMetadata>, string][] = [
  ['authorization_endpoint', 'Authorization'],
  ['token_endpoint', 'Token'],
  ['userinfo_endpoint', 'UserInfo'],
  ['jwks_uri', 'JWKS (signing keys)'],
  ['introspection_endpoint', 'Introspection'],
  ['revocation_endpoint', 'Revocation'],
  ['end_session_endpoint', 'End session (logout)'],
];

export default async function QuickstartPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { app, config } = await loadApp((await params).clientId);
  const metadata = providerMetadata(config.issuer);
  const discoveryUrl = `${config.issuer}/.well-known/openid-configuration`;
  const base = `/developers/apps/${encodeURIComponent(app.id)}`;
  const hasSecret = usesSecret(app.tokenEndpointAuthMethod);
  const redirectUri = app.redirectUris[0] ?? (app.type === 'native' ? 'com.example.app:/oauth/callback' : 'https://app.example.com/callback');
  const snippets = quickstartSnippets({
    issuer: config.issuer,
    tokenEndpoint: metadata.token_endpoint,
    authorizationEndpoint: metadata.authorization_endpoint,
    clientId: app.id,
    type: app.type,
    authMethod: app.tokenEndpointAuthMethod,
    signingAlg: app.tokenEndpointAuthSigningAlg,
    responseTypes: app.type === 'service' ? [] : app.responseTypes,
    dpop: app.dpopBoundAccessTokens,
    redirectUri,
    scope: starterScope(app.type, app.scope),
  });

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="min-w-0 space-y-6">
        <Section
          id="values"
          title="Your app’s values"
          description="Everything a library needs. Most only want the issuer: they read the rest from the discovery document."
        >
          <ValueList
            rows={[
              { label: 'Issuer', value: config.issuer },
              { label: 'Discovery URL', value: discoveryUrl },
              { label: 'Client ID', value: app.id },
              ...(app.type === 'service'
                ? []
                : [
                    {
                      label: 'Redirect URI',
                      value: app.redirectUris[0] ?? null,
                      note: (
                        <>
                          None registered yet. <TextLink href={base}>Add one in Settings</TextLink>.
                        </>
                      ),
                    },
                  ]),
              {
                label: 'Client secret',
                value: null,
                note: hasSecret ? (
                  <>
                    Shown once when created. Read it from <code className="font-mono text-[13px]">PORTICO_CLIENT_SECRET</code>; lost it?{' '}
                    <TextLink href={`${base}/secrets`}>Rotate it</TextLink>.
                  </>
                ) : app.tokenEndpointAuthMethod === 'private_key_jwt' ? (
                  <>
                    None: the app signs its requests with its private key (private_key_jwt). The code reads it, as a JWK, from{' '}
                    <code className="font-mono text-[13px]">PORTICO_CLIENT_PRIVATE_JWK</code>.
                  </>
                ) : (
                  'None: this is a public client. It proves itself with PKCE (S256) on every sign-in.'
                ),
              },
            ]}
          />
        </Section>

        <Section id="code" title="Code" description="Built from this app’s settings. Replace nothing but the secret’s environment variable.">
          <Tabs
            label="Code samples"
            items={snippets.map((s) => ({ id: s.id, label: s.label, content: <CodeBlock code={s.code} label={`${s.label} sample`} language={s.language} /> }))}
          />
        </Section>
      </div>

      <aside className="min-w-0">
        <Section id="endpoints" title="Endpoints" description={<>From the <a className="font-medium text-zinc-900 underline decoration-zinc-400 underline-offset-2 hover:decoration-zinc-900" href="/.well-known/openid-configuration">discovery document</a>.</>}>
          <ul className="space-y-4">
            {ENDPOINTS.map(([key, label]) => (
              <li key={key} className="space-y-1">
                <p className="text-sm font-medium text-zinc-800">{label}</p>
                <code className="block rounded bg-zinc-50 px-2 py-1.5 font-mono text-[12.5px] break-all text-zinc-900">{String(metadata[key])}</code>
              </li>
            ))}
          </ul>
        </Section>
      </aside>
    </div>
  );
}
