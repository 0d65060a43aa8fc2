/**
 * Quickstart code built from an app's real values (issuer, client id, redirect URI, scopes,
 * authentication method, response types, DPoP). The client secret is never in a snippet: they
 * read it from the PORTICO_CLIENT_SECRET environment variable, where it belongs; a private key
 * likewise from PORTICO_CLIENT_PRIVATE_JWK. The Node.js snippet is quickstart-openid-client.ts.
 */
import type { ClientKind } from '@/lib/oidc/redirect-uri';
import type { AuthMethod } from '@/lib/validation/client-auth-method';
import { openIdClientSnippet } from './quickstart-openid-client';

export type QuickstartInput = {
  issuer: string;
  tokenEndpoint: string;
  authorizationEndpoint: string;
  clientId: string;
  type: ClientKind;
  authMethod: AuthMethod;
  /** token_endpoint_auth_signing_alg, when the app registered one. */
  signingAlg: string | null;
  /** The response types the app registered ([] for a service). */
  responseTypes: string[];
  /** The app's access tokens must be DPoP-bound (RFC 9449). */
  dpop: boolean;
  redirectUri: string;
  /** Scopes to request: a sensible subset of what the app may ask for. */
  scope: string;
};

export type Snippet = { id: string; label: string; language: string; code: string };

const SECRET_ENV = 'PORTICO_CLIENT_SECRET';

/** The scopes a first sign-in should ask for: openid plus profile and email when allowed. */
export function starterScope(type: ClientKind, allowed: string): string {
  const scopes = allowed.split(' ').filter(Boolean);
  if (type === 'service') return scopes.join(' ');
  const wanted = ['openid', 'profile', 'email'].filter((s) => scopes.includes(s));
  return (wanted.length ? wanted : scopes).join(' ');
}

const q = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const py = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const shell = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

const ASSERTION_NOTE: Partial<Record<AuthMethod, string>> = {
  private_key_jwt: '# CLIENT_ASSERTION: a JWT signed with your private key (RFC 7523): iss and sub = the client ID, aud = the issuer, exp, jti.\n',
  client_secret_jwt: '# CLIENT_ASSERTION: a JWT signed with the client secret (HS256, RFC 7523): iss and sub = the client ID, aud = the issuer, exp, jti.\n',
};

function curlAuth(i: QuickstartInput): string[] {
  switch (i.authMethod) {
    case 'client_secret_basic':
      return [`  -u ${shell(i.clientId)}:"$${SECRET_ENV}"`];
    case 'client_secret_post':
      return [`  -d client_id=${shell(i.clientId)}`, `  -d client_secret="$${SECRET_ENV}"`];
    case 'private_key_jwt':
    case 'client_secret_jwt':
      return ['  -d client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer', '  -d client_assertion="$CLIENT_ASSERTION"'];
    default:
      return [`  -d client_id=${shell(i.clientId)}`];
  }
}

/** The response type a first sign-in uses: the code flow whenever the app may. */
const firstResponseType = (responseTypes: readonly string[]) => (responseTypes.includes('code') || responseTypes.length === 0 ? 'code' : responseTypes[0]!);

function curl(i: QuickstartInput): Snippet {
  const auth = curlAuth(i);
  const dpop = i.dpop ? ['  -H "DPoP: $DPOP_PROOF"'] : [];
  const notes = (ASSERTION_NOTE[i.authMethod] ?? '') + (i.dpop ? '# DPOP_PROOF: a DPoP proof JWT for this request (RFC 9449 §4): this app’s access tokens must be DPoP-bound.\n' : '');
  if (i.type === 'service') {
    const lines = [`curl -X POST ${shell(i.tokenEndpoint)}`, ...dpop, ...auth, '  -d grant_type=client_credentials'];
    if (i.scope) lines.push(`  -d scope=${shell(i.scope)}`);
    return { id: 'curl', label: 'curl', language: 'Shell', code: `# Get an access token for the service itself\n${notes}${lines.join(' \\\n')}\n` };
  }
  const responseType = firstResponseType(i.responseTypes);
  const authorize = new URL(i.authorizationEndpoint);
  authorize.search = new URLSearchParams({
    response_type: responseType,
    ...(responseType === 'code' ? {} : { nonce: 'NONCE', response_mode: 'form_post' }),
    client_id: i.clientId,
    redirect_uri: i.redirectUri,
    scope: i.scope,
    state: 'STATE',
    // PKCE protects the code; an implicit response has none.
    ...(responseType.includes('code') ? { code_challenge: 'CODE_CHALLENGE', code_challenge_method: 'S256' } : {}),
  }).toString();
  if (!responseType.includes('code')) {
    return {
      id: 'curl',
      label: 'curl',
      language: 'Shell',
      code: `# Send the user to this URL; Portico POSTs the ID token to your redirect URI (implicit flow, form_post)\n# ${authorize.href}\n`,
    };
  }
  const exchange = [
    `curl -X POST ${shell(i.tokenEndpoint)}`,
    ...dpop,
    ...auth,
    '  -d grant_type=authorization_code',
    '  -d code="$CODE"',
    `  -d redirect_uri=${shell(i.redirectUri)}`,
    '  -d code_verifier="$CODE_VERIFIER"',
  ];
  return {
    id: 'curl',
    label: 'curl',
    language: 'Shell',
    code:
      '# 1. Send the user to this URL (CODE_CHALLENGE = base64url(SHA-256(code_verifier)))\n' +
      `# ${authorize.href}\n\n` +
      '# 2. Exchange the code Portico sends to your redirect URI\n' +
      notes +
      `${exchange.join(' \\\n')}\n`,
  };
}

