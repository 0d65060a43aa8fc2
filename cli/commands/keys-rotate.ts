/**
 * portico keys rotate [--json]
 * New signing keys become active at once; the previous public keys stay in the JWKS until every
 * token they signed has expired (publishUntil), so relying parties can still verify those tokens.
 */
import { loadConfig } from '../../lib/config.ts';
import { SIGNING_ALGS } from '../../lib/oidc/keys.ts';
import { parseFlags } from '../args.ts';
import { withRuntime } from '../database.ts';
import { printJson } from '../output.ts';
import type { CommandContext } from '../main.ts';

export async function keysRotate(argv: string[], ctx: CommandContext): Promise<void> {
  const flags = parseFlags(argv, { json: { type: 'boolean', default: false } });
  const config = loadConfig(ctx.env);
  // Long enough for every token an old key signed to expire: ID tokens, and the longest-lived access token.
  const retainSeconds = Math.max(config.ttl.idToken, config.ttl.maxAccessToken);

  const { kids, retiredKids, publishedUntil } = await withRuntime(config, async ({ stores, provider }) => {
    const retiredKids = (await stores.keys.list()).filter((k) => !k.retiredAt).map((k) => k.kid);
    const kids = await provider.keys.rotate(retainSeconds);
    const retired = (await stores.keys.list()).find((k) => retiredKids.includes(k.kid));
    return { kids, retiredKids, publishedUntil: retired?.publishUntil ?? new Date(Date.now() + retainSeconds * 1000) };
  });

  if (flags.json) {
    return printJson(ctx.out, {
      kids,
      keys: kids.map((kid, i) => ({ kid, alg: SIGNING_ALGS[i] })),
      retired_kids: retiredKids,
      retired_keys_published_until: publishedUntil.toISOString(),
    });
  }
  ctx.out(`Rotated the signing keys. New keys, active now:\n${kids.map((kid, i) => `  ${(SIGNING_ALGS[i] ?? '').padEnd(6)} ${kid}`).join('\n')}\n`);
  ctx.out(`The previous public keys stay published until ${publishedUntil.toISOString()}, when every token they signed has expired.\n`);
}
