/**
 * The protocol flags `portico client create` and `portico client update` share, named after their
 * RFC 7591 metadata: response types, authentication method and keys, DPoP, PAR, subject type and
 * front-channel logout. They become the same input the portal and the REST API send, checked by
 * the same rules (lib/validation/client-protocol-fields.ts).
 */
import { readFileSync } from 'node:fs';
import { ZodError } from 'zod';
import { AUTH_METHODS } from '../../lib/validation/client-auth-method.ts';
import { GRANT_TYPES } from '../../lib/validation/client-fields.ts';
import { CLIENT_JWS_ALGS } from '../../lib/validation/jwk-fit.ts';
import { SUBJECT_TYPES } from '../../lib/validation/subject-type.ts';
import { oneOf } from '../args.ts';
import { CliError, UsageError } from '../errors.ts';

/** On/off options: --X sets true, --no-X false (node's parseArgs has no negation of its own). */
const SWITCHES = ['require-pushed-authorization-requests', 'dpop-bound-access-tokens', 'frontchannel-logout-session-required'] as const;

export const PROTOCOL_FLAGS = {
  'grant-type': { type: 'string', multiple: true },
  'response-type': { type: 'string', multiple: true },
  'token-endpoint-auth-method': { type: 'string' },
  jwks: { type: 'string' },
  'jwks-file': { type: 'string' },
  'jwks-uri': { type: 'string' },
  'token-endpoint-auth-signing-alg': { type: 'string' },
  'request-object-signing-alg': { type: 'string' },
  'subject-type': { type: 'string' },
  'sector-identifier-uri': { type: 'string' },
  'frontchannel-logout-uri': { type: 'string' },
  ...Object.fromEntries(SWITCHES.flatMap((name) => [[name, { type: 'boolean' }], [`no-${name}`, { type: 'boolean' }]])),
} as const;

type Flags = Partial<Record<string, string | string[] | boolean>>;

function switchValue(flags: Flags, name: (typeof SWITCHES)[number]): boolean | undefined {
  const on = flags[name] === true;
  const off = flags[`no-${name}`] === true;
  if (on && off) throw new UsageError(`Use --${name} or --no-${name}, not both.`);
  return on ? true : off ? false : undefined;
}

function jwksText(flags: Flags): string | undefined {
  const inline = flags.jwks as string | undefined;
  const file = flags['jwks-file'] as string | undefined;
  if (inline !== undefined && file !== undefined) throw new UsageError('Use --jwks or --jwks-file, not both.');
  if (file === undefined) return inline;
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`Cannot read --jwks-file ${file}: ${(err as Error).message}. Give the path of a JSON file holding your public JWK Set.`);
  }
}

/** The flags given → client input fields (absent flags stay absent; an empty URL or --jwks "" removes the value). */
export function protocolInput(flags: Flags) {
  const input = {
    grantTypes: (flags['grant-type'] as string[] | undefined)?.map((g) => oneOf(g, GRANT_TYPES, '--grant-type')!),
    responseTypes: flags['response-type'] as string[] | undefined,
    tokenEndpointAuthMethod: oneOf(flags['token-endpoint-auth-method'] as string | undefined, AUTH_METHODS, '--token-endpoint-auth-method'),
    jwks: jwksText(flags),
    jwksUri: flags['jwks-uri'] as string | undefined,
    tokenEndpointAuthSigningAlg: oneOf(flags['token-endpoint-auth-signing-alg'] as string | undefined, CLIENT_JWS_ALGS, '--token-endpoint-auth-signing-alg'),
    requestObjectSigningAlg: oneOf(flags['request-object-signing-alg'] as string | undefined, CLIENT_JWS_ALGS, '--request-object-signing-alg'),
    subjectType: oneOf(flags['subject-type'] as string | undefined, SUBJECT_TYPES, '--subject-type'),
    sectorIdentifierUri: flags['sector-identifier-uri'] as string | undefined,
    frontchannelLogoutUri: flags['frontchannel-logout-uri'] as string | undefined,
    requirePushedAuthorizationRequests: switchValue(flags, 'require-pushed-authorization-requests'),
    dpopBoundAccessTokens: switchValue(flags, 'dpop-bound-access-tokens'),
    frontchannelLogoutSessionRequired: switchValue(flags, 'frontchannel-logout-session-required'),
  };
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<typeof input>;
}

const FLAG_FOR_FIELD: Record<string, string> = {
  grantTypes: '--grant-type',
  responseTypes: '--response-type',
  tokenEndpointAuthMethod: '--token-endpoint-auth-method',
  jwks: '--jwks',
  jwksUri: '--jwks-uri',
  tokenEndpointAuthSigningAlg: '--token-endpoint-auth-signing-alg',
  requestObjectSigningAlg: '--request-object-signing-alg',
  subjectType: '--subject-type',
  sectorIdentifierUri: '--sector-identifier-uri',
  frontchannelLogoutUri: '--frontchannel-logout-uri',
  frontchannelLogoutSessionRequired: '--frontchannel-logout-session-required',
  requirePushedAuthorizationRequests: '--require-pushed-authorization-requests',
  dpopBoundAccessTokens: '--dpop-bound-access-tokens',
  idTokenAlg: '--id-token-alg',
};

/** A validation failure with each issue under the flag that sets its field (the CLI prints them so). */
export function withFlagNames(err: unknown): never {
  if (!(err instanceof ZodError)) throw err;
  throw new ZodError(err.issues.map((issue) => {
    const field = String(issue.path[0] ?? '');
    return FLAG_FOR_FIELD[field] ? { ...issue, path: [FLAG_FOR_FIELD[field]] } : issue;
  }));
}
