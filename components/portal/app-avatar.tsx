/** The app's logo, or its initial on a neutral tile when it has none. */
export function AppAvatar({ name, logoUri, size = 'md' }: { name: string; logoUri: string | null; size?: 'md' | 'lg' }) {
  const box = size === 'lg' ? 'size-14 text-xl' : 'size-10 text-base';
  if (logoUri) {
    return <img src={logoUri} alt="" className={`${box} shrink-0 rounded-lg border border-zinc-200 bg-white object-contain`} />;
  }
  return (
    <span aria-hidden="true" className={`${box} inline-flex shrink-0 items-center justify-center rounded-lg bg-zinc-900 font-semibold text-white`}>
      {(name.trim()[0] ?? '?').toUpperCase()}
    </span>
  );
}
