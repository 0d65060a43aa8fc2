/**
 * portico keys rotate [--json]
 * New signing keys are published in the JWKS at once and used for signing 2 × PORTICO_KEY_RELOAD_SECONDS
 * later, once every instance has had time to publish them (lib/oidc/keys.ts). The keys they
 * replace sign until then and stay published until every token they signed has expired.
 */
import { rotateSigningKeysFromCli } from '../../lib/admin/rotate-signing-keys.ts';
import { loadConfig } from '../../lib/config.ts';
import { SIGNING_ALGS } from '../../lib/oidc/keys.ts';
import { parseFlags } from '../args.ts';
import { withRuntime } from '../database.ts';
import { printJson } from '../output.ts';
import type { CommandContext } from '../main.ts';

export async function keysRotate(argv: string[], ctx: CommandContext): Promise<void> {
  const flags = parseFlags(argv, { json: { type: 'boolean', default: false } });
  const config = loadConfig(ctx.env);
  // The rotation use case (shared with /admin/keys): the old keys stay published until every token they signed has expired.
  const { kids, activatesAt, retiredKids, publishUntil } = await withRuntime(config, ({ db, provider }) => rotateSigningKeysFromCli(db, provider.keys, config.ttl));

  if (flags.json) {
    return printJson(ctx.out, {
      kids,
      keys: kids.map((kid, i) => ({ kid, alg: SIGNING_ALGS[i] })),
      activates_at: activatesAt.toISOString(),
      retired_kids: retiredKids,
      retired_keys_published_until: publishUntil.toISOString(),
    });
  }
  ctx.out(`Rotated the signing keys. New keys, published now:\n${kids.map((kid, i) => `  ${(SIGNING_ALGS[i] ?? '').padEnd(6)} ${kid}`).join('\n')}\n`);
  ctx.out(`They sign from ${activatesAt.toISOString()}, once every instance lists them (2 × PORTICO_KEY_RELOAD_SECONDS); the current keys sign until then.\n`);
  ctx.out(`The previous public keys stay published until ${publishUntil.toISOString()}, when every token they signed has expired.\n`);
}
