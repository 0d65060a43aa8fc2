import { useId, type Ref, type TextareaHTMLAttributes } from 'react';
import { describedBy, FieldError, FieldHint, fieldControlClass } from './field';

export type TextAreaFieldProps = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  label: string;
  hint?: string;
  error?: string;
  ref?: Ref<HTMLTextAreaElement>;
};

export function TextAreaField({ label, hint, error, id, className = '', rows = 3, ...props }: TextAreaFieldProps) {
  const generatedId = useId();
  const areaId = id ?? generatedId;
  return (
    <div className="space-y-1.5">
      <label htmlFor={areaId} className="block text-sm font-medium text-zinc-800">
        {label}
      </label>
      <FieldHint id={areaId} hint={hint} />
      <textarea
        id={areaId}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(areaId, hint, error)}
        className={`${fieldControlClass(Boolean(error))} ${className}`}
        {...props}
      />
      <FieldError id={areaId} error={error} />
    </div>
  );
}
