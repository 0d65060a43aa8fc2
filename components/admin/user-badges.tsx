import { Badge } from '@/components/ui/badge';
import type { AdminUserSummary } from '@/lib/admin/types';

/** What stands out about an account: disabled, operator, two-step verification, unconfirmed email. */
export function UserBadges({ user }: { user: Pick<AdminUserSummary, 'disabledAt' | 'isAdmin' | 'twoFactor' | 'emailVerified'> }) {
  return (
    <span className="flex flex-wrap gap-1.5">
      {user.disabledAt ? <Badge tone="red">Disabled</Badge> : <Badge tone="green">Active</Badge>}
      {user.isAdmin ? <Badge tone="violet">Operator</Badge> : null}
      {user.twoFactor ? <Badge tone="blue">2-step</Badge> : null}
      {user.emailVerified ? null : <Badge tone="amber">Unconfirmed</Badge>}
    </span>
  );
}
