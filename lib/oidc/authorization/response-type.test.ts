import { describe, expect, it } from 'vitest';
import type { ClientRecord } from '../ports.ts';
import { canonicalResponseType, responseTypeFor } from './response-type.ts';
import { errorResponseMode, formPostable, responseModeFor } from './response-mode.ts';

const client = (responseTypes: string[], grantTypes = ['authorization_code', 'implicit']) => ({ responseTypes, grantTypes }) as ClientRecord;
const reason = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as { code: string }).code;
  }
  return null;
};

describe('response_type', () => {
  it('matches space-separated values in any order (RFC 6749 §3.1.1)', () => {
    expect(canonicalResponseType('token id_token code')).toBe('code id_token token');
    expect(canonicalResponseType('id_token  code')).toBe('code id_token');
    expect(canonicalResponseType('token')).toBeNull();
    expect(canonicalResponseType('code code')).toBeNull();
    expect(canonicalResponseType('none')).toBeNull();
  });

  it('allows only what the client registered, however either was spelled', () => {
    expect(responseTypeFor(client(['id_token code']), 'code id_token')).toEqual({ value: 'code id_token', code: true, idToken: true, token: false });
    expect(reason(() => responseTypeFor(client(['code']), 'id_token'))).toBe('unauthorized_client');
    expect(reason(() => responseTypeFor(client(['code'], ['client_credentials']), 'code'))).toBe('unauthorized_client');
    expect(reason(() => responseTypeFor(client(['code id_token'], ['authorization_code']), 'code id_token'))).toBe('unauthorized_client');
    expect(reason(() => responseTypeFor(client(['code']), 'token'))).toBe('unsupported_response_type');
    expect(reason(() => responseTypeFor(client(['code']), undefined))).toBe('invalid_request');
  });
});

describe('response_mode', () => {
  const https = 'https://rp.example.com/cb';
  const hybrid = responseTypeFor(client(['code id_token']), 'code id_token');
  const code = responseTypeFor(client(['code']), 'code');

  it('defaults to query for code and fragment for anything returning a token (Multiple Response Types §5)', () => {
    expect(responseModeFor(undefined, code, https)).toBe('query');
    expect(responseModeFor(undefined, hybrid, https)).toBe('fragment');
    expect(responseModeFor('form_post', hybrid, https)).toBe('form_post');
  });

  it('refuses query with tokens, unknown modes, and form_post where no form can post', () => {
    expect(reason(() => responseModeFor('query', hybrid, https))).toBe('invalid_request');
    expect(reason(() => responseModeFor('jwt', code, https))).toBe('invalid_request');
    expect(reason(() => responseModeFor('form_post', code, 'com.example.app:/cb'))).toBe('invalid_request');
  });

  it('sends errors where the response would have gone, or to the default place when that cannot be told', () => {
    expect(errorResponseMode('form_post', 'code id_token', https)).toBe('form_post');
    expect(errorResponseMode('query', 'code id_token', https)).toBe('fragment');
    expect(errorResponseMode('jwt', 'id_token', https)).toBe('fragment');
    expect(errorResponseMode(undefined, 'token', https)).toBe('query');
    expect(errorResponseMode('form_post', 'code', 'com.example.app:/cb')).toBe('query');
  });

  it('form_post needs an http(s) URI whose host a CSP can name', () => {
    expect(formPostable('http://127.0.0.1:8080/cb')).toBe(true);
    expect(formPostable('http://[::1]:8080/cb')).toBe(false);
    expect(formPostable('com.example.app:/cb')).toBe(false);
  });
});
