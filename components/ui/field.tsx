/**
 * The plumbing every labelled form control shares: hint and error paragraphs with ids derived
 * from the control's id, linked to it with aria-describedby, and one look for text controls.
 */
export const hintId = (id: string) => `${id}-hint`;
export const errorId = (id: string) => `${id}-error`;

export function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? hintId(id) : null, error ? errorId(id) : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** text-base below sm: iOS Safari zooms into inputs whose text is smaller than 16px. */
export function fieldControlClass(invalid: boolean): string {
  return (
    'block w-full rounded-md border bg-white px-3 py-2 text-base text-zinc-900 shadow-xs sm:text-sm ' +
    'placeholder:text-zinc-500 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-focus ' +
    'disabled:bg-zinc-100 disabled:text-zinc-600 ' +
    (invalid ? 'border-red-600' : 'border-zinc-300')
  );
}

export function FieldHint({ id, hint }: { id: string; hint?: string }) {
  if (!hint) return null;
  return (
    <p id={hintId(id)} className="text-sm text-zinc-600">
      {hint}
    </p>
  );
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={errorId(id)} className="text-sm text-red-700">
      {error}
    </p>
  );
}
