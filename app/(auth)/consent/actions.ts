'use server';

import { redirect } from 'next/navigation';
import type { InteractionActionState } from '@/components/auth/interaction-action';
import { recordConsentDecision } from '@/lib/account/record-consent-decision';
import { getSignedInUser } from '@/lib/auth/session';
import { userFacingMessage } from '@/lib/auth/user-facing-error';
import { InteractionExpiredError } from '@/lib/oidc/interactions';
import { getRuntime } from '@/lib/server/runtime';
import { consentDecisionSchema } from '@/lib/validation/interaction';

/**
 * Records Allow (with the scopes left ticked) or Deny for the signed-in user. The answer is the
 * URL the browser must load next (back to /oauth/authorize, or the client's redirect_uri with
 * access_denied), followed with a full navigation by the form (see
 * components/auth/interaction-action.ts). The decision is then written to the audit trail.
 */
export async function decideConsent(_previous: InteractionActionState, formData: FormData): Promise<InteractionActionState> {
  const parsed = consentDecisionSchema.safeParse({
    interaction: formData.get('interaction'),
    decision: formData.get('decision'),
    scopes: formData.getAll('scope'),
  });
  if (!parsed.success) return { error: 'Choose Allow or Deny to continue.' };
  const { interaction, decision, scopes } = parsed.data;

  const user = await getSignedInUser();
  if (!user) redirect(`/login?interaction=${encodeURIComponent(interaction)}`);
  // The decision belongs to the account the screen showed: if another one signed in meanwhile
  // (e.g. "Not you?" in another tab), that account must see the request for itself.
  const shownAccount = formData.get('account');
  if (typeof shownAccount === 'string' && shownAccount !== user.id) {
    return { error: `You are now signed in as ${user.email}. Reload this page to review the request for that account.` };
  }

  const { db, provider } = await getRuntime();
  try {
    const view = await provider.interactions.describe(interaction, user.id);
    if (!view) throw new InteractionExpiredError();
    // Only names this request asked for; the core adds the required ones back.
    const requested = view.scopes.map((s) => s.name);
    const ticked = scopes.filter((s) => requested.includes(s));
    const redirectTo = await provider.interactions.decideConsent(interaction, user.id, decision, decision === 'allow' ? ticked : undefined);
    const client = { id: view.client.id, name: view.client.name };
    await recordConsentDecision(db, { userId: user.id }, decision === 'allow' ? { decision, client, requested, ticked } : { decision, client, requested }).catch(
      (err: unknown) => console.error('could not record the consent decision', err),
    );
    return { redirectTo };
  } catch (err) {
    return { error: userFacingMessage(err) };
  }
}
