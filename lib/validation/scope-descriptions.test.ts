import { describe, expect, it } from 'vitest';
import { createClientSchema } from './client.ts';
import { updateClientSchemaFor } from './client-update.ts';
import { scopeDescriptionProblems, scopeDescriptionsColumn, scopeDescriptionsField } from './scope-descriptions.ts';

const WEB = { name: 'Invoices', type: 'web' as const, redirectUris: ['https://app.example.com/cb'] };
const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`) ?? [];

describe('scope descriptions', () => {
  it('trims each description and keeps plain one-line text that starts with a letter', () => {
    expect(scopeDescriptionsField.parse({ 'invoices:read': '  See and download your invoices ', 'a.b': 'Émettre des factures' })).toEqual({
      'invoices:read': 'See and download your invoices', 'a.b': 'Émettre des factures',
    });
    expect(scopeDescriptionsField.parse({})).toEqual({});
  });

  it('refuses empty, long, multi-line, control characters, non-letter starts, standard scopes and non-objects', () => {
    expect(scopeDescriptionProblems({
      empty: '   ', long: 'x'.repeat(121), lines: 'See\nyour invoices', tab: 'See\tit', nul: 'A\u0000', dash: '- bullet', quote: '"Quoted"',
      email: 'Reworded', ok: 'x'.repeat(120),
    })).toEqual({
      empty: expect.stringMatching(/few words/),
      long: expect.stringMatching(/at most 120/),
      lines: expect.stringMatching(/one line/),
      tab: expect.stringMatching(/one line/),
      nul: expect.stringMatching(/control/),
      dash: expect.stringMatching(/start with a letter/),
      quote: expect.stringMatching(/start with a letter/),
      email: expect.stringMatching(/standard scope/),
    });
    expect(messages(scopeDescriptionsField.safeParse(['x']))).toEqual([expect.stringMatching(/object/)]);
    expect(messages(scopeDescriptionsField.safeParse({ a: 5 }))).toEqual([expect.stringMatching(/^a: .*text/)]);
  });

  it('on create: only scopes in the app’s scope (none with the default scope)', () => {
    const ok = createClientSchema.parse({ ...WEB, scope: 'openid invoices:read', scopeDescriptions: { 'invoices:read': 'See your invoices' } });
    expect(ok.scopeDescriptions).toEqual({ 'invoices:read': 'See your invoices' });
    expect(messages(createClientSchema.safeParse({ ...WEB, scope: 'openid invoices:read', scopeDescriptions: { 'invoices:write': 'Send invoices' } })))
      .toEqual([expect.stringMatching(/^scopeDescriptions\.invoices:write: .*not one of this app’s scopes/)]);
    expect(messages(createClientSchema.safeParse({ ...WEB, scopeDescriptions: { 'invoices:read': 'See your invoices' } })))
      .toEqual([expect.stringMatching(/^scopeDescriptions\.invoices:read: /)]);
    // Other problems are reported together with the descriptions'.
    expect(messages(createClientSchema.safeParse({ ...WEB, name: '', scopeDescriptions: { x: 'Do x' } }))).toHaveLength(2);
  });

  it('on update: against the patched scope, else the current one', () => {
    const schema = updateClientSchemaFor('web', { scope: 'openid invoices:read' });
    expect(schema.safeParse({ scopeDescriptions: { 'invoices:read': 'See your invoices' } }).success).toBe(true);
    expect(messages(schema.safeParse({ scope: 'openid', scopeDescriptions: { 'invoices:read': 'See your invoices' } })))
      .toEqual([expect.stringMatching(/^scopeDescriptions\.invoices:read: /)]);
    expect(schema.safeParse({ scope: 'openid reports', scopeDescriptions: { reports: 'See your reports' } }).success).toBe(true);
  });

  it('stores JSON in scope order, without removed scopes; null when nothing is left', () => {
    expect(scopeDescriptionsColumn({ b: 'Bee', a: 'Ay', gone: 'Gone' }, 'openid a b')).toBe('{"a":"Ay","b":"Bee"}');
    expect(scopeDescriptionsColumn({ gone: 'Gone' }, 'openid a')).toBeNull();
    expect(scopeDescriptionsColumn({}, '')).toBeNull();
  });
});
