/**
 * A user agent without a browser: a cookie jar, manual redirects, and the real sign-in
 * (next-auth's CSRF token + credentials callback) and consent (the consent page's form) over HTTP.
 */
export class CookieJar {
  private cookies = new Map<string, string>();

  store(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  has(name: string): boolean {
    return this.cookies.has(name);
  }
}

export class Agent {
  readonly jar = new CookieJar();
  constructor(readonly base: string) {}

  async fetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = this.jar.header();
    if (cookie) headers.set('cookie', cookie);
    const res = await fetch(new URL(url, this.base), { ...init, headers, redirect: 'manual' });
    this.jar.store(res);
    return res;
  }

  /** Follows redirects on this server; stops at (and returns) the first redirect leaving it. */
  async navigate(url: string | URL, stopAt?: (u: URL) => boolean): Promise<{ url: URL; response: Response }> {
    let current = new URL(url, this.base);
    for (let i = 0; i < 20; i++) {
      if (stopAt?.(current) || current.origin !== new URL(this.base).origin) return { url: current, response: new Response(null) };
      const response = await this.fetch(current);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { url: current, response };
      current = new URL(location, current);
    }
    throw new Error('too many redirects');
  }

  async signIn(email: string, password: string): Promise<boolean> {
    const csrf = await (await this.fetch('/api/auth/csrf')).json();
    const res = await this.fetch('/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken: csrf.csrfToken, email, password, json: 'true' }),
    });
    await res.text();
    return this.jar.has('next-auth.session-token');
  }
}
