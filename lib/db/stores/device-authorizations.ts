/**
 * RFC 8628 device authorizations. Every state change is one conditional `updateMany` on the state
 * it leaves (pending → approved | denied, approved → consumed; a poll on the last poll time read),
 * so of two racing requests exactly one sees `count === 1`: a device code yields tokens once.
 */
import type { DeviceAuthorizationRecord, DeviceAuthorizationStatus, DeviceAuthorizationStore } from '../../oidc/ports.ts';
import type { Db } from '../client.ts';

type Row = Omit<DeviceAuthorizationRecord, 'status'> & { status: string };

const STATUSES: readonly string[] = ['pending', 'approved', 'denied', 'consumed'] satisfies DeviceAuthorizationStatus[];

function toRecord(row: Row | null): DeviceAuthorizationRecord | null {
  if (!row) return null;
  // An unknown status (a damaged row) reads as used up: it can never yield tokens.
  const status = (STATUSES.includes(row.status) ? row.status : 'consumed') as DeviceAuthorizationStatus;
  return { ...row, status };
}

export function deviceAuthorizationStore(db: Db): DeviceAuthorizationStore {
  const transition = async (deviceCodeHash: string, from: DeviceAuthorizationStatus, data: Partial<Row>, extra: object = {}) =>
    (await db.deviceAuthorization.updateMany({ where: { deviceCodeHash, status: from, ...extra }, data })).count === 1;

  return {
    async create(record) {
      try {
        await db.deviceAuthorization.create({ data: { ...record, status: 'pending' } });
        return true;
      } catch (err) {
        // P2002: unique constraint violation, here on userCodeHash (a user code still on record).
        if ((err as { code?: unknown } | null)?.code === 'P2002') return false;
        throw err;
      }
    },
    async findByDeviceCode(deviceCodeHash) {
      return toRecord(await db.deviceAuthorization.findUnique({ where: { deviceCodeHash } }));
    },
    async findByUserCode(userCodeHash) {
      return toRecord(await db.deviceAuthorization.findUnique({ where: { userCodeHash } }));
    },
    async recordPoll(deviceCodeHash, previous, at) {
      const result = await db.deviceAuthorization.updateMany({ where: { deviceCodeHash, status: 'pending', lastPolledAt: previous }, data: { lastPolledAt: at } });
      return result.count === 1;
    },
    async slowDown(deviceCodeHash, seconds, at) {
      await db.deviceAuthorization.updateMany({ where: { deviceCodeHash, status: 'pending' }, data: { interval: { increment: seconds }, lastPolledAt: at } });
    },
    approve: (deviceCodeHash, approval, now) => transition(deviceCodeHash, 'pending', { status: 'approved', ...approval }, { expiresAt: { gt: now } }),
    deny: (deviceCodeHash, userId) => transition(deviceCodeHash, 'pending', { status: 'denied', userId }),
    consume: (deviceCodeHash) => transition(deviceCodeHash, 'approved', { status: 'consumed' }),
  };
}
