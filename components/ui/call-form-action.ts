import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';

/** What the forms' server actions answer: success, or a message for one field or for the whole form. */
export type FormActionResult<F extends string> = { ok: true } | { ok: false; error: string; field?: F };

const UNREACHABLE = "We couldn't reach Portico. Check your connection and try again.";

/**
 * Calls a form's server action and puts a failure where the user will see it: on the field it
 * names (focused), otherwise through `formError`. Answers the action's success, or null.
 */
export async function callFormAction<V extends FieldValues, F extends Path<V>, S extends { ok: true } = { ok: true }>(
  action: () => Promise<S | Extract<FormActionResult<F>, { ok: false }>>,
  setError: UseFormSetError<V>,
  formError: (message: string) => void,
): Promise<S | null> {
  const result = await action().catch((): Extract<FormActionResult<F>, { ok: false }> => ({ ok: false, error: UNREACHABLE }));
  if (result.ok) return result;
  if (result.field) setError(result.field, { message: result.error }, { shouldFocus: true });
  else formError(result.error);
  return null;
}
