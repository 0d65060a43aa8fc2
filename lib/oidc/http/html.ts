/** The few plain HTML pages the protocol core itself serves (errors, logout confirmation). */
export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `body{font-family:system-ui,sans-serif;background:#f8fafc;color:#0f172a;display:grid;place-items:center;min-height:100vh;margin:0}
main{max-width:32rem;background:#fff;border:1px solid #e2e8f0;border-radius:12px;padding:2rem;margin:1rem}
h1{font-size:1.25rem;margin:0 0 .75rem}p{line-height:1.5}code{background:#f1f5f9;padding:.1rem .3rem;border-radius:4px}
button{font:inherit;background:#0f172a;color:#fff;border:0;border-radius:8px;padding:.6rem 1.2rem;cursor:pointer}
button:focus-visible{outline:3px solid #6366f1;outline-offset:2px}`;

/** `bodyHtml` must already be escaped. */
export function htmlPage(title: string, bodyHtml: string, status = 200): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} · Portico</title><style>${STYLE}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>${bodyHtml}</main></body></html>`;
  return new Response(html, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'x-frame-options': 'DENY',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
    },
  });
}
