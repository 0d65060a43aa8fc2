'use server';

import { redirect } from 'next/navigation';
import type { InteractionActionState } from '@/components/auth/interaction-action';
import { getSignedInUser } from '@/lib/auth/session';
import { userFacingMessage } from '@/lib/auth/user-facing-error';
import { getRuntime } from '@/lib/server/runtime';
import { consentDecisionSchema } from '@/lib/validation/interaction';

/**
 * Records Allow or Deny for the signed-in user. The answer is the URL the browser must load
 * next (back to /oauth/authorize, or the client's redirect_uri with access_denied), followed
 * with a full navigation by the form (see components/auth/interaction-action.ts).
 */
export async function decideConsent(_previous: InteractionActionState, formData: FormData): Promise<InteractionActionState> {
  const parsed = consentDecisionSchema.safeParse({
    interaction: formData.get('interaction'),
    decision: formData.get('decision'),
  });
  if (!parsed.success) return { error: 'Choose Allow or Deny to continue.' };
  const { interaction, decision } = parsed.data;

  const user = await getSignedInUser();
  if (!user) redirect(`/login?interaction=${encodeURIComponent(interaction)}`);

  const { provider } = await getRuntime();
  try {
    return { redirectTo: await provider.interactions.decideConsent(interaction, user.id, decision) };
  } catch (err) {
    return { error: userFacingMessage(err) };
  }
}
