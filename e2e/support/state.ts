/**
 * What e2e/global-setup.ts hands to the specs: written as JSON into the run's temporary
 * directory, whose path travels in PORTICO_E2E_STATE (workers inherit the runner's environment).
 */
import { readFileSync } from 'node:fs';

export const STATE_ENV = 'PORTICO_E2E_STATE';

/** Seeded clients (all web apps) and the names the consent screen shows for them. */
export const CLIENT_NAMES = {
  flow: 'Acme Notes',
  remember: 'Pinecone Photos',
  deny: 'Ledger Lite',
  misc: 'Trailhead Maps',
  keyboard: 'Quill Journal',
  screens: 'Northwind Travel',
  account: 'Harbor Calendar',
  twoStep: 'Beacon Bank',
  csp: 'Lantern Docs',
  endUser: 'Saltmarsh Recipes',
} as const;
export type ClientKey = keyof typeof CLIENT_NAMES;

export type E2EClient = { id: string; secret: string; name: string };

export type E2EState = {
  issuer: string;
  dataDir: string;
  /** The run's temporary SQLite database, for specs that set up what an operator would (APIs, settings). */
  databaseUrl: string;
  /** The relying party served by the specs listens here; every client registers its callback. */
  rp: { port: number; origin: string; redirectUri: string };
  user: { id: string; email: string; password: string };
  /** One client per test, so a consent remembered by one test never changes another's screen. */
  clients: Record<ClientKey, E2EClient>;
};

export function readState(): E2EState {
  const file = process.env[STATE_ENV];
  if (!file) throw new Error(`${STATE_ENV} is not set: run the browser tests with \`npx playwright test\` (its global setup starts the server).`);
  return JSON.parse(readFileSync(file, 'utf8')) as E2EState;
}
