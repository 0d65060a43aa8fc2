'use server';

import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/components/portal/action-result';
import { setBranding, setRegistrationPolicyAsOperator, setSignUpPolicy, uploadBrandingLogo } from '@/lib/admin';
import { parseInput, ValidationError } from '@/lib/portal/errors';
import { brandingFormSchema, type BrandingInput } from '@/lib/validation/branding';
import { LOGO_MAX_BYTES } from '@/lib/validation/logo';
import { registrationPolicySchema, signUpPolicySchema, type RegistrationPolicyInput } from '@/lib/validation/operator-settings';
import { failure } from '../_lib/failure';
import { operatorAction } from '../_lib/operator';

/** Branding shows on every sign-in page and in every title: refresh them all. */
const refreshAll = () => revalidatePath('/', 'layout');

export async function setSignUpPolicyAction(input: { policy: string }): Promise<ActionResult> {
  try {
    const { db, actor } = await operatorAction();
    await setSignUpPolicy(db, actor, parseInput(signUpPolicySchema, input).policy);
    revalidatePath('/admin/settings');
    return { ok: true, data: null };
  } catch (err) {
    return failure(err);
  }
}

export async function setRegistrationAction(input: RegistrationPolicyInput): Promise<ActionResult> {
  try {
    const { db, actor } = await operatorAction();
    await setRegistrationPolicyAsOperator(db, actor, parseInput(registrationPolicySchema, input));
    revalidatePath('/admin/settings');
    return { ok: true, data: null };
  } catch (err) {
    return failure(err);
  }
}

export async function setBrandingAction(input: BrandingInput): Promise<ActionResult> {
  try {
    const { db, actor } = await operatorAction();
    await setBranding(db, actor, parseInput(brandingFormSchema, input));
    refreshAll();
    return { ok: true, data: null };
  } catch (err) {
    return failure(err);
  }
}

/** The logo file from the form (field "logo"): checked by its bytes in the use case. */
export async function uploadLogoAction(form: FormData): Promise<ActionResult<{ logoUrl: string }>> {
  try {
    const file = form.get('logo');
    if (!(file instanceof File) || file.size === 0) throw ValidationError.of('logo', 'Choose an image file to upload.');
    if (file.size > LOGO_MAX_BYTES) throw ValidationError.of('logo', `The logo is ${Math.ceil(file.size / 1024)} KB: logos are at most 256 KB. Export a smaller PNG, JPEG or WebP.`);
    const { db, actor } = await operatorAction();
    const branding = await uploadBrandingLogo(db, actor, new Uint8Array(await file.arrayBuffer()));
    refreshAll();
    return { ok: true, data: { logoUrl: branding.logoUrl ?? '' } };
  } catch (err) {
    return failure(err);
  }
}
