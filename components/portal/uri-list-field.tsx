'use client';

import { useId, useRef, useState } from 'react';
import { useController, type Control, type FieldErrors, type FieldValues, type Path, type UseFormSetValue, type UseFormTrigger } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { describedBy, errorId, FieldError, fieldControlClass, hintId } from '@/components/ui/field';

type Props<T extends FieldValues> = {
  control: Control<T>;
  setValue: UseFormSetValue<T>;
  trigger: UseFormTrigger<T>;
  /** A form field holding a string[]. */
  name: Path<T>;
  label: string;
  /** Singular, for buttons and row labels: "redirect URI". */
  itemLabel: string;
  hint?: string;
  placeholder?: string;
  disabled?: boolean;
  /** Whether the list may be emptied from the UI (post-logout URIs may; the form's schema decides anyway). */
  allowEmpty?: boolean;
};

type ListErrors = { message?: string; root?: { message?: string }; [index: number]: { message?: string } | undefined };

/**
 * An editable list of URIs. Each row is checked as it is typed by the form's resolver (the shared
 * zod schema, so the browser and the server apply the same registration rules) and its error
 * sits under the row, linked to the input. Adding a row does not validate the new, empty row.
 */
export function UriListField<T extends FieldValues>({ control, setValue, trigger, name, label, itemLabel, hint, placeholder, disabled, allowEmpty = true }: Props<T>) {
  const { field, formState } = useController({ control, name });
  const values = (field.value as string[] | undefined) ?? [];
  const errors = (formState.errors as FieldErrors<FieldValues>)[name] as ListErrors | undefined;
  const listError = errors?.message ?? errors?.root?.message;
  const groupId = useId();
  const nextKey = useRef(values.length);
  const [keys, setKeys] = useState(() => values.map((_, i) => i));
  const inputs = useRef<(HTMLInputElement | null)[]>([]);

  // Keep row keys in step when the form is reset from outside (e.g. after saving).
  if (keys.length !== values.length) {
    const fresh = values.map(() => nextKey.current++);
    setKeys(fresh);
  }

  const update = (next: string[]) => setValue(name, next as T[Path<T>], { shouldDirty: true, shouldValidate: false });

  function add() {
    setKeys([...keys, nextKey.current++]);
    update([...values, '']);
    requestAnimationFrame(() => inputs.current[values.length]?.focus());
  }

  function remove(index: number) {
    setKeys(keys.filter((_, i) => i !== index));
    update(values.filter((_, i) => i !== index));
    if (errors) void trigger(name);
    requestAnimationFrame(() => (inputs.current[Math.min(index, values.length - 2)] ?? null)?.focus());
  }

  return (
    <fieldset className="space-y-2" aria-describedby={describedBy(groupId, hint, listError)} disabled={disabled}>
      <legend className="text-sm font-medium text-zinc-800">{label}</legend>
      {hint ? (
        <p id={hintId(groupId)} className="text-sm text-zinc-600">
          {hint}
        </p>
      ) : null}
      {values.length ? (
        <ul className="space-y-2">
          {values.map((value, index) => {
            const rowId = `${groupId}-${keys[index] ?? index}`;
            const error = errors?.[index]?.message;
            return (
              <li key={keys[index] ?? index} className="space-y-1">
                <div className="flex items-start gap-2">
                  <input
                    ref={(el) => {
                      inputs.current[index] = el;
                    }}
                    id={rowId}
                    type="url"
                    inputMode="url"
                    autoCapitalize="none"
                    autoCorrect="off"
                    spellCheck={false}
                    aria-label={`${label}, ${index + 1} of ${values.length}`}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? errorId(rowId) : undefined}
                    placeholder={placeholder}
                    value={value}
                    onChange={(event) => field.onChange(values.map((v, i) => (i === index ? event.target.value : v)))}
                    onBlur={field.onBlur}
                    className={`${fieldControlClass(Boolean(error))} font-mono`}
                  />
                  {allowEmpty || values.length > 1 ? (
                    <Button
                      variant="ghost"
                      size="sm"
                      fullWidth={false}
                      className="mt-0.5 shrink-0"
                      aria-label={`Remove ${itemLabel} ${index + 1}${value ? ` (${value})` : ''}`}
                      onClick={() => remove(index)}
                    >
                      <svg viewBox="0 0 20 20" fill="currentColor" className="size-4" aria-hidden="true">
                        <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
                      </svg>
                      <span className="sr-only sm:not-sr-only">Remove</span>
                    </Button>
                  ) : null}
                </div>
                <FieldError id={rowId} error={error} />
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="rounded-md border border-dashed border-zinc-300 px-3 py-2 text-sm text-zinc-600">None yet.</p>
      )}
      <FieldError id={groupId} error={listError} />
      <Button variant="secondary" size="sm" fullWidth={false} onClick={add}>
        <svg viewBox="0 0 20 20" fill="currentColor" className="size-4" aria-hidden="true">
          <path d="M10.75 4.75a.75.75 0 0 0-1.5 0v4.5h-4.5a.75.75 0 0 0 0 1.5h4.5v4.5a.75.75 0 0 0 1.5 0v-4.5h4.5a.75.75 0 0 0 0-1.5h-4.5v-4.5Z" />
        </svg>
        Add {itemLabel}
      </Button>
    </fieldset>
  );
}
