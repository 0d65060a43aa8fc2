/** Who may create an account at /signup: open, invite_only or closed (lib/settings/sign-up-policy.ts). */
import type { Db } from '../db/client.ts';
import { recordAudit } from '../portal/audit.ts';
import { parseInput } from '../portal/errors.ts';
import type { Actor } from '../portal/types.ts';
import type { SignUpPolicy } from '../settings/sign-up-policy.ts';
import { writeSetting } from '../settings/write-setting.ts';
import { signUpPolicySchema } from '../validation/operator-settings.ts';
import { asOperator } from './operator.ts';

export async function setSignUpPolicy(db: Db, actor: Actor, policy: SignUpPolicy, now = new Date()): Promise<SignUpPolicy> {
  const value = parseInput(signUpPolicySchema, { policy }).policy;
  return asOperator(db, actor, async (tx) => {
    await writeSetting(tx, 'sign_up', value);
    await recordAudit(tx, { actor, action: 'settings.sign_up', details: { policy: value }, at: now });
    return value;
  });
}
