'use server';

import type { InteractionActionState } from '@/components/auth/interaction-action';
import { getSignedInUser } from '@/lib/auth/session';
import { userFacingMessage } from '@/lib/auth/user-facing-error';
import { getRuntime } from '@/lib/server/runtime';
import { confirmAccountSchema } from '@/lib/validation/interaction';

/** prompt=select_account: the user chose to continue with the account already signed in. */
export async function continueAsSignedInUser(
  _previous: InteractionActionState,
  formData: FormData,
): Promise<InteractionActionState> {
  const parsed = confirmAccountSchema.safeParse({ interaction: formData.get('interaction') });
  if (!parsed.success) return { error: 'This request has expired or is invalid. Return to the application and try again.' };
  const user = await getSignedInUser();
  if (!user) return { error: 'You are no longer signed in. Sign in below to continue.' };
  const { provider } = await getRuntime();
  try {
    return { redirectTo: await provider.interactions.confirmAccount(parsed.data.interaction, user.id) };
  } catch (err) {
    return { error: userFacingMessage(err) };
  }
}
