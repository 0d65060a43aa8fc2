import { useId, type Ref, type SelectHTMLAttributes } from 'react';
import { describedBy, FieldError, FieldHint, fieldControlClass } from './field';

export type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  hint?: string;
  error?: string;
  options: readonly { value: string; label: string }[];
  ref?: Ref<HTMLSelectElement>;
};

/** A labelled native select: keyboard and screen-reader behaviour come from the platform. */
export function SelectField({ label, hint, error, options, id, className = '', ...props }: SelectFieldProps) {
  const generatedId = useId();
  const selectId = id ?? generatedId;
  return (
    <div className="space-y-1.5">
      <label htmlFor={selectId} className="block text-sm font-medium text-zinc-800">
        {label}
      </label>
      <FieldHint id={selectId} hint={hint} />
      <select
        id={selectId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(selectId, hint, error)}
        className={`${fieldControlClass(Boolean(error))} pr-8 ${className}`}
        {...props}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError id={selectId} error={error} />
    </div>
  );
}
