/**
 * The few plain HTML pages the protocol core itself serves (errors, logout confirmation, the
 * "continue to the app?" pages of untrusted-redirect.ts, the form_post page of form-post.ts).
 * Every value in them is escaped, and they carry their own strict headers: no framing, no
 * referrer, no <base>, and no script at all — except, on a page given a per-response nonce, the
 * inline elements carrying that nonce (then styles need it too: no 'unsafe-inline' anywhere).
 */
import { response, type HttpResponse } from './message.ts';

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

// The same palette and wordmark as the Next.js screens (app/(auth)/layout.tsx), so a user who
// lands here can tell whose page it is.
const STYLE = `body{font-family:ui-sans-serif,system-ui,sans-serif;background:#fafafa;color:#18181b;margin:0}
.frame{max-width:28rem;margin:0 auto;padding:2.5rem 1rem;display:flex;flex-direction:column;gap:1.5rem}
.mark{display:flex;justify-content:center;align-items:center;gap:.5rem;font-size:1.25rem;font-weight:600;letter-spacing:-.01em}
main{background:#fff;border:1px solid #e4e4e7;border-radius:12px;padding:2rem;box-shadow:0 1px 2px rgb(0 0 0/.05)}
h1{font-size:1.25rem;line-height:1.4;margin:0 0 .75rem}p{line-height:1.5;color:#3f3f46}code{background:#f4f4f5;padding:.1rem .3rem;border-radius:4px;color:#18181b}
button{font:inherit;font-weight:600;background:#18181b;color:#fff;border:0;border-radius:8px;padding:.6rem 1.2rem;cursor:pointer}
button:focus-visible,a:focus-visible{outline:2px solid #2563eb;outline-offset:2px}
a{color:#1d4ed8}a.button{display:inline-block;font-weight:600;background:#18181b;color:#fff;border-radius:8px;padding:.6rem 1.2rem;text-decoration:none;overflow-wrap:anywhere}
.unverified{display:inline-block;font-size:.8rem;font-weight:600;color:#92400e;background:#fef3c7;border-radius:999px;padding:.05rem .5rem}
@media (min-width:640px){.frame{min-height:100vh;justify-content:center;box-sizing:border-box}}`;

const MARK = `<div class="mark"><svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" fill="currentColor"><path d="M12 2 1.5 8h21L12 2Z"/><rect x="3" y="9.5" width="18" height="1.5" rx=".5"/><rect x="4.5" y="12" width="2" height="7" rx=".5"/><rect x="9" y="12" width="2" height="7" rx=".5"/><rect x="13" y="12" width="2" height="7" rx=".5"/><rect x="17.5" y="12" width="2" height="7" rx=".5"/><rect x="2" y="20" width="20" height="2" rx=".5"/></svg>Portico</div>`;

/** What a page may do beyond showing itself. */
export type PagePolicy = {
  /** Lets the page's inline <script nonce> (and its <style>) run: a fresh random value per response. */
  nonce?: string;
  /** CSP form-action: where the page's forms may go (this server unless said). */
  formAction?: string;
};

function contentSecurityPolicy({ nonce, formAction = "'self'" }: PagePolicy): string {
  return [
    "default-src 'none'",
    ...(nonce ? [`script-src 'nonce-${nonce}'`] : []),
    `style-src ${nonce ? `'nonce-${nonce}'` : "'unsafe-inline'"}`,
    `form-action ${formAction}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** `bodyHtml` must already be escaped. */
export function htmlPage(title: string, bodyHtml: string, status = 200, headers: Record<string, string> = {}, policy: PagePolicy = {}): HttpResponse {
  const styleNonce = policy.nonce ? ` nonce="${policy.nonce}"` : '';
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} · Portico</title><style${styleNonce}>${STYLE}</style></head>
<body><div class="frame">${MARK}<main><h1>${escapeHtml(title)}</h1>${bodyHtml}</main></div></body></html>`;
  return response(status, html, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    // These pages can carry codes and request parameters in their URL: never pass it on.
    'referrer-policy': 'no-referrer',
    'content-security-policy': contentSecurityPolicy(policy),
    ...headers,
  });
}
