import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';

/**
 * Puts the server's field errors (keys like "name" or "redirectUris.1", the use case's paths) on
 * the form's fields; answers the errors no field shows, for a banner.
 */
export function applyFieldErrors<T extends FieldValues>(
  fieldErrors: Record<string, string> | undefined,
  setError: UseFormSetError<T>,
  known: readonly string[],
): string[] {
  const unplaced: string[] = [];
  let focused = false;
  for (const [key, message] of Object.entries(fieldErrors ?? {})) {
    if (!known.includes(key.split('.')[0] ?? '')) {
      unplaced.push(message);
      continue;
    }
    setError(key as Path<T>, { type: 'server', message }, { shouldFocus: !focused });
    focused = true;
  }
  return unplaced;
}
