/** Only web pages are linked or loaded: anything else in client metadata is not shown. */
export function webUrl(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The app's logo (when it set one) and "<App> wants to access your Portico account". */
export function AppRequestHeading({ appName, logoUri }: { appName: string; logoUri: string | null }) {
  const logo = webUrl(logoUri);
  return (
    <>
      {logo ? (
        // A third-party URL from client metadata: a plain <img> with a fixed size, so nothing shifts.
        <img src={logo} alt={`${appName} logo`} width={48} height={48} className="size-12 rounded-lg border border-zinc-200 bg-white object-contain" />
      ) : null}
      <h1 className="text-xl font-semibold tracking-tight text-balance wrap-anywhere">{appName} wants to access your Portico account</h1>
    </>
  );
}
