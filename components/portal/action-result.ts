/** What every portal server action answers (see app/(portal)/_lib/failure.ts). */
export type ActionFailure = { ok: false; error: string; fieldErrors?: Record<string, string> };
export type ActionResult<T = null> = { ok: true; data: T } | ActionFailure;

export const UNREACHABLE: ActionFailure = { ok: false, error: "We couldn't reach Portico. Check your connection and try again." };
