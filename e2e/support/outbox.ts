/**
 * Mail in the browser tests: no SMTP server is configured, so Portico appends every message to
 * <dataDir>/outbox.jsonl, where a test reads the link a person would click.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { E2EState } from './state.ts';

/**
 * The link in the newest outbox message to `to` whose path is `pathname`, waiting up to 5 s for
 * it: some mail (the password reset) is sent after the page has answered.
 */
export async function linkFromOutbox(state: E2EState, to: string, pathname: string): Promise<string> {
  for (let waited = 0; ; waited += 100) {
    try {
      return newestLink(state, to, pathname);
    } catch (err) {
      if (waited >= 5000) throw err;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function newestLink(state: E2EState, to: string, pathname: string): string {
  const lines = readFileSync(path.join(state.dataDir, 'outbox.jsonl'), 'utf8').trim().split('\n');
  const messages = lines.map((line) => JSON.parse(line) as { to: string; text: string }).filter((m) => m.to === to);
  const link = messages
    .flatMap((m) => m.text.split(/\s+/))
    .filter((word) => word.startsWith(`${state.issuer}${pathname}?token=`))
    .at(-1);
  if (!link) throw new Error(`no ${pathname} link mailed to ${to}`);
  return link;
}
