import { Badge } from '@/components/ui/badge';
import type { ClientKind } from '@/lib/oidc/redirect-uri';
import { appKind, TYPE_BADGE_TONE } from './app-kinds';

export function AppTypeBadge({ type }: { type: ClientKind }) {
  return <Badge tone={TYPE_BADGE_TONE[type]}>{appKind(type).short}</Badge>;
}
