import { Card } from '@/components/ui/card';

/** Shown when an authorization request is unknown, already finished or timed out. */
export function RequestExpired() {
  return (
    <Card>
      <h1 className="text-xl font-semibold">This request has expired</h1>
      <p className="mt-3 text-sm text-zinc-700">
        This request has expired or is invalid. Return to the application and try again.
      </p>
    </Card>
  );
}
