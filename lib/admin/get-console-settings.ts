/** The settings page's current values: sign-up, app registration, branding and the default API. */
import type { Db } from '../db/client.ts';
import { DEFAULT_SETTINGS } from '../db/stores/index.ts';
import type { OperatorSettings } from '../oidc/ports.ts';
import type { Actor } from '../portal/types.ts';
import { getBranding, type Branding } from '../settings/branding.ts';
import { readSetting } from '../settings/read-setting.ts';
import { getSignUpPolicy, type SignUpPolicy } from '../settings/sign-up-policy.ts';
import { readAsOperator } from './operator.ts';

export type ConsoleSettings = {
  signUp: SignUpPolicy;
  registration: OperatorSettings['registration'];
  branding: Branding;
  /** Whether the logo in use was uploaded (rather than linked). */
  logoUploaded: boolean;
  defaultResource: string | null;
};

/** `registrationDefault`: what applies while no operator has chosen (the deployment's configuration). */
export async function getConsoleSettings(db: Db, actor: Actor, registrationDefault: OperatorSettings['registration'] = DEFAULT_SETTINGS.registration): Promise<ConsoleSettings> {
  return readAsOperator(db, actor, async () => {
    const [signUp, registration, branding, defaultResource] = await Promise.all([
      getSignUpPolicy(db),
      readSetting(db, 'registration'),
      getBranding(db),
      readSetting(db, 'default_resource'),
    ]);
    return {
      signUp,
      registration: registration ?? registrationDefault,
      branding,
      logoUploaded: branding.logoUrl?.startsWith('/branding/logo') ?? false,
      defaultResource: defaultResource ?? null,
    };
  });
}
