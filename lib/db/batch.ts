/**
 * Group commit: work submitted while the previous call is still running is executed as one
 * database call once it returns (and work arriving at an idle moment waits only for the end of
 * its event-loop turn). Under load the batches grow by themselves: one statement for many
 * requests instead of a statement (and a socket write) each. Each caller's promise settles only
 * after its batch has run, so a token is never handed out before it is durably stored (see
 * ARCHITECTURE.md, "The hot path").
 */
export function batched<In, Out>(run: (items: In[]) => Promise<Out[]>, maxBatch = 500): (item: In) => Promise<Out> {
  const queue: { item: In; resolve: (o: Out) => void; reject: (e: unknown) => void }[] = [];
  let scheduled = false;
  let running = false;

  async function flush() {
    scheduled = false;
    running = true;
    const batch = queue.splice(0, maxBatch);
    try {
      const results = await run(batch.map((e) => e.item));
      batch.forEach((e, j) => e.resolve(results[j]!));
    } catch (err) {
      batch.forEach((e) => e.reject(err));
    } finally {
      running = false;
      if (queue.length) schedule();
    }
  }

  function schedule() {
    if (scheduled || running) return;
    scheduled = true;
    setImmediate(flush);
  }

  return (item: In) =>
    new Promise<Out>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      schedule();
    });
}

/** Batched lookup by unique key: one `findMany({ where: { key: { in } } })` per event-loop turn. */
export function batchedLookup<K, R>(load: (keys: K[]) => Promise<R[]>, keyOf: (row: R) => K): (key: K) => Promise<R | null> {
  return batched<K, R | null>(async (keys) => {
    const rows = await load([...new Set(keys)]);
    const byKey = new Map(rows.map((r) => [keyOf(r), r]));
    return keys.map((k) => byKey.get(k) ?? null);
  });
}

/**
 * Batched single-use claims: `claim(keys, at)` marks the still-unclaimed keys as used in one
 * conditional statement and returns those it marked. A key claimed twice within one batch is won
 * by its first claimant only, so exactly one caller ever sees `true` for a key.
 */
export function batchedClaim(claim: (keys: string[], at: Date) => Promise<string[]>): (item: { key: string; at: Date }) => Promise<boolean> {
  return batched<{ key: string; at: Date }, boolean>(async (items) => {
    const won = new Set(await claim([...new Set(items.map((i) => i.key))], items[0]!.at));
    return items.map((i) => won.delete(i.key));
  });
}
