import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { coreLog, createLogger, flushLogs, lineWriter, processLogger, type LogLevel } from './logger.ts';

function capture(level: LogLevel = 'debug') {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger(level, stream), text: () => lines.join('\n'), records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

const secret = (prefix = '') => prefix + randomBytes(32).toString('base64url');

describe('log redaction', () => {
  it('never writes a secret passed in headers or objects, at any depth, and keeps the rest', () => {
    const secrets = {
      bearer: secret('at_'),
      cookie: secret(),
      setCookie: secret(),
      clientSecret: secret('cs_'),
      password: 'correct horse battery staple',
      code: secret('ac_'),
      accessToken: secret(),
      refreshToken: secret('rt_'),
      idToken: secret(),
      registrationToken: secret('rat_'),
      nestedToken: secret(),
      apiSecret: secret(),
      newPassword: 'Tr0ub4dor&3-new',
      basic: Buffer.from(`client:${secret()}`).toString('base64'),
      proxyAuth: secret(),
      verifier: secret(),
    };
    const { logger, text, records } = capture();
    logger.info(
      {
        headers: {
          authorization: `Bearer ${secrets.bearer}`,
          cookie: `next-auth.session-token=${secrets.cookie}`,
          'set-cookie': [`sid=${secrets.setCookie}; HttpOnly`],
          'proxy-authorization': secrets.proxyAuth,
          'user-agent': 'curl/8.0',
        },
        body: {
          client_id: 'visible-client',
          client_secret: secrets.clientSecret,
          password: secrets.password,
          code: secrets.code,
          code_verifier: secrets.verifier,
          access_token: secrets.accessToken,
          refresh_token: secrets.refreshToken,
          id_token: secrets.idToken,
          registration_access_token: secrets.registrationToken,
          deeper: { list: [{ my_token: secrets.nestedToken, apiSecret: secrets.apiSecret, newPassword: secrets.newPassword }] },
        },
        note: `sent Basic ${secrets.basic}`,
      },
      `token exchange with Bearer ${secrets.bearer}`,
    );
    const output = text();
    for (const [name, value] of Object.entries(secrets)) expect(output, name).not.toContain(value);
    const [line] = records();
    expect(line).toMatchObject({
      level: 'info',
      headers: { authorization: '[redacted]', cookie: '[redacted]', 'set-cookie': '[redacted]', 'user-agent': 'curl/8.0' },
      body: { client_id: 'visible-client', client_secret: '[redacted]', deeper: { list: [{ my_token: '[redacted]' }] } },
    });
    expect(line!.msg).toBe('token exchange with Bearer [redacted]');
  });

  it('catches a secret by its shape in any string: a path, an error message and stack, a JWT', () => {
    const invitation = secret('inv_');
    const pat = secret('pat_');
    const jwt = `eyJhbGciOiJSUzI1NiJ9.${secret()}.${secret()}`;
    const err = Object.assign(new Error(`token ${pat} was rejected`), { password: 'hunter2-hunter2', status: 401 });
    const { logger, text, records } = capture();
    logger.info({ path: `/invitations/${invitation}`, hint: jwt }, 'visit');
    logger.error({ err, requestId: 'r1' }, 'request failed');
    const output = text();
    for (const value of [invitation, pat, jwt, 'hunter2-hunter2']) expect(output).not.toContain(value);
    const [visit, failure] = records();
    expect(visit).toMatchObject({ path: '/invitations/inv_[redacted]', hint: '[redacted]' });
    expect(failure).toMatchObject({ level: 'error', requestId: 'r1', err: { type: 'Error', message: 'token pat_[redacted] was rejected', password: '[redacted]', status: 401 } });
    expect(String((failure!.err as { stack: string }).stack)).toContain('logger.test.ts');
  });

  it('writes request lines in the logger\'s own shape, escaped, with secrets redacted even where no "_" shows', () => {
    const { logger, records } = capture();
    const write = lineWriter(logger);
    const jwt = `eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.${randomBytes(32).toString('hex')}`; // no "_" anywhere
    write('info', { path: `/p/${jwt}`, quoted: 'say "hi"\\', auth: 'Bearer abc.def', plain: '/oauth/token', status: 200, ip: null }, 'request');
    write('debug', { path: '/healthz' }, 'request');
    flushLogs();
    const [line, debug] = records();
    expect(line).toMatchObject({ level: 'info', pid: process.pid, path: '/p/[redacted]', quoted: 'say "hi"\\', auth: 'Bearer [redacted]', plain: '/oauth/token', status: 200, ip: null, msg: 'request' });
    expect(new Date(line!.time as string).toISOString()).toBe(line!.time);
    expect(Math.abs(Date.parse(line!.time as string) - Date.now())).toBeLessThan(5_000);
    expect(debug).toMatchObject({ level: 'debug', path: '/healthz' });
  });

  it('logs a request body in a Buffer as its length only, and redacts child bindings', () => {
    const password = secret();
    const { logger, text, records } = capture();
    const child = logger.child({ client_secret: password, component: 'token' });
    child.warn({ body: Buffer.from(`password=${password}`) }, 'odd body');
    child.child({ refresh_token: password }).info('grandchild');
    expect(text()).not.toContain(password);
    expect(records()).toMatchObject([
      { client_secret: '[redacted]', component: 'token', body: '[52 bytes]' },
      { client_secret: '[redacted]', component: 'token', refresh_token: '[redacted]', msg: 'grandchild' },
    ]);
  });
});

describe('the logger', () => {
  it('writes JSON lines at the configured level and above only', () => {
    const { logger, records } = capture('warn');
    logger.info('not written');
    logger.warn('written');
    expect(records().map((r) => [r.level, r.msg])).toEqual([['warn', 'written']]);
    expect(typeof records()[0]!.time).toBe('string');
  });

  it("serves as the core's ctx.log: an error with its cause, a plain message as a warning", () => {
    const { logger, records } = capture();
    const log = coreLog(logger);
    log('back-channel logout to client-1 answered 500');
    log('back-channel logout failed', new Error('connect ECONNREFUSED'));
    expect(records()).toMatchObject([
      { level: 'warn', msg: 'back-channel logout to client-1 answered 500' },
      { level: 'error', msg: 'back-channel logout failed', err: { message: 'connect ECONNREFUSED' } },
    ]);
  });

  it('is one per process', () => {
    expect(processLogger('silent')).toBe(processLogger('info'));
  });
});
