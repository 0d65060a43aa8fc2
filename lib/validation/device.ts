/** Form fields the /device page posts (RFC 8628 §3.3): the user code it showed, and Approve or Deny. */
import { z } from 'zod';

/** Generous for typing (dashes, spaces); lib/oidc/user-code.ts decides what a code is. */
export const userCodeField = z.string().trim().min(1).max(64);

export const deviceDecisionSchema = z.object({
  userCode: userCodeField,
  decision: z.enum(['approve', 'deny']),
});
