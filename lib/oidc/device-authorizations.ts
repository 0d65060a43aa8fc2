/**
 * What the /device page may ask of a device authorization (RFC 8628 §3.3): look one up by the user
 * code the user typed, and record their Approve or Deny. The page never sees the device code, and
 * a decision is re-checked here (a signed-in user read from the session cookie, the code still
 * pending and unexpired) before anything is granted.
 *
 * Approving creates the Grant first (named after the device code: deviceGrantId) and
 * then moves the authorization pending → approved, so a device that polls at once always finds
 * its Grant; if that move loses a race (another tab decided, the code just expired) the Grant is
 * revoked again. The approval is remembered as consent, as the consent screen does.
 */
import { acrOf } from './acr.ts';
import type { ProviderContext } from './context.ts';
import type { HttpRequest } from './http/message.ts';
import type { ApiResourceRecord, ClientRecord, DeviceAuthorizationRecord } from './ports.ts';
import { describeScopes, parseScope, type DescribedScope, type ScopeApi } from './scopes.ts';
import { sha256 } from './tokens.ts';
import { formatUserCode, hashUserCode, normalizeUserCode } from './user-code.ts';

/** Why a code cannot be decided: never typed right, past its 10 minutes, or already decided. */
export type DeviceCodeProblem = 'unknown' | 'expired' | 'used';

export type DeviceView = {
  /** XXXX-XXXX, as the device shows it. */
  userCode: string;
  client: { id: string; name: string; logoUri: string | null; verified: boolean };
  scopes: DescribedScope[];
  /** RFC 8707: the APIs the device asks to use. */
  apis: ScopeApi[];
  expiresAt: Date;
};

export type DeviceLookup = { status: 'pending'; view: DeviceView } | { status: DeviceCodeProblem };

export type DeviceDecision =
  | { status: 'approved' | 'denied'; userId: string; client: { id: string; name: string }; scopes: string[] }
  | { status: DeviceCodeProblem }
  /** No valid browser session: sign in, then decide. */
  | { status: 'signed_out' };

/**
 * The id of the Grant an approval creates, derived from the device code's hash: the token endpoint
 * finds it from the device code alone (the device authorization has no column for it).
 */
export const deviceGrantId = (deviceCodeHash: string) => sha256(`device-grant:${deviceCodeHash}`);

type Loaded = { status: 'pending'; record: DeviceAuthorizationRecord; client: ClientRecord } | { status: DeviceCodeProblem };

export function createDeviceAuthorizations(ctx: Pick<ProviderContext, 'stores' | 'clock' | 'session'>) {
  async function load(userCode: string): Promise<Loaded> {
    const normalized = normalizeUserCode(userCode);
    if (!normalized) return { status: 'unknown' };
    const record = await ctx.stores.devices.findByUserCode(hashUserCode(normalized));
    if (!record) return { status: 'unknown' };
    if (record.status !== 'pending') return { status: 'used' };
    if (record.expiresAt <= ctx.clock()) return { status: 'expired' };
    const client = await ctx.stores.clients.find(record.clientId);
    // A client deleted or disabled since the device asked: nothing left to approve.
    if (!client || client.disabled) return { status: 'unknown' };
    return { status: 'pending', record, client };
  }

  return {
    async describe(userCode: string): Promise<DeviceLookup> {
      const loaded = await load(userCode);
      if (loaded.status !== 'pending') return loaded;
      const { record, client } = loaded;
      const apis = (await Promise.all((record.resources ?? '').split(' ').filter(Boolean).map((id) => ctx.stores.resources.findByIdentifier(id)))).filter(
        (api): api is ApiResourceRecord => api !== null,
      );
      return {
        status: 'pending',
        view: {
          userCode: formatUserCode(normalizeUserCode(userCode)!),
          client: { id: client.id, name: client.name, logoUri: client.logoUri, verified: client.verified },
          scopes: describeScopes(parseScope(record.scope), client.scopeDescriptions, apis),
          apis: apis.map(({ identifier, name, ownerName }) => ({ identifier, name, ownerName })),
          expiresAt: record.expiresAt,
        },
      };
    },

    /** The signed-in user (from `request`'s session cookie) approves or denies the code's request. */
    async decide(request: HttpRequest, userCode: string, decision: 'approve' | 'deny'): Promise<DeviceDecision> {
      const session = await ctx.session.read(request);
      if (!session || !(await ctx.stores.users.find(session.userId))) return { status: 'signed_out' };
      const loaded = await load(userCode);
      if (loaded.status !== 'pending') return loaded;
      const { record, client } = loaded;
      const scopes = parseScope(record.scope);
      const decided = { userId: session.userId, client: { id: client.id, name: client.name }, scopes };

      if (decision === 'deny') {
        // RFC 8628 §3.5: the device's next poll gets access_denied.
        return (await ctx.stores.devices.deny(record.deviceCodeHash, session.userId)) ? { status: 'denied', ...decided } : { status: 'used' };
      }

      const grantId = deviceGrantId(record.deviceCodeHash);
      const acr = acrOf(session.amr);
      const amr = session.amr.join(' ');
      await ctx.stores.grants.create({
        id: grantId,
        clientId: client.id,
        userId: session.userId,
        scope: record.scope,
        authTime: session.authTime,
        acr,
        amr,
        nonce: null,
        sid: session.sid,
        resources: record.resources,
        claims: null,
      });
      const now = ctx.clock();
      const approval = { userId: session.userId, authTime: session.authTime, amr, acr, sid: session.sid };
      if (!(await ctx.stores.devices.approve(record.deviceCodeHash, approval, now))) {
        await ctx.stores.grants.revoke(grantId, now);
        return { status: record.expiresAt <= now ? 'expired' : 'used' };
      }
      await ctx.stores.consents.grant(session.userId, client.id, scopes, [], (record.resources ?? '').split(' ').filter(Boolean));
      return { status: 'approved', ...decided };
    },
  };
}

export type DeviceAuthorizations = ReturnType<typeof createDeviceAuthorizations>;
