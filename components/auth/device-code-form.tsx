import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/input';

/**
 * The code the device shows (RFC 8628 §3.3), typed in by the user. A plain GET form back to
 * /device?user_code=…, the same URL as verification_uri_complete, so it works without JavaScript.
 * Case, spaces and the dash do not matter (lib/oidc/user-code.ts).
 */
export function DeviceCodeForm({ defaultCode, error, notice }: { defaultCode?: string; error?: string; notice?: string }) {
  return (
    <form method="get" action="/device" className="space-y-5">
      {notice ? <Alert tone="error">{notice}</Alert> : null}
      <TextField
        label="Code"
        name="user_code"
        hint="The 8-letter code your device shows, such as BCDF-GHJK."
        defaultValue={defaultCode}
        error={error}
        placeholder="XXXX-XXXX"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={64}
        required
        autoFocus
        className="font-mono text-lg tracking-widest uppercase"
      />
      <Button type="submit">Continue</Button>
    </form>
  );
}
