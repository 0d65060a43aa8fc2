/**
 * The front-channel logout URI (OpenID Connect Front-Channel Logout 1.0 §2): a page of the app
 * that Portico's logout page loads in an iframe, in the user's browser, so the app signs the user
 * out too; frontchannel_logout_session_required asks for iss and sid on it.
 * - An absolute URL with no fragment (§2: the logout URI MUST NOT include one) and no user name or
 *   password.
 * - §2: it SHOULD use https, and MAY use http only when the app is a confidential client (RFC 6749
 *   §2.1) and the OP allows http RP URLs. Portico allows them as it allows http redirect URIs: on
 *   a loopback host, for development. So: https, or http on localhost/127.0.0.1/[::1] for a web app.
 * - Portico never calls it itself (the browser does), so unlike the back-channel URI an internal
 *   host is not a request-forgery risk to Portico and is not refused.
 * - A service app has no users to sign out.
 */
import { z } from 'zod';
import { isLoopback, type ClientKind } from '../oidc/redirect-uri.ts';
import { URI_MAX_LENGTH } from './client-fields.ts';
import { CONTROL_MESSAGE, isSingleLine } from './text.ts';

const LABEL = 'Front-channel logout URL';

function shapeProblem(uri: string): string | null {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return `${LABEL} must be an absolute https URL, such as https://app.example.com/frontchannel-logout.`;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname) return `${LABEL} must be an https URL, such as https://app.example.com/frontchannel-logout.`;
  if (url.username || url.password) return `${LABEL} must not contain a user name or password.`;
  if (uri.includes('#')) return `${LABEL} must not contain a fragment (Front-Channel Logout §2).`;
  return null;
}

export const frontchannelLogoutUriField = z
  .string({ error: `${LABEL} must be a URL.` })
  .trim()
  .max(URI_MAX_LENGTH, `${LABEL} is at most ${URI_MAX_LENGTH} characters.`)
  .refine(isSingleLine, `${LABEL} ${CONTROL_MESSAGE}.`)
  .transform((value) => (value === '' ? null : value))
  .superRefine((uri, ctx) => {
    const problem = uri === null ? null : shapeProblem(uri);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .nullable();

export const frontchannelLogoutSessionRequiredField = z.boolean({ error: 'Front-channel logout session required must be true or false.' });

/** The rules that depend on the app's type, on a URI the field already accepted. */
export function checkFrontchannelLogoutUri(type: ClientKind, uri: string | null | undefined, ctx: z.RefinementCtx): void {
  if (!uri) return;
  if (type === 'service') {
    ctx.addIssue({ code: 'custom', path: ['frontchannelLogoutUri'], message: 'A service app has no users to sign out: remove the front-channel logout URL.' });
    return;
  }
  const url = new URL(uri);
  if (url.protocol === 'http:' && !(type === 'web' && isLoopback(url))) {
    ctx.addIssue({
      code: 'custom',
      path: ['frontchannelLogoutUri'],
      message: `${LABEL} must use https (http is allowed only for web apps on localhost, 127.0.0.1 or [::1], for development; Front-Channel Logout §2).`,
    });
  }
}
