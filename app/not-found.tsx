import { PorticoMark } from '@/components/auth/portico-mark';
import { Card } from '@/components/ui/card';
import { TextLink } from '@/components/ui/text-link';

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-screen w-full max-w-md flex-col justify-center gap-6 px-4 py-10">
      <div className="flex justify-center">
        <PorticoMark />
      </div>
      <Card className="space-y-3">
        <h1 className="text-2xl font-semibold tracking-tight">Page not found</h1>
        <p className="text-sm text-zinc-700">
          There is nothing at this address. Check the link, or go back to the application you came from.
        </p>
        <p className="text-sm">
          <TextLink href="/">Go to the Portico home page</TextLink>
        </p>
      </Card>
    </main>
  );
}
