/** Builds the web app if its sources changed since the last build (used by `npm test`). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfNeeded } from './build-if-needed.ts';

buildIfNeeded(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'));
