import { Card } from '@/components/ui/card';
import { TextLink } from '@/components/ui/text-link';
import type { DeviceCodeProblem } from '@/lib/oidc/device-authorizations';

/** What went wrong with a user code, and what to do next (RFC 8628 §3.3: the device shows a new code). */
export const DEVICE_CODE_MESSAGES: Record<DeviceCodeProblem, string> = {
  unknown: 'That code is not valid. Check the code your device shows and enter it again.',
  expired: 'This code has expired. Start again on your device to get a new code.',
  used: 'This code has already been used. If your device is still waiting, start again on it to get a new code.',
};

const TITLES: Record<Exclude<DeviceCodeProblem, 'unknown'>, string> = {
  expired: 'This code has expired',
  used: 'This code has already been used',
};

/** A code that matched a request that can no longer be decided. */
export function DeviceCodeProblemCard({ problem }: { problem: Exclude<DeviceCodeProblem, 'unknown'> }) {
  return (
    <Card className="space-y-3" data-testid={`device-code-${problem}`}>
      <h1 className="text-xl font-semibold">{TITLES[problem]}</h1>
      <p className="text-sm text-zinc-700">{DEVICE_CODE_MESSAGES[problem]}</p>
      <p className="text-sm">
        <TextLink href="/device">Enter another code</TextLink>
      </p>
    </Card>
  );
}
