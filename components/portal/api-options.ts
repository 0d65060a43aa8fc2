/** Choices the API forms share: token formats and access token lifetimes. */
import { formatDuration } from './format';
import { ACCESS_TTL_PRESETS } from './settings-values';

export const TOKEN_FORMAT_OPTIONS = [
  { value: 'jwt', label: 'JWT (RFC 9068): the API checks the signature itself' },
  { value: 'opaque', label: 'Opaque: the API asks Portico (introspection)' },
];

/** The presets plus the current value, shortest first. */
export const ttlOptions = (current: number) =>
  [...new Set([...ACCESS_TTL_PRESETS, current])].sort((a, b) => a - b).map((s) => ({ value: String(s), label: formatDuration(s) }));
