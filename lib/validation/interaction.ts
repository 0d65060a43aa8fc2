/** Form fields posted by the sign-in and consent screens about a parked authorization request. */
import { z } from 'zod';

export const interactionIdField = z.string().min(1).max(256);

export const consentDecisionSchema = z.object({
  interaction: interactionIdField,
  decision: z.enum(['allow', 'deny']),
  /** The scopes left ticked; only names the request asked for are kept (checked by the action). */
  scopes: z.array(z.string().min(1).max(128)).max(50),
});

export const confirmAccountSchema = z.object({
  interaction: interactionIdField,
});
