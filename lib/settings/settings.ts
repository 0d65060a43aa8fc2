/**
 * Operator settings: what each key holds, its rule (zod) and its default. Stored in "Setting" as
 * JSON, one row per key; a missing or damaged row falls back to the default from the environment.
 */
import { z } from 'zod';
import type { OperatorSettings } from '../oidc/ports.ts';
import { brandingSchema } from '../validation/branding.ts';
import { LOGO_MAX_BYTES, LOGO_TYPES } from '../validation/logo.ts';

/** Who may create an account at /signup: anyone, only people with a pending team invitation, or nobody. */
export const SIGN_UP_POLICIES = ['open', 'invite_only', 'closed'] as const;
export type SignUpPolicy = (typeof SIGN_UP_POLICIES)[number];

export const settingSchemas = {
  // RFC 8707 §2: a resource is an absolute URI without a fragment.
  default_resource: z.string().url().refine((v) => !v.includes('#'), 'must not contain a fragment').nullable(),
  registration: z.object({
    mode: z.enum(['off', 'open', 'initial_access_token']),
    openClientTtlDays: z.number().int().min(1).max(3650),
  }),
  sign_up: z.enum(SIGN_UP_POLICIES),
  branding: brandingSchema,
  // An uploaded logo (lib/settings/branding.ts), base64, served at /branding/logo.
  branding_logo: z.object({
    type: z.enum(LOGO_TYPES),
    base64: z.string().max(Math.ceil(LOGO_MAX_BYTES / 3) * 4),
    version: z.string().regex(/^[\w-]{1,64}$/),
  }),
} as const;

export type SettingKey = keyof typeof settingSchemas;
export type SettingValue<K extends SettingKey> = z.infer<(typeof settingSchemas)[K]>;

export function parseSettings(stored: Partial<Record<SettingKey, string>>, defaults: OperatorSettings): OperatorSettings {
  const read = <K extends SettingKey>(key: K): SettingValue<K> | undefined => {
    const raw = stored[key];
    if (raw === undefined) return undefined;
    try {
      const parsed = settingSchemas[key].safeParse(JSON.parse(raw));
      return parsed.success ? (parsed.data as SettingValue<K>) : undefined;
    } catch {
      return undefined;
    }
  };
  const defaultResource = read('default_resource');
  return {
    defaultResource: defaultResource === undefined ? defaults.defaultResource : defaultResource,
    registration: read('registration') ?? defaults.registration,
  };
}
