import { useId, type InputHTMLAttributes, type Ref } from 'react';

export type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  /** Shown under the field and announced with it; also marks the field invalid. */
  error?: string;
  ref?: Ref<HTMLInputElement>;
};

/** A labelled text input with its validation message wired up for assistive technology. */
export function TextField({ label, error, id, className = '', ...props }: TextFieldProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const errorId = `${inputId}-error`;
  return (
    <div className="space-y-1.5">
      <label htmlFor={inputId} className="block text-sm font-medium text-zinc-800">
        {label}
      </label>
      <input
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className={
          // text-base below sm: iOS Safari zooms into inputs whose text is smaller than 16px.
          'block w-full rounded-md border bg-white px-3 py-2 text-base text-zinc-900 shadow-xs sm:text-sm ' +
          'placeholder:text-zinc-500 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-focus ' +
          (error ? 'border-red-600 ' : 'border-zinc-300 ') +
          className
        }
        {...props}
      />
      {error ? (
        <p id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
