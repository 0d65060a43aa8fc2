/** What a form says when a per-IP limit refuses it: what happened and how long to wait. */
export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many attempts from your network. Wait ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} and try again.`;
}
