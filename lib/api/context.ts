/**
 * What the API handlers are given: the database, a clock, the acting user (already authenticated),
 * and the server secret (config.secret), which seals the secrets of client_secret_jwt apps.
 */
import type { Db } from '../db/client.ts';
import type { Actor } from '../portal/types.ts';
import { type HttpRequest, type HttpResponse } from '../oidc/http/message.ts';

export type ApiDeps = { db: Db; clock: () => Date; issuer: string; secret?: string; /** host:port pairs internal fetches may reach (PORTICO_OUTBOUND_ALLOWED_HOSTS). */ outboundAllowedHosts?: readonly string[] };
export type ApiRequest = { request: HttpRequest; actor: Actor; params: Record<string, string>; deps: ApiDeps };
export type ApiHandler = (req: ApiRequest) => Promise<HttpResponse>;
