/**
 * Authentication context classes (OIDC Core §2 `acr`, §3.1.2.1 `acr_values`) and their link to
 * the methods used at sign-in (RFC 8176 `amr`).
 *
 * Portico knows two classes, ordered by strength:
 * - a password alone: `urn:portico:acr:password`;
 * - a password plus a second factor (TOTP or a recovery code): the PAPE multi-factor URI, which
 *   several providers and client libraries already use to ask for MFA.
 *
 * acr_values is a list in order of preference (OIDC Core §3.1.2.1); any listed class the session
 * meets or exceeds satisfies it. Values Portico does not know are ignored, as a voluntary request
 * allows (§5.5.1.1); a list naming only the multi-factor class makes a second factor required.
 */
export const ACR_PASSWORD = 'urn:portico:acr:password';
export const ACR_MFA = 'http://schemas.openid.net/pape/policies/2007/06/multi-factor';
export const ACR_VALUES_SUPPORTED = [ACR_PASSWORD, ACR_MFA] as const;

const STRENGTH: Record<string, number> = { [ACR_PASSWORD]: 1, [ACR_MFA]: 2 };

/** The class a sign-in with these RFC 8176 methods reached. */
export function acrOf(amr: readonly string[]): string {
  return amr.includes('mfa') ? ACR_MFA : ACR_PASSWORD;
}

/** The weakest class that satisfies the request, or null when it names none Portico knows. */
export function requiredAcr(acrValues: readonly string[]): string | null {
  const known = acrValues.filter((v) => v in STRENGTH);
  if (known.length === 0) return null;
  return known.reduce((a, b) => (STRENGTH[a]! <= STRENGTH[b]! ? a : b));
}

/** Whether a password alone falls short of the class (the sign-in page then asks for the code). */
export function requiresSecondFactor(required: string | null): boolean {
  return required !== null && STRENGTH[required]! > STRENGTH[ACR_PASSWORD]!;
}

export function meetsAcr(amr: readonly string[], required: string | null): boolean {
  return required === null || STRENGTH[acrOf(amr)]! >= STRENGTH[required]!;
}
