/**
 * The user's Deny on the consent screen, for a request answered by form_post. The screen can only
 * send the browser to a URL, and a form_post response (Form Post Response Mode §2) is a page, not
 * a URL: so the denial is written into the parked request, and the authorization endpoint, resumed,
 * answers access_denied (RFC 6749 §4.1.2.1) in the request's own response mode. The mark is a
 * parameter no request can bring along: it is dropped whenever a request is parked.
 */
export const DENIAL_MARK = 'portico_denied';

export const markDenied = (params: Record<string, string>): Record<string, string> => ({ ...params, [DENIAL_MARK]: '1' });

export const deniedByUser = (params: Record<string, string>): boolean => params[DENIAL_MARK] === '1';

export function withoutDenialMark(params: Record<string, string>): Record<string, string> {
  const { [DENIAL_MARK]: _dropped, ...kept } = params;
  return kept;
}
