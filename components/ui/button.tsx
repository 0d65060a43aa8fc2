import type { ButtonHTMLAttributes } from 'react';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';
type Size = 'md' | 'sm';

const base =
  'inline-flex items-center justify-center gap-2 rounded-md font-semibold transition-colors ' +
  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus ' +
  'disabled:cursor-not-allowed disabled:opacity-60';

const sizes: Record<Size, string> = {
  md: 'px-4 py-2.5 text-sm',
  sm: 'px-3 py-1.5 text-sm',
};

const variants: Record<Variant, string> = {
  primary: 'bg-zinc-900 text-white hover:bg-zinc-700 disabled:hover:bg-zinc-900',
  secondary:
    'border border-zinc-300 bg-white text-zinc-900 hover:bg-zinc-100 disabled:hover:bg-white',
  danger: 'bg-red-700 text-white hover:bg-red-800 disabled:hover:bg-red-700',
  ghost: 'text-zinc-800 hover:bg-zinc-100 disabled:hover:bg-transparent',
};

type ButtonStyle = { variant?: Variant; size?: Size; /** Stretch to the container (the default, as on the sign-in screens). */ fullWidth?: boolean };

/** The button look, for links that act as buttons (e.g. "Create app"). */
export function buttonClass({ variant = 'primary', size = 'md', fullWidth = true }: ButtonStyle = {}): string {
  return `${base} ${sizes[size]} ${variants[variant]} ${fullWidth ? 'w-full' : 'w-auto'}`;
}

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & ButtonStyle;

export function Button({ variant, size, fullWidth, className = '', type = 'button', ...props }: ButtonProps) {
  return <button type={type} className={`${buttonClass({ variant, size, fullWidth })} ${className}`} {...props} />;
}
