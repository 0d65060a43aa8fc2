'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { UNREACHABLE, type ActionResult } from '@/components/portal/action-result';
import { applyFieldErrors } from '@/components/portal/apply-field-errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/input';
import { brandingFormSchema, type Branding, type BrandingInput } from '@/lib/validation/branding';
import { LOGO_ACCEPT } from '@/lib/validation/logo';
import { SAVED, type SaveStatus } from './save-status';

/** Product name, logo (an https address, or an uploaded image) and primary colour, with a preview. */
export function BrandingForm({
  branding,
  logoUploaded,
  save,
  upload,
}: {
  branding: Branding;
  logoUploaded: boolean;
  save: (input: BrandingInput) => Promise<ActionResult>;
  upload: (form: FormData) => Promise<ActionResult<{ logoUrl: string }>>;
}) {
  const router = useRouter();
  const [status, setStatus] = useState<SaveStatus>(null);
  const [uploadError, setUploadError] = useState<string | undefined>();
  const [uploading, setUploading] = useState(false);
  const { register, handleSubmit, setError, setValue, watch, formState } = useForm<z.input<typeof brandingFormSchema>, unknown, z.output<typeof brandingFormSchema>>({
    resolver: zodResolver(brandingFormSchema),
    defaultValues: { productName: branding.productName, logoUrl: branding.logoUrl ?? '', primaryColor: branding.primaryColor },
  });
  const color = watch('primaryColor');
  const preview = /^#[0-9a-fA-F]{6}$/.test(color) ? color : branding.primaryColor;
  const logo = watch('logoUrl');
  const logoSrc = typeof logo === 'string' && logo.trim() ? logo.trim() : null;

  const onSubmit = handleSubmit(async (values) => {
    setStatus(null);
    const result = await save(values).catch(() => UNREACHABLE);
    if (result.ok) {
      setStatus(SAVED);
      return router.refresh();
    }
    const unplaced = applyFieldErrors(result.fieldErrors, setError, ['productName', 'logoUrl', 'primaryColor']);
    if (unplaced.length || !result.fieldErrors) setStatus({ tone: 'error', text: [result.error, ...unplaced].join(' ') });
  });

  async function onFile(event: React.ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setUploadError(undefined);
    setUploading(true);
    const form = new FormData();
    form.set('logo', file);
    const result = await upload(form).catch(() => UNREACHABLE);
    setUploading(false);
    event.target.value = '';
    if (!result.ok) return setUploadError(result.fieldErrors?.logo ?? result.error);
    setValue('logoUrl', result.data.logoUrl);
    setStatus({ tone: 'success', text: 'Logo uploaded and in use.' });
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}
      <div className="grid gap-4 md:grid-cols-2">
        <TextField label="Product name" autoComplete="off" error={formState.errors.productName?.message} {...register('productName')} />
        <div className="space-y-1.5">
          <TextField
            label="Primary colour"
            hint="#rrggbb, dark enough for white text on it."
            autoComplete="off"
            spellCheck={false}
            error={formState.errors.primaryColor?.message}
            {...register('primaryColor')}
          />
        </div>
        <TextField
          label="Logo address"
          hint={logoUploaded ? 'The uploaded image is in use. Enter an https address instead, or clear it for no logo.' : 'https://…, or upload an image. Empty: no logo.'}
          autoComplete="off"
          spellCheck={false}
          error={formState.errors.logoUrl?.message}
          {...register('logoUrl')}
        />
        <TextField
          label="Upload a logo"
          hint="PNG, JPEG or WebP, at most 256 KB. Used at once."
          type="file"
          accept={LOGO_ACCEPT}
          onChange={onFile}
          disabled={uploading}
          error={uploadError}
        />
      </div>
      <div aria-label="Preview" role="group" className="rounded-lg border border-zinc-200 bg-zinc-50 p-4">
        <p className="mb-2 text-xs font-medium tracking-wide text-zinc-600 uppercase">Preview</p>
        <div className="flex min-w-0 items-center gap-3">
          {logoSrc ? <img src={logoSrc} alt="" width={28} height={28} className="size-7 shrink-0 rounded-md object-contain" /> : null}
          <span className="min-w-0 font-semibold wrap-break-word" style={{ color: preview }}>
            {watch('productName') || branding.productName}
          </span>
          <span className="ml-auto shrink-0 rounded-md px-3 py-1.5 text-sm font-semibold text-white" style={{ backgroundColor: preview }}>
            Continue
          </span>
        </div>
      </div>
      <Button type="submit" size="sm" fullWidth={false} disabled={formState.isSubmitting} aria-busy={formState.isSubmitting}>
        Save branding
      </Button>
    </form>
  );
}
