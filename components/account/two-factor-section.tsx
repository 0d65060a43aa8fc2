import 'server-only';
import { confirmTotpEnrolmentAction, disableTwoFactorAction, regenerateRecoveryCodesAction, startTotpEnrolmentAction } from '@/app/(account)/account/security/two-factor-actions';
import { getTwoFactorStatus } from '@/lib/account/two-factor';
import { getRuntime } from '@/lib/server/runtime';
import { shownDate } from './format-date';
import { TwoFactorPanel } from './two-factor-panel';

/** The two-step verification section of /account/security: status, set-up, recovery codes, turn off. */
export async function TwoFactorSection({ userId }: { userId: string }) {
  const status = await getTwoFactorStatus((await getRuntime()).db, userId);
  return (
    <section aria-labelledby="two-factor" className="max-w-md space-y-4 rounded-xl border border-zinc-200 bg-white p-6 shadow-sm">
      <h2 id="two-factor" className="text-lg font-semibold">
        Two-step verification
      </h2>
      <TwoFactorPanel
        status={{ enabled: status.enabled, enabledAt: shownDate(status.enabledAt), recoveryCodesLeft: status.recoveryCodesLeft }}
        actions={{
          start: startTotpEnrolmentAction,
          confirm: confirmTotpEnrolmentAction,
          regenerate: regenerateRecoveryCodesAction,
          disable: disableTwoFactorAction,
        }}
      />
    </section>
  );
}
