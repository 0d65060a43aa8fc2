/**
 * Structured logs: pino, one JSON object per line on stdout (flushLogs() on shutdown),
 * at PORTICO_LOG_LEVEL. Every logged object, child binding and message goes through redact.ts,
 * so no secret is written whatever a caller passes. The core's `ctx.log` is `coreLog`.
 */
import os from 'node:os';
import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import type { Config } from '../config.ts';
import { redact, redactString } from './redact.ts';

export type { Logger };
export type LogLevel = Config['logLevel'];

const asObject = (value: unknown) => redact(value) as Record<string, unknown>;

/** A logger writing to `destination` (stdout when omitted). */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }), bindings: asObject, log: asObject },
    // formatters.log has already turned errors into redacted plain objects.
    serializers: { err: (err: unknown) => err },
    hooks: {
      logMethod(args, method) {
        const safe = args.map((a: unknown) => (typeof a === 'string' ? redactString(a) : a));
        method.apply(this, safe as Parameters<typeof method>);
      },
    },
  };
  const logger = destination ? pino(options, destination) : pino(options);
  // pino applies formatters.bindings to the root only; children inherit this `child` instead.
  const pinoChild = logger.child;
  logger.child = function (this: Logger, bindings, childOptions) {
    return pinoChild.call(this, asObject(bindings), childOptions);
  } as Logger['child'];
  return logger;
}

const KEY = Symbol.for('portico.logger');
type Holder = { [KEY]?: Logger };

/** The process's logger: the Node server and the Next.js bundle load this module separately but share one. */
export function processLogger(level: LogLevel): Logger {
  const holder = globalThis as Holder;
  holder[KEY] ??= createLogger(level);
  return holder[KEY];
}

/** Line writers holding lines not yet written (see lineWriter). */
const pendingWriters = new Set<() => void>();

/** Writes out whatever the process's logger still buffers (call before exiting). */
export function flushLogs(): void {
  for (const flush of pendingWriters) flush();
  (globalThis as Holder)[KEY]?.flush();
}

/** The protocol core's `ctx.log(message, err?)` (lib/oidc/context.ts) on a logger. */
export function coreLog(logger: Logger): (message: string, err?: unknown) => void {
  return (message, err) => (err === undefined ? logger.warn(message) : logger.error({ err }, message));
}

export type LineValue = string | number | boolean | null;

/**
 * A string with nothing to escape and nothing secret-shaped in it (an id, a path, a label, an
 * address): no "_" (prefixed secrets), no whitespace (Bearer/Basic credentials), no JWT.
 */
const isPlain = (value: string) => PLAIN_CHARACTERS.test(value) && !value.includes('eyJ');
const PLAIN_CHARACTERS = /^[A-Za-z0-9.:/-]{0,200}$/;

/** Request lines wait at most this long, or until this much is pending, to go out in one write. */
const LINE_FLUSH_MS = 20;
const LINE_FLUSH_BYTES = 32 * 1024;

/**
 * A writer for the one line every request logs, in exactly the shape `logger` writes (level
 * label, ISO time, pid, hostname, fields, msg) but built in one pass: pino's per-call machinery
 * and the generic redaction walk cost more than the protocol work of an introspection. Strings
 * still go through redactString unless they are plainly harmless (isPlain); callers pass flat
 * fields only, with keys that need no escaping. Lines go out together, every
 * LINE_FLUSH_MS or LINE_FLUSH_BYTES (a write per line was a tenth of an introspection's time);
 * flushLogs() writes what is pending.
 */
export function lineWriter(logger: Logger): (level: 'debug' | 'info' | 'warn', fields: Record<string, LineValue>, msg: string) => void {
  const stream = (logger as unknown as Record<symbol, DestinationStream>)[pino.symbols.streamSym]!;
  const head = `,"pid":${process.pid},"hostname":${JSON.stringify(os.hostname())}`;
  let pending = '';
  const flush = () => {
    if (!pending) return;
    pendingWriters.delete(flush);
    const lines = pending;
    pending = '';
    stream.write(lines);
  };
  let second = -1;
  let secondIso = '';
  /** ISO time, its seconds prefix reused within a second. */
  const isoTime = () => {
    const now = Date.now();
    if (Math.floor(now / 1000) !== second) {
      second = Math.floor(now / 1000);
      secondIso = new Date(second * 1000).toISOString().slice(0, 20); // "…T12:34:56."
    }
    return `${secondIso}${String(now % 1000).padStart(3, '0')}Z`;
  };
  return (level, fields, msg) => {
    if (!logger.isLevelEnabled(level)) return;
    let line = `{"level":"${level}","time":"${isoTime()}"${head}`;
    for (const key in fields) {
      const value = fields[key]!;
      line += `,"${key}":${typeof value !== 'string' ? JSON.stringify(value) : isPlain(value) ? `"${value}"` : JSON.stringify(redactString(value))}`;
    }
    if (!pending) {
      pendingWriters.add(flush);
      setTimeout(flush, LINE_FLUSH_MS).unref();
    }
    pending += `${line},"msg":${JSON.stringify(redactString(msg))}}\n`;
    if (pending.length >= LINE_FLUSH_BYTES) flush();
  };
}
