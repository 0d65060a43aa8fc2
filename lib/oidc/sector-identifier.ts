/**
 * sector_identifier_uri (OpenID Connect Dynamic Client Registration 1.0 §2, §5; Core §8.1): the
 * app names one https URL whose host is the sector of its pairwise subjects; the document there
 * is a JSON array of the redirect URIs that share that sector.
 * - At registration and on every update that sets it or changes the redirect URIs, Portico
 *   fetches it and every registered redirect URI must appear in the array (§5: "or registration
 *   MUST fail"). Exact strings, as redirect URIs are matched (RFC 6749 §3.1.2).
 * - The URL was chosen by whoever registers the app, so it is fetched through safe-fetch only:
 *   https, public addresses only (the operator may allow-list internal host:port pairs,
 *   PORTICO_OUTBOUND_ALLOWED_HOSTS), no redirects, 5 s, 64 KB.
 * The answer is a sentence for the developer (RFC 7591 §3.2.2 invalid_client_metadata, or the
 * portal form's field error), or null when the document lists every redirect URI.
 */
import { safeFetch, type SafeFetchOptions } from '../net/safe-fetch.ts';

const TIMEOUT_MS = 5_000;

export type SectorFetchOptions = Pick<SafeFetchOptions, 'allowedHosts' | 'ca' | 'resolve'>;

export async function sectorIdentifierProblem(uri: string, redirectUris: readonly string[], options: SectorFetchOptions = {}): Promise<string | null> {
  let listed: unknown;
  try {
    const res = await safeFetch(uri, { ...options, timeoutMs: TIMEOUT_MS, headers: { accept: 'application/json' } });
    if (res.status !== 200) return `The sector identifier URL answered HTTP ${res.status}; it must answer 200 with a JSON array of your redirect URIs.`;
    listed = JSON.parse(res.body.toString('utf8'));
  } catch (err) {
    if (err instanceof SyntaxError) return 'The sector identifier URL did not answer with JSON: it must be a JSON array of your redirect URIs.';
    return `The sector identifier URL could not be fetched (${err instanceof Error ? err.message : 'unknown error'}).`;
  }
  if (!Array.isArray(listed) || !listed.every((entry) => typeof entry === 'string')) {
    return 'The sector identifier URL must answer with a JSON array of redirect URI strings (OpenID Connect Dynamic Client Registration §5).';
  }
  const missing = redirectUris.filter((uri) => !listed.includes(uri));
  if (missing.length) return `The sector identifier document does not list these redirect URIs: ${missing.join(', ')}. Add them to it, or remove them from the app.`;
  return null;
}
