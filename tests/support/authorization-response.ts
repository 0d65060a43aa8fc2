/**
 * Reading an authorization response the way the browser would deliver it to the app: from the
 * Location's query or fragment, or from a form_post page (OAuth 2.0 Form Post Response Mode §2),
 * unescaping the HTML as a browser does.
 */
export type FormPost = { action: string; method: string; fields: URLSearchParams; scriptNonces: string[]; html: string };

const unescapeHtml = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

export function readFormPost(html: string): FormPost {
  const forms = [...html.matchAll(/<form ([^>]*)>/g)];
  if (forms.length !== 1) throw new Error(`expected one form, found ${forms.length}`);
  const attrs = forms[0]![1]!;
  const attr = (name: string) => {
    const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs);
    return m ? unescapeHtml(m[1]!) : '';
  };
  const fields = new URLSearchParams();
  for (const m of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) fields.append(unescapeHtml(m[1]!), unescapeHtml(m[2]!));
  const scriptNonces = [...html.matchAll(/<script([^>]*)>/g)].map((m) => /nonce="([^"]*)"/.exec(m[1]!)?.[1] ?? '');
  return { action: attr('action'), method: attr('method'), fields, scriptNonces, html };
}

/** The POST the browser makes when the page's form is submitted, as the app's server receives it. */
export function formPostRequest(post: FormPost): Request {
  return new Request(post.action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: post.fields.toString(),
  });
}

/** The parameters of a redirect's fragment (form-urlencoded, RFC 6749 §4.2.2). */
export const fragmentParams = (location: string) => new URLSearchParams(new URL(location).hash.slice(1));
