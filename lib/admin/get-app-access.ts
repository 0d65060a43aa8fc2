/** Who may sign in to an app: its policy, and the users and groups assigned to it. */
import type { Db } from '../db/client.ts';
import type { Actor } from '../portal/types.ts';
import { loadAppAccess } from './app-access-view.ts';
import { readAsOperator } from './operator.ts';
import type { AppAccess } from './types.ts';

export async function getAppAccess(db: Db, actor: Actor, clientId: string): Promise<AppAccess> {
  return readAsOperator(db, actor, () => loadAppAccess(db, clientId));
}
