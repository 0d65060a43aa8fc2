/**
 * Quickstart code built from an app's real values (issuer, client id, redirect URI, scopes,
 * authentication method). The client secret is never in a snippet: they read it from the
 * PORTICO_CLIENT_SECRET environment variable, where it belongs.
 */
import type { ClientKind } from '@/lib/oidc/redirect-uri';

export type QuickstartInput = {
  issuer: string;
  tokenEndpoint: string;
  authorizationEndpoint: string;
  clientId: string;
  type: ClientKind;
  authMethod: 'client_secret_basic' | 'client_secret_post' | 'none';
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

function curl(i: QuickstartInput): Snippet {
  const auth =
    i.authMethod === 'client_secret_basic'
      ? [`  -u ${shell(i.clientId)}:"$${SECRET_ENV}"`]
      : i.authMethod === 'client_secret_post'
        ? [`  -d client_id=${shell(i.clientId)}`, `  -d client_secret="$${SECRET_ENV}"`]
        : [`  -d client_id=${shell(i.clientId)}`];
  if (i.type === 'service') {
    const lines = [`curl -X POST ${shell(i.tokenEndpoint)}`, ...auth, '  -d grant_type=client_credentials'];
    if (i.scope) lines.push(`  -d scope=${shell(i.scope)}`);
    return { id: 'curl', label: 'curl', language: 'Shell', code: `# Get an access token for the service itself\n${lines.join(' \\\n')}\n` };
  }
  const authorize = new URL(i.authorizationEndpoint);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: i.clientId,
    redirect_uri: i.redirectUri,
    scope: i.scope,
    state: 'STATE',
    code_challenge: 'CODE_CHALLENGE',
    code_challenge_method: 'S256',
  }).toString();
  const exchange = [
    `curl -X POST ${shell(i.tokenEndpoint)}`,
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
      `${exchange.join(' \\\n')}\n`,
  };
}

function node(i: QuickstartInput): Snippet {
  const insecure = i.issuer.startsWith('http://');
  const auth =
    i.authMethod === 'client_secret_basic'
      ? `client.ClientSecretBasic(process.env.${SECRET_ENV})`
      : i.authMethod === 'client_secret_post'
        ? `client.ClientSecretPost(process.env.${SECRET_ENV})`
        : 'client.None()';
  const args = [`new URL(${q(i.issuer)})`, q(i.clientId), 'undefined', auth];
  if (insecure) args.push('{ execute: [client.allowInsecureRequests] }');
  const head =
    "import * as client from 'openid-client'; // v6\n\n" +
    (insecure ? '// allowInsecureRequests: only because this issuer is http (development).\n' : '') +
    `const config = await client.discovery(\n${args.map((a) => `  ${a},`).join('\n')}\n);\n`;
  if (i.type === 'service') {
    return {
      id: 'node',
      label: 'Node.js',
      language: 'JavaScript · openid-client v6',
      code: `${head}\nconst tokens = await client.clientCredentialsGrant(config${i.scope ? `, { scope: ${q(i.scope)} }` : ''});\nconsole.log(tokens.access_token, tokens.expires_in);\n`,
    };
  }
  return {
    id: 'node',
    label: 'Node.js',
    language: 'JavaScript · openid-client v6',
    code:
      `${head}\n` +
      '// 1. Sign-in: keep code_verifier and state in the user’s session, then redirect to url.\n' +
      'const code_verifier = client.randomPKCECodeVerifier();\n' +
      'const state = client.randomState();\n' +
      'const url = client.buildAuthorizationUrl(config, {\n' +
      `  redirect_uri: ${q(i.redirectUri)},\n` +
      `  scope: ${q(i.scope)},\n` +
      '  code_challenge: await client.calculatePKCECodeChallenge(code_verifier),\n' +
      "  code_challenge_method: 'S256',\n" +
      '  state,\n' +
      '});\n\n' +
      `// 2. Callback (${i.redirectUri}): currentUrl is the full URL Portico redirected to.\n` +
      'const tokens = await client.authorizationCodeGrant(config, currentUrl, {\n' +
      '  pkceCodeVerifier: code_verifier,\n' +
      '  expectedState: state,\n' +
      '});\n' +
      'console.log(tokens.claims()); // the ID token’s claims: sub, email, name…\n',
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

/** The snippets that fit the app's kind: server frameworks only for apps that can keep a secret. */
export function quickstartSnippets(input: QuickstartInput): Snippet[] {
  const snippets = [curl(input), node(input)];
  if (input.type === 'web') snippets.push(nextAuth(input));
  if (input.type === 'web' || input.type === 'service') snippets.push(authlib(input));
  return snippets;
}
