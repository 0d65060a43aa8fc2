/**
 * One app for the app pages: the layout and the tab page of one request share a single lookup
 * (React cache). Unknown, or not visible to this user (the use case answers the same), is a 404.
 */
import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getClient, NotFoundError } from '@/lib/portal';
import { requirePortalUser } from './session';

export const loadApp = cache(async (clientId: string) => {
  const context = await requirePortalUser(`/developers/apps/${encodeURIComponent(clientId)}`);
  try {
    const app = await getClient(context.db, context.actor, clientId);
    return { ...context, app };
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
});
