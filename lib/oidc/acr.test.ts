import { describe, expect, it } from 'vitest';
import { ACR_MFA, ACR_PASSWORD, acrOf, meetsAcr, requiredAcr, requiresSecondFactor } from './acr.ts';

describe('authentication context classes', () => {
  it('names the class a sign-in reached from its RFC 8176 methods', () => {
    expect(acrOf(['pwd'])).toBe(ACR_PASSWORD);
    expect(acrOf(['pwd', 'otp', 'mfa'])).toBe(ACR_MFA);
    expect(acrOf(['pwd', 'mfa'])).toBe(ACR_MFA);
  });

  it('takes the weakest known class of acr_values, ignoring unknown ones', () => {
    expect(requiredAcr([])).toBeNull();
    expect(requiredAcr(['urn:example:gold'])).toBeNull();
    expect(requiredAcr([ACR_MFA])).toBe(ACR_MFA);
    expect(requiredAcr([ACR_MFA, 'urn:example:gold', ACR_PASSWORD])).toBe(ACR_PASSWORD);
    expect(requiresSecondFactor(ACR_MFA)).toBe(true);
    expect(requiresSecondFactor(ACR_PASSWORD)).toBe(false);
    expect(requiresSecondFactor(null)).toBe(false);
  });

  it('lets a stronger sign-in meet a weaker class, never the reverse', () => {
    expect(meetsAcr(['pwd'], null)).toBe(true);
    expect(meetsAcr(['pwd'], ACR_PASSWORD)).toBe(true);
    expect(meetsAcr(['pwd'], ACR_MFA)).toBe(false);
    expect(meetsAcr(['pwd', 'otp', 'mfa'], ACR_PASSWORD)).toBe(true);
    expect(meetsAcr(['pwd', 'otp', 'mfa'], ACR_MFA)).toBe(true);
  });
});
