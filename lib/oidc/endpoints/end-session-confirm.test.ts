import { describe, expect, it } from 'vitest';
import { confirmFormAction, confirmLogoutPage } from './end-session-confirm.ts';

describe('the sign-out confirmation page', () => {
  it("lets its form's redirect reach the app's post_logout_redirect_uri, and nothing else", () => {
    const page = confirmLogoutPage('/oauth/end-session', new Map([['post_logout_redirect_uri', 'https://rp.example.com:8443/bye?x=1'], ['state', 's']]));
    expect(page.headers['content-security-policy']).toContain("form-action 'self' https://rp.example.com:8443;");
    expect(page.body).toContain('name="post_logout_redirect_uri" value="https://rp.example.com:8443/bye?x=1"');
  });

  it.each([
    [undefined, "'self'"],
    ['com.example.app:/signed-out', "'self' com.example.app:"],
    ['http://127.0.0.1:51000/done', "'self' http://127.0.0.1:51000"],
    ['not a url', "'self'"],
    ['https://[::1]:8443/x', "'self'"],
  ])('%s → form-action %s', (uri, expected) => {
    expect(confirmFormAction(uri)).toBe(expected);
  });
});
