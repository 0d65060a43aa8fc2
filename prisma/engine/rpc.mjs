// Line-delimited JSON-RPC 2.0 between the Prisma CLI (client) and this engine
// (server) on stdin/stdout. Requests are handled one at a time, in order. The
// engine can also call the CLI: `print` asks it to write to its stdout, which is
// how `migrate diff` output reaches the terminal.

import { createInterface } from 'node:readline';

/** Maps and other non-JSON values that the wasm bindings may return. */
function toJson(_key, value) {
  if (value instanceof Map) return Object.fromEntries(value);
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/**
 * @param {{ handle: (method: string, params: unknown, peer: { call: (method: string, params: unknown) => Promise<unknown> }) => Promise<unknown>,
 *           onEnd: () => Promise<void> }} options
 *   `handle` resolves with the result or rejects with `{ code, message, data }`.
 */
export function serveJsonRpc({ handle, onEnd }) {
  const pendingCalls = new Map();
  let nextCallId = 1;
  let queue = Promise.resolve();

  const send = (message) => process.stdout.write(`${JSON.stringify(message, toJson)}\n`);

  const peer = {
    call(method, params) {
      const id = `engine-${nextCallId++}`;
      return new Promise((resolve, reject) => {
        pendingCalls.set(id, { resolve, reject });
        send({ jsonrpc: '2.0', id, method, params });
      });
    },
  };

  async function answer(request) {
    try {
      const result = await handle(request.method, request.params, peer);
      if (request.id !== undefined) send({ jsonrpc: '2.0', id: request.id, result: result ?? null });
    } catch (error) {
      if (request.id !== undefined) send({ jsonrpc: '2.0', id: request.id, error });
    }
  }

  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on('line', (line) => {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      send({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } });
      return;
    }
    if (message.method === undefined && pendingCalls.has(message.id)) {
      const call = pendingCalls.get(message.id);
      pendingCalls.delete(message.id);
      if (message.error) call.reject(message.error);
      else call.resolve(message.result);
      return;
    }
    queue = queue.then(() => answer(message));
  });
  lines.on('close', () => {
    queue = queue.then(onEnd);
  });
}
