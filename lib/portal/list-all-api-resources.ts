/** Every API with its owner and scopes: the operator's view (CLI `portico resources list`), no actor. */
import type { Db } from '../db/client.ts';
import type { PublicApiResource } from './api-resource-types.ts';
import { loadPublicApiResources } from './list-public-api-resources.ts';

export async function listAllApiResources(db: Db): Promise<PublicApiResource[]> {
  return loadPublicApiResources(db, new Set());
}
