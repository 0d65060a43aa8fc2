// Log lines on stderr in the shape the Prisma CLI reads from the native engine:
// one JSON object per line with `level`, `fields.message` and, for user-facing
// errors, `fields.error_code`. The CLI keeps the last ERROR line as the reason
// it shows when the engine exits non-zero.

export class EngineError extends Error {
  /**
   * @param {string | undefined} code Prisma error code such as P1001, if there is one.
   * @param {string} message What went wrong, for the person running the CLI.
   * @param {Record<string, unknown>} [meta]
   */
  constructor(code, message, meta = {}) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
    this.meta = meta;
  }
}

/** @param {'INFO' | 'WARN' | 'ERROR'} level */
export function logLine(level, message, extraFields = {}) {
  const line = {
    timestamp: new Date().toISOString(),
    level,
    fields: { message, ...extraFields },
    target: 'schema_engine::logger',
  };
  process.stderr.write(`${JSON.stringify(line)}\n`);
}

/** Forwards a log line produced by the wasm engine (already JSON) to stderr. */
export function forwardEngineLog(line) {
  const text = String(line).trim();
  if (text) process.stderr.write(`${text}\n`);
}

/** The error code and message of anything thrown by the wasm engine, an adapter or this shim. */
export function describeError(error) {
  if (error && typeof error === 'object') {
    const code = typeof error.code === 'string' && /^P\d{4}$/.test(error.code) ? error.code : undefined;
    const message = typeof error.message === 'string' && error.message ? error.message : String(error);
    const meta = error.meta && typeof error.meta === 'object' ? error.meta : {};
    return { code, message: message.trimEnd(), meta };
  }
  return { code: undefined, message: String(error), meta: {} };
}
