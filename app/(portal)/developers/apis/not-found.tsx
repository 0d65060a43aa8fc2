import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';

/** Unknown APIs, other teams' APIs and operator-managed ones (the use cases answer all alike). */
export default function ApiNotFound() {
  return (
    <div className="mx-auto max-w-xl rounded-xl border border-zinc-200 bg-white p-6 shadow-sm sm:p-8">
      <h1 className="text-xl font-semibold tracking-tight">Not found</h1>
      <p className="mt-2 text-sm text-zinc-700">
        There is no API here, or you do not have access to it. It may have been deleted, or you may have been removed from its team.
      </p>
      <div className="mt-6">
        <Link href="/developers/apis" className={buttonClass({ fullWidth: false })}>
          Back to your APIs
        </Link>
      </div>
    </div>
  );
}
