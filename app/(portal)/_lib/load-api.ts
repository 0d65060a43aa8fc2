/**
 * One API for the API pages: the layout and the tab page of one request share a single lookup
 * (React cache). Unknown, another team's, or operator-managed (the use case answers all alike): 404.
 */
import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getApiResource, NotFoundError } from '@/lib/portal';
import { requirePortalUser } from './session';

export const loadApi = cache(async (resourceId: string) => {
  const context = await requirePortalUser(`/developers/apis/${encodeURIComponent(resourceId)}`);
  try {
    const api = await getApiResource(context.db, context.actor, resourceId);
    return { ...context, api };
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
});
