import type { Branding } from '@/lib/settings/branding';

/**
 * The operator's branding above the sign-in and consent headings (lib/settings/branding.ts): a bar
 * in the primary colour, the logo if there is one, and the product name. Nothing when the
 * branding is Portico's own (the Portico mark above the card already says it).
 */
export function BrandHeader({ branding }: { branding: Branding }) {
  const isDefault = branding.productName === 'Portico' && !branding.logoUrl && branding.primaryColor === '#18181b';
  if (isDefault) return null;
  return (
    <div className="space-y-3" data-testid="brand-header">
      <div aria-hidden="true" className="h-1 w-12 rounded-full" style={{ backgroundColor: branding.primaryColor }} />
      <p className="flex min-w-0 items-center gap-2 text-sm font-semibold" style={{ color: branding.primaryColor }}>
        {branding.logoUrl ? (
          // An operator-chosen https URL or the uploaded /branding/logo: a plain <img> with a fixed size.
          <img src={branding.logoUrl} alt="" width={28} height={28} className="size-7 shrink-0 rounded-md object-contain" />
        ) : null}
        <span className="min-w-0 wrap-break-word">{branding.productName}</span>
      </p>
    </div>
  );
}
