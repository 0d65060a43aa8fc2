/** Stops the server started by e2e/global-setup.ts and deletes its temporary database directory. */
import { STATE_ENV } from './support/state.ts';
import type { E2EHandles } from './global-setup.ts';

export default async function globalTeardown(): Promise<void> {
  const handles: E2EHandles | undefined = globalThis.porticoE2E;
  globalThis.porticoE2E = undefined;
  await handles?.server?.stop();
  await handles?.database?.drop();
  delete process.env[STATE_ENV];
}
