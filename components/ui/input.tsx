import { useId, type InputHTMLAttributes, type Ref } from 'react';
import { describedBy, FieldError, FieldHint, fieldControlClass } from './field';

export type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  /** A short explanation under the label, announced with the field. */
  hint?: string;
  /** Shown under the field and announced with it; also marks the field invalid. */
  error?: string;
  ref?: Ref<HTMLInputElement>;
};

/** A labelled text input with its validation message wired up for assistive technology. */
export function TextField({ label, hint, error, id, className = '', ...props }: TextFieldProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  return (
    <div className="space-y-1.5">
      <label htmlFor={inputId} className="block text-sm font-medium text-zinc-800">
        {label}
      </label>
      <FieldHint id={inputId} hint={hint} />
      <input
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(inputId, hint, error)}
        className={`${fieldControlClass(Boolean(error))} ${className}`}
        {...props}
      />
      <FieldError id={inputId} error={error} />
    </div>
  );
}
