/**
 * What a sign-in or consent screen may tell the user about a failure: the message of an error
 * written for users (expired interaction, OAuth error description), never internals.
 */
import { OAuthError } from '../oidc/errors.ts';
import { InteractionExpiredError } from '../oidc/interactions.ts';

export const GENERIC_FAILURE = 'Something went wrong on our side. Return to the application and try again.';

export function userFacingMessage(err: unknown): string {
  if (err instanceof InteractionExpiredError) return err.message;
  if (err instanceof OAuthError && err.status < 500) return err.description;
  console.error(err);
  return GENERIC_FAILURE;
}