function nextAuth(i: QuickstartInput): Snippet {
  return {
    id: 'next-auth',
    label: 'next-auth',
    language: 'TypeScript · next-auth v4',
    code:
      "import type { NextAuthOptions } from 'next-auth';\n\n" +
      '// Register <your site>/api/auth/callback/portico as a redirect URI of this app.\n' +
      'export const authOptions: NextAuthOptions = {\n' +
      '  providers: [\n' +
      '    {\n' +
      "      id: 'portico',\n" +
      "      name: 'Portico',\n" +
      "      type: 'oauth',\n" +
      `      wellKnown: ${q(`${i.issuer}/.well-known/openid-configuration`)},\n` +
      `      clientId: ${q(i.clientId)},\n` +
      `      clientSecret: process.env.${SECRET_ENV}!,\n` +
      `      client: { token_endpoint_auth_method: ${q(i.authMethod)} },\n` +
      `      authorization: { params: { scope: ${q(i.scope)} } },\n` +
      "      checks: ['pkce', 'state'],\n" +
      '      idToken: true,\n' +
      '      profile(profile) {\n' +
      '        return { id: profile.sub, name: profile.name, email: profile.email };\n' +
      '      },\n' +
      '    },\n' +
      '  ],\n' +
      '};\n',
  };
}

function authlib(i: QuickstartInput): Snippet {
  if (i.type === 'service') {
    return {
      id: 'python',
      label: 'Python',
      language: 'Python · Authlib',
      code:
        'import os\nfrom authlib.integrations.requests_client import OAuth2Session\n\n' +
        'session = OAuth2Session(\n' +
        `    ${py(i.clientId)},\n` +
        `    os.environ[${py(SECRET_ENV)}],\n` +
        (i.scope ? `    scope=${py(i.scope)},\n` : '') +
        `    token_endpoint_auth_method=${py(i.authMethod)},\n` +
        ')\n' +
        `token = session.fetch_token(${py(i.tokenEndpoint)}, grant_type="client_credentials")\n` +
        'print(token["access_token"])\n',
    };
  }
  const callbackPath = (() => {
    try {
      return new URL(i.redirectUri).pathname || '/callback';
    } catch {
      return '/callback';
    }
  })();
  return {
    id: 'python',
    label: 'Python',
    language: 'Python · Authlib (Flask)',
    code:
      'import os\nfrom authlib.integrations.flask_client import OAuth\nfrom flask import Flask, session\n\n' +
      'app = Flask(__name__)\napp.secret_key = os.environ["FLASK_SECRET_KEY"]\n' +
      'oauth = OAuth(app)\n' +
      'oauth.register(\n' +
      '    name="portico",\n' +
      `    server_metadata_url=${py(`${i.issuer}/.well-known/openid-configuration`)},\n` +
      `    client_id=${py(i.clientId)},\n` +
      `    client_secret=os.environ[${py(SECRET_ENV)}],\n` +
      '    client_kwargs={\n' +
      `        "scope": ${py(i.scope)},\n` +
      '        "code_challenge_method": "S256",\n' +
      `        "token_endpoint_auth_method": ${py(i.authMethod)},\n` +
      '    },\n' +
      ')\n\n' +
      '@app.route("/login")\n' +
      'def login():\n' +
      `    return oauth.portico.authorize_redirect(${py(i.redirectUri)})\n\n` +
      `@app.route(${py(callbackPath)})\n` +
      'def callback():\n' +
      '    token = oauth.portico.authorize_access_token()\n' +
      '    session["user"] = token["userinfo"]\n' +
      '    return f"Signed in as {token[\'userinfo\'][\'email\']}"\n',
  };
}

/**
 * The snippets that fit the app: server frameworks only for apps that keep a secret and send it
 * as such (basic or post), and for browser apps only when they use the code flow.
 */
export function quickstartSnippets(input: QuickstartInput): Snippet[] {
  const snippets = [curl(input), openIdClientSnippet(input)];
  const plainSecret = input.authMethod === 'client_secret_basic' || input.authMethod === 'client_secret_post';
  const codeFlow = firstResponseType(input.responseTypes) === 'code';
  if (plainSecret && !input.dpop && input.type === 'web' && codeFlow) snippets.push(nextAuth(input));
  if (plainSecret && !input.dpop && (input.type === 'service' || (input.type === 'web' && codeFlow))) snippets.push(authlib(input));
  return snippets;
}
