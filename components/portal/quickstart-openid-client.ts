/**
 * The Node.js quickstart (openid-client v6), built from an app's settings: the client
 * authentication it registered (ClientSecretBasic/Post/Jwt, PrivateKeyJwt, None), and only where
 * the settings call for them the switches the library needs — useCodeIdTokenResponseType for an
 * app registered for the hybrid flow without a plain code, useIdTokenResponseType and
 * implicitAuthentication for an implicit-only app, a DPoP handle for an app whose access tokens
 * must be DPoP-bound (RFC 9449).
 */
import type { QuickstartInput, Snippet } from './quickstart-snippets';

const SECRET_ENV = 'PORTICO_CLIENT_SECRET';
const KEY_ENV = 'PORTICO_CLIENT_PRIVATE_JWK';

const q = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** WebCrypto import parameters for the private key that signs client assertions. */
function importParams(alg: string | null): string {
  if (!alg || alg === 'ES256') return "{ name: 'ECDSA', namedCurve: 'P-256' }";
  if (alg === 'ES384') return "{ name: 'ECDSA', namedCurve: 'P-384' }";
  if (alg === 'ES512') return "{ name: 'ECDSA', namedCurve: 'P-521' }";
  if (alg === 'EdDSA' || alg === 'Ed25519') return "{ name: 'Ed25519' }";
  const hash = `SHA-${alg.slice(2)}`;
  return alg.startsWith('PS') ? `{ name: 'RSA-PSS', hash: '${hash}' }` : `{ name: 'RSASSA-PKCS1-v1_5', hash: '${hash}' }`;
}

function clientAuth(i: QuickstartInput): { setup: string; auth: string } {
  switch (i.authMethod) {
    case 'client_secret_basic':
      return { setup: '', auth: `client.ClientSecretBasic(process.env.${SECRET_ENV})` };
    case 'client_secret_post':
      return { setup: '', auth: `client.ClientSecretPost(process.env.${SECRET_ENV})` };
    case 'client_secret_jwt':
      return { setup: '', auth: `client.ClientSecretJwt(process.env.${SECRET_ENV})` };
    case 'private_key_jwt':
      return {
        setup:
          `// Your private key as a JWK (its public half is registered with Portico)${i.signingAlg ? `, for ${i.signingAlg}` : ''}.\n` +
          `const privateKey = await crypto.subtle.importKey('jwk', JSON.parse(process.env.${KEY_ENV}), ${importParams(i.signingAlg)}, false, ['sign']);\n\n`,
        auth: 'client.PrivateKeyJwt(privateKey)',
      };
    default:
      return { setup: '', auth: 'client.None()' };
  }
}

type Flow = 'code' | 'hybrid' | 'implicit' | 'unsupported';

/** The flow the snippet shows: the code flow whenever the app may use it. */
function flowOf(responseTypes: readonly string[]): Flow {
  if (responseTypes.includes('code') || responseTypes.length === 0) return 'code';
  if (responseTypes.includes('code id_token')) return 'hybrid';
  if (responseTypes.includes('id_token')) return 'implicit';
  return 'unsupported';
}

