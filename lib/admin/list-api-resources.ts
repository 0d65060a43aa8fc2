/**
 * Every API (RFC 8707 resource) of every team and the operator's own, with its owner and scopes,
 * searched by name, identifier, owner or scope; and which one is the default audience (the
 * `default_resource` setting, CLI `portico resources default`).
 */
import type { Db } from '../db/client.ts';
import { listAllApiResources } from '../portal/list-all-api-resources.ts';
import type { PublicApiResource } from '../portal/api-resource-types.ts';
import type { Actor } from '../portal/types.ts';
import { readSetting } from '../settings/read-setting.ts';
import { readAsOperator } from './operator.ts';
import { searchText } from './text-search.ts';

export type AdminApiResource = Omit<PublicApiResource, 'memberTeamId'> & { isDefault: boolean };

export async function listApiResourcesAsOperator(db: Db, actor: Actor, filter: { query?: string | null } = {}): Promise<AdminApiResource[]> {
  return readAsOperator(db, actor, async () => {
    const [all, defaultResource] = await Promise.all([listAllApiResources(db), readSetting(db, 'default_resource')]);
    const text = searchText(filter.query)?.toLowerCase();
    const matches = (api: PublicApiResource) =>
      !text || [api.name, api.identifier, api.ownerName ?? 'operator', ...api.scopes.map((s) => s.name)].some((v) => v.toLowerCase().includes(text));
    return all.filter(matches).map(({ memberTeamId: _team, ...api }) => ({ ...api, isDefault: api.identifier === defaultResource }));
  });
}
