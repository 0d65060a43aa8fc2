/**
 * An app's own words for its custom API scopes (e.g. invoices:read → "See and download your
 * invoices"), shown to users on the consent screen and in their connected apps. In the REST API
 * and dynamic registration this is the extension member `scope_descriptions` (RFC 7591 §2 allows
 * extensions); in the portal `scopeDescriptions`.
 *
 * Rules: each description is one line of plain text, 1–120 characters after trimming, starting
 * with a letter; each key is a scope the app may request (its `scope`) and never a standard
 * OpenID Connect scope, which Portico always describes itself. Stored as JSON in the app's scope
 * order, without entries for scopes the app no longer has.
 */
import { z } from 'zod';
import { isStandardScope } from '../oidc/scopes.ts';
import { isSingleLine } from './text.ts';

export const SCOPE_DESCRIPTION_MAX_LENGTH = 120;
const STARTS_WITH_LETTER = /^\p{L}/u;

export type ScopeDescriptions = Record<string, string>;

/** The first rule a description breaks, or null: one message per description. */
function descriptionProblem(text: string): string | null {
  if (text === '') return 'Write a few words users will understand, or leave the scope out to use the default wording.';
  if (text.length > SCOPE_DESCRIPTION_MAX_LENGTH) return `Scope descriptions are at most ${SCOPE_DESCRIPTION_MAX_LENGTH} characters.`;
  if (!isSingleLine(text)) return 'Scope descriptions are one line: no line breaks, tabs or other control characters.';
  if (!STARTS_WITH_LETTER.test(text)) return 'Scope descriptions start with a letter, such as “See and download your invoices”.';
  return null;
}

export const scopeDescriptionText = z
  .string({ error: 'Each scope description must be text.' })
  .trim()
  .superRefine((text, ctx) => {
    const problem = descriptionProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const scopeDescriptionsField = z
  .record(z.string(), scopeDescriptionText, { error: 'Scope descriptions must be an object of scope → description.' })
  .superRefine(
    (descriptions, ctx) => {
      for (const scope of Object.keys(descriptions)) {
        if (isStandardScope(scope)) {
          ctx.addIssue({ code: 'custom', path: [scope], message: `"${scope}" is a standard scope: Portico describes it to users itself.` });
        }
      }
    },
    // Reads only the keys, so it runs even when some description is wrong: every problem at once.
    { when: ({ value }) => typeof value === 'object' && value !== null && !Array.isArray(value) },
  );

/**
 * Cross-field rule, run on the whole client: every described scope must be one the app may
 * request. `scope` is the app's scope after the change (the patch's, else the current one).
 */
export function checkScopeDescriptions(descriptions: ScopeDescriptions, scope: string, ctx: z.RefinementCtx): void {
  const allowed = new Set(scope.split(' '));
  for (const key of Object.keys(descriptions)) {
    if (isStandardScope(key) || allowed.has(key)) continue;
    ctx.addIssue({
      code: 'custom',
      path: ['scopeDescriptions', key],
      message: `"${key}" is not one of this app’s scopes: add it to the scope, or remove its description.`,
    });
  }
}

/** Run the cross-field rule only when both fields parsed (their own errors are reported anyway). */
export const scopeDescriptionRulesApply = ({ issues }: { issues: { path?: PropertyKey[] }[] }) =>
  !issues.some((i) => ['scope', 'scopeDescriptions'].includes(String(i.path?.[0])));

/**
 * The column value: the descriptions of the scopes in `scope` (in that order), as JSON; null
 * when there are none. Entries of scopes the app no longer has are dropped.
 */
export function scopeDescriptionsColumn(descriptions: ScopeDescriptions, scope: string): string | null {
  const kept = [...new Set(scope.split(' ').filter(Boolean))]
    .filter((s) => !isStandardScope(s) && Object.hasOwn(descriptions, s))
    .map((s) => [s, descriptions[s]!] as const);
  return kept.length ? JSON.stringify(Object.fromEntries(kept)) : null;
}

/** Issues of the descriptions alone, by scope: what the portal form shows under each field. */
export function scopeDescriptionProblems(descriptions: ScopeDescriptions): Record<string, string> {
  const result = scopeDescriptionsField.safeParse(descriptions);
  if (result.success) return {};
  const problems: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path[0];
    if (typeof key === 'string') problems[key] ??= issue.message;
  }
  return problems;
}