export function openIdClientSnippet(i: QuickstartInput): Snippet {
  const insecure = i.issuer.startsWith('http://');
  const { setup, auth } = clientAuth(i);
  const flow = i.type === 'service' ? 'code' : flowOf(i.responseTypes);
  const execute = [
    ...(insecure ? ['client.allowInsecureRequests'] : []),
    ...(flow === 'hybrid' ? ['client.useCodeIdTokenResponseType'] : flow === 'implicit' ? ['client.useIdTokenResponseType'] : []),
  ];
  const args = [`new URL(${q(i.issuer)})`, q(i.clientId), 'undefined', auth];
  if (execute.length) args.push(`{ execute: [${execute.join(', ')}] }`);
  const notes = [
    insecure ? '// allowInsecureRequests: only because this issuer is http (development).\n' : '',
    flow === 'hybrid' ? '// The app is registered for the hybrid flow ("code id_token"), not a plain code.\n' : '',
    flow === 'implicit' ? '// The app is registered for the implicit flow (response type "id_token"): sign-in returns an ID token only.\n' : '',
  ].join('');
  const dpop = i.dpop
    ? '\n// Access tokens for this app must be DPoP-bound (RFC 9449): keep this key pair for the session.\nconst DPoP = client.getDPoPHandle(config, await client.randomDPoPKeyPair());\n'
    : '';
  const dpopOption = i.dpop ? ', { DPoP }' : '';
  const head = "import * as client from 'openid-client'; // v6\n\n" + setup + notes + `const config = await client.discovery(\n${args.map((a) => `  ${a},`).join('\n')}\n);\n` + dpop;
  const snippet = (code: string): Snippet => ({ id: 'node', label: 'Node.js', language: 'JavaScript · openid-client v6', code });

  if (i.type === 'service') {
    const params = i.scope ? `{ scope: ${q(i.scope)} }` : i.dpop ? 'undefined' : '';
    return snippet(`${head}\nconst tokens = await client.clientCredentialsGrant(config${params ? `, ${params}` : ''}${dpopOption});\nconsole.log(tokens.access_token, tokens.expires_in);\n`);
  }
  if (flow === 'unsupported') {
    return snippet(`${head}\n// openid-client supports the response types code, "code id_token" and id_token; this app is registered for ${i.responseTypes.map((t) => `"${t}"`).join(', ')}.\n// Add one of those in the app's settings (Advanced) to use this library.\n`);
  }
  if (flow === 'implicit') {
    return snippet(
      `${head}\n` +
        '// 1. Sign-in: keep nonce in the user’s session, then redirect to url.\n' +
        'const nonce = client.randomNonce();\n' +
        `const url = client.buildAuthorizationUrl(config, { redirect_uri: ${q(i.redirectUri)}, scope: ${q(i.scope)}, nonce, response_mode: 'form_post' });\n\n` +
        `// 2. Callback (${i.redirectUri}): Portico POSTs the ID token there (form_post); pass the incoming Request.\n` +
        'const claims = await client.implicitAuthentication(config, request, nonce);\n' +
        'console.log(claims.sub, claims.email);\n',
    );
  }
  return snippet(
    `${head}\n` +
      '// 1. Sign-in: keep code_verifier and state in the user’s session, then redirect to url.\n' +
      'const code_verifier = client.randomPKCECodeVerifier();\n' +
      'const state = client.randomState();\n' +
      (flow === 'hybrid' ? 'const nonce = client.randomNonce();\n' : '') +
      'const url = client.buildAuthorizationUrl(config, {\n' +
      `  redirect_uri: ${q(i.redirectUri)},\n` +
      `  scope: ${q(i.scope)},\n` +
      '  code_challenge: await client.calculatePKCECodeChallenge(code_verifier),\n' +
      "  code_challenge_method: 'S256',\n" +
      '  state,\n' +
      (flow === 'hybrid' ? "  nonce,\n  response_mode: 'form_post',\n" : '') +
      '});\n\n' +
      (flow === 'hybrid'
        ? `// 2. Callback (${i.redirectUri}): Portico POSTs the code and ID token there (form_post); pass the incoming Request.\n`
        : `// 2. Callback (${i.redirectUri}): currentUrl is the full URL Portico redirected to.\n`) +
      `const tokens = await client.authorizationCodeGrant(config, ${flow === 'hybrid' ? 'request' : 'currentUrl'}, {\n` +
      '  pkceCodeVerifier: code_verifier,\n' +
      '  expectedState: state,\n' +
      (flow === 'hybrid' ? '  expectedNonce: nonce,\n' : '') +
      `}${i.dpop ? `, undefined${dpopOption}` : ''});\n` +
      'console.log(tokens.claims()); // the ID token’s claims: sub, email, name…\n',
  );
}
