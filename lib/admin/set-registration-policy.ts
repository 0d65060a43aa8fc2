/**
 * Who may register apps at /oauth/register (RFC 7591): the CLI's use case
 * (lib/portal/set-registration-policy.ts), with the operator named in its audit record.
 */
import type { Db } from '../db/client.ts';
import { parseInput } from '../portal/errors.ts';
import { writeRegistrationPolicy, type RegistrationSetting } from '../portal/set-registration-policy.ts';
import type { Actor } from '../portal/types.ts';
import { registrationPolicySchema, type RegistrationPolicyInput } from '../validation/operator-settings.ts';
import { asOperator } from './operator.ts';

export async function setRegistrationPolicyAsOperator(db: Db, actor: Actor, input: RegistrationPolicyInput, now = new Date()): Promise<RegistrationSetting> {
  const value = parseInput(registrationPolicySchema, input);
  return asOperator(db, actor, (tx) => writeRegistrationPolicy(tx, value, actor, now));
}
