/** Form fields posted by the sign-in and consent screens about a parked authorization request. */
import { z } from 'zod';

export const interactionIdField = z.string().min(1).max(256);

export const consentDecisionSchema = z.object({
  interaction: interactionIdField,
  decision: z.enum(['allow', 'deny']),
});

export const confirmAccountSchema = z.object({
  interaction: interactionIdField,
});
