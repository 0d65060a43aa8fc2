import Link from 'next/link';
import type { ComponentProps } from 'react';

export const textLinkClass =
  'font-medium text-zinc-900 underline decoration-zinc-400 underline-offset-2 hover:decoration-zinc-900 ' +
  'focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus';

export function TextLink({ className = '', ...props }: ComponentProps<typeof Link>) {
  return <Link className={`${textLinkClass} ${className}`} {...props} />;
}
