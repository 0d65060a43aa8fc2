/** Scope names as the account pages show them: the plain-language line of each, as on the consent screen. */
import { describeScopes, parseScope } from '../oidc/scopes.ts';

export type ScopeLine = { name: string; description: string };

/** `customDescriptions`: the app's own words for its API scopes (ClientRecord.scopeDescriptions). */
export function scopeLines(scope: string | readonly string[], customDescriptions: Readonly<Record<string, string>> = {}): ScopeLine[] {
  const names = typeof scope === 'string' ? parseScope(scope) : scope;
  return describeScopes(names, customDescriptions).map(({ name, description }) => ({ name, description }));
}
