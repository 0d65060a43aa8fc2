'use server';

import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/components/portal/action-result';
import { getClient, updateClient, type UpdatedClient } from '@/lib/portal';
import { deleteClientLogo, saveClientLogo } from '@/lib/portal/client-logo';
import { ForbiddenError, parseInput } from '@/lib/portal/errors';
import { updateClientSchemaFor, type UpdateClientInput } from '@/lib/validation/client-update';
import { detectLogoType, logoProblem } from '@/lib/validation/logo';
import { failure } from '../../../_lib/failure';
import { actionContext } from '../../../_lib/session';

const appPath = (clientId: string) => `/developers/apps/${encodeURIComponent(clientId)}`;

/**
 * Saves the Settings tab: validated against the app's type and stored values with the same schema
 * as the form. A secret a new authentication method needed is in the result once.
 */
export async function saveSettings(clientId: string, patch: UpdateClientInput): Promise<ActionResult<UpdatedClient>> {
  try {
    const { db, actor, config } = await actionContext();
    const app = await getClient(db, actor, String(clientId));
    parseInput(updateClientSchemaFor(app.type, app), patch);
    const updated = await updateClient(db, actor, app.id, patch, config.secret, { allowedHosts: config.outboundAllowedHosts });
    revalidatePath(appPath(app.id), 'layout');
    return { ok: true, data: updated };
  } catch (err) {
    return failure(err);
  }
}

/**
 * Stores an uploaded logo (PNG, JPEG or WebP by its bytes, at most 256 KB) and points the app's
 * logoUri at it. The role is checked before anything is written.
 */
export async function uploadLogo(clientId: string, form: FormData): Promise<ActionResult<{ logoUri: string }>> {
  try {
    const { db, actor, config } = await actionContext();
    const app = await getClient(db, actor, String(clientId));
    if (app.role === 'viewer') throw new ForbiddenError('Only owners and developers can change the logo; your role is viewer.');
    const file = form.get('logo');
    if (!(file instanceof File)) return { ok: false, error: 'Choose an image file to upload.' };
    const sizeProblem = logoProblem(file, null);
    if (sizeProblem) return { ok: false, error: sizeProblem };
    const bytes = new Uint8Array(await file.arrayBuffer());
    const problem = logoProblem({ size: bytes.length }, bytes);
    if (problem || !detectLogoType(bytes)) return { ok: false, error: problem ?? 'Logos must be PNG, JPEG or WebP images.' };
    const logoUri = await saveClientLogo(db, config.issuer, app.id, bytes);
    await updateClient(db, actor, app.id, { logoUri });
    revalidatePath(appPath(app.id), 'layout');
    return { ok: true, data: { logoUri } };
  } catch (err) {
    return failure(err);
  }
}

export async function removeLogo(clientId: string): Promise<ActionResult> {
  try {
    const { db, actor } = await actionContext();
    const app = await updateClient(db, actor, String(clientId), { logoUri: null });
    await deleteClientLogo(db, app.id);
    revalidatePath(appPath(app.id), 'layout');
    return { ok: true, data: null };
  } catch (err) {
    return failure(err);
  }
}
