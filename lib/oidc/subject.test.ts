import { describe, expect, it } from 'vitest';
import { sectorIdentifier, subjectFor, type SubjectClient } from './subject.ts';

const ctx = { settings: { pairwiseSubjectSecret: 'secret-a' } };
const pairwise = (id: string, redirectUris: string[], sectorIdentifierUri: string | null = null): SubjectClient => ({ id, subjectType: 'pairwise', redirectUris, sectorIdentifierUri });

describe('subject identifiers (OIDC Core §8)', () => {
  it('gives a public-subject app the user id', () => {
    expect(subjectFor(ctx, { ...pairwise('c1', ['https://a.example.com/cb']), subjectType: 'public' }, 'user-1')).toBe('user-1');
  });

  it('gives apps of one sector one value, and of different sectors different ones (§8.1)', () => {
    const a = subjectFor(ctx, pairwise('c1', ['https://a.example.com/cb']), 'user-1');
    const sameHost = subjectFor(ctx, pairwise('c2', ['https://A.example.com:8443/other']), 'user-1');
    const otherHost = subjectFor(ctx, pairwise('c3', ['https://b.example.com/cb']), 'user-1');
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe('user-1');
    expect(sameHost).toBe(a);
    expect(otherHost).not.toBe(a);
    expect(subjectFor(ctx, pairwise('c1', ['https://a.example.com/cb']), 'user-2')).not.toBe(a);
    expect(subjectFor({ settings: { pairwiseSubjectSecret: 'secret-b' } }, pairwise('c1', ['https://a.example.com/cb']), 'user-1')).not.toBe(a);
  });

  it('takes the sector from sector_identifier_uri when there is one', () => {
    const withUri = pairwise('c4', ['https://b.example.com/cb', 'https://c.example.com/cb'], 'https://a.example.com/sector.json');
    expect(sectorIdentifier(withUri)).toBe('a.example.com');
    expect(subjectFor(ctx, withUri, 'user-1')).toBe(subjectFor(ctx, pairwise('c1', ['https://a.example.com/cb']), 'user-1'));
  });

  it('makes an app without one redirect host a sector of its own', () => {
    expect(sectorIdentifier(pairwise('c5', ['https://b.example.com/cb', 'https://c.example.com/cb']))).toBe('client:c5');
    expect(sectorIdentifier(pairwise('c6', ['com.example.app:/cb']))).toBe('client:c6');
    expect(sectorIdentifier(pairwise('c7', ['com.example.app:/cb', 'https://a.example.com/cb']))).toBe('a.example.com');
  });
});
