import { startOidcProvider } from './oidc-provider.ts';
import { cleanupAll } from './processes.ts';
import { load } from './load.ts';
import { FORM, codeExchangeBody } from './target.ts';
const t = await startOidcProvider(console.log);
try {
  for (const n of [300, 3000]) {
  const pool = await t.codes(n, 20000);
  const r = await load({ url: t.base, path: t.paths.token, method: 'POST', headers: { authorization: t.webAuth, 'content-type': FORM }, connections: 50, amount: pool.total,
    perConnection: () => ({ next: () => { const c = pool.take(); return c ? { body: codeExchangeBody(c, t.pkce.verifier) } : null; } }),
    check: (b) => b.includes('"id_token"') });
  console.log(pool.describe, pool.underruns, r.rps, r.p50, r.p99, r.statusCodes, await t.diagnose!());
  }
} finally { await cleanupAll(); }
