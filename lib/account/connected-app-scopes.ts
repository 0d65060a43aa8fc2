/** Scope names as the account pages show them: the plain-language line of each. */
import { describeScopes, parseScope } from '../oidc/scopes.ts';

export type ScopeLine = { name: string; description: string };

export function scopeLines(scope: string | readonly string[]): ScopeLine[] {
  const names = typeof scope === 'string' ? parseScope(scope) : scope;
  return describeScopes(names).map(({ name, description }) => ({ name, description }));
}
