/** Without JavaScript a server action answers by re-rendering the page: offer the link to follow. */
export function NoScriptContinue({ href }: { href: string | undefined }) {
  if (!href) return null;
  return (
    <noscript>
      <a href={href} className="block text-center text-sm font-medium text-zinc-900 underline">
        Continue
      </a>
    </noscript>
  );
}
