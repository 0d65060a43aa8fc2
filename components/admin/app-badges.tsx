import { Badge } from '@/components/ui/badge';
import type { AdminAppSummary } from '@/lib/admin/types';

/** An app's state at a glance: verified, disabled, limited to assigned users. */
export function AppBadges({ app }: { app: Pick<AdminAppSummary, 'verified' | 'disabled' | 'accessPolicy'> }) {
  return (
    <span className="flex flex-wrap gap-1.5">
      {app.disabled ? <Badge tone="red">Disabled</Badge> : null}
      {app.verified ? <Badge tone="green">Verified</Badge> : <Badge>Unverified</Badge>}
      {app.accessPolicy === 'assigned' ? <Badge tone="amber">Assigned only</Badge> : null}
    </span>
  );
}
