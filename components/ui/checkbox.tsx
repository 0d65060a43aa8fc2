import { useId, type InputHTMLAttributes, type Ref } from 'react';
import { describedBy, FieldError, hintId } from './field';

export type CheckboxFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & {
  label: string;
  hint?: string;
  error?: string;
  ref?: Ref<HTMLInputElement>;
};

/** A checkbox with its label beside it and an optional explanation underneath. */
export function CheckboxField({ label, hint, error, id, className = '', ...props }: CheckboxFieldProps) {
  const generatedId = useId();
  const boxId = id ?? generatedId;
  return (
    <div className={`flex items-start gap-3 ${className}`}>
      <input
        id={boxId}
        type="checkbox"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(boxId, hint, error)}
        className="mt-0.5 size-4 shrink-0 rounded border-zinc-400 accent-zinc-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus"
        {...props}
      />
      <div className="min-w-0 space-y-0.5">
        <label htmlFor={boxId} className="block text-sm font-medium text-zinc-900">
          {label}
        </label>
        {hint ? (
          <p id={hintId(boxId)} className="text-sm text-zinc-600">
            {hint}
          </p>
        ) : null}
        <FieldError id={boxId} error={error} />
      </div>
    </div>
  );
}
