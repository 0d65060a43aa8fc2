/** "1 minute", "15 minutes": how long to wait, rounded up to whole minutes. */
export function waitWords(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}

/** What a form says when a per-IP limit refuses it: what happened and how long to wait. */
export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  return `Too many attempts from your network. Wait ${waitWords(retryAfterSeconds)} and try again.`;
}
