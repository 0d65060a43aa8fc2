import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Harness } from '../../tests/support/core-harness.ts';
import { createUser } from './create-user.ts';
import { listSecurityActivity } from './list-security-activity.ts';
import { recordSignIn } from './record-sign-in.ts';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0 Safari/537.36';
const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0';

let h: Harness;
beforeAll(async () => (h = await startCore()));
afterAll(() => h?.close());

describe('sign-in records', () => {
  it('marks the first sign-in from each browser as a new device, per account', async () => {
    const ada = await createUser(h.runtime.db, { email: 'ada@devices.example', password: 'correct horse battery' });
    const bob = await createUser(h.runtime.db, { email: 'bob@devices.example', password: 'correct horse battery' });
    const at = (s: number) => new Date(Date.UTC(2026, 10, 25, 12, 0, s));
    await recordSignIn(h.runtime.db, ada.id, CHROME, at(1));
    await recordSignIn(h.runtime.db, ada.id, CHROME, at(2));
    await recordSignIn(h.runtime.db, ada.id, FIREFOX, at(3));
    await recordSignIn(h.runtime.db, bob.id, CHROME, at(4));
    await recordSignIn(h.runtime.db, ada.id, null, at(5));

    const lines = await listSecurityActivity(h.runtime.db, { userId: ada.id });
    expect(lines.map((l) => [l.text, l.detail])).toEqual([
      ['Signed in', null],
      ['Signed in on a new device', 'Firefox on Windows'],
      ['Signed in', 'Chrome on Linux'],
      ['Signed in on a new device', 'Chrome on Linux'],
    ]);
    expect((await listSecurityActivity(h.runtime.db, { userId: bob.id }))[0]?.text).toBe('Signed in on a new device');
  });
});
