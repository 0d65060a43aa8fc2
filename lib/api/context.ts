/** What the API handlers are given: the database, a clock, and the acting user (already authenticated). */
import type { Db } from '../db/client.ts';
import type { Actor } from '../portal/types.ts';
import { type HttpRequest, type HttpResponse } from '../oidc/http/message.ts';

export type ApiDeps = { db: Db; clock: () => Date; issuer: string };
export type ApiRequest = { request: HttpRequest; actor: Actor; params: Record<string, string>; deps: ApiDeps };
export type ApiHandler = (req: ApiRequest) => Promise<HttpResponse>;
