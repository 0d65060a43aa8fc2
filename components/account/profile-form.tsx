'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { callFormAction } from '@/components/ui/call-form-action';
import { TextField } from '@/components/ui/input';
import { TextAreaField } from '@/components/ui/textarea';
import { profileSchema, type ProfileField, type ProfileInput, type ProfileValues } from '@/lib/validation/profile';

export type SaveProfileResult = { ok: true } | { ok: false; error: string; field?: ProfileField };
type Action = (input: ProfileInput) => Promise<SaveProfileResult>;

const COMMON_LOCALES = ['en', 'en-US', 'en-GB', 'de-DE', 'es-ES', 'fr-FR', 'it-IT', 'ja-JP', 'nl-NL', 'pl-PL', 'pt-BR', 'pt-PT', 'sv-SE', 'zh-CN'];

/** The form's text boxes for saved values: an unset claim is an empty box. */
const asInput = (values: ProfileValues): Record<ProfileField, string> =>
  Object.fromEntries(Object.entries(values).map(([field, value]) => [field, value ?? ''])) as Record<ProfileField, string>;

/** A titled group of fields with the consent that releases them ("Shared with apps you allow to see …"). */
function Group({ title, sharedWith, children }: { title: string; sharedWith: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="space-y-4 rounded-xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-6">
      <div className="space-y-0.5">
        <h2 id={id} className="text-base font-semibold text-zinc-900">
          {title}
        </h2>
        <p className="text-sm text-zinc-600">Shared with apps you allow to see {sharedWith}.</p>
      </div>
      {children}
    </section>
  );
}

/**
 * The OpenID Connect standard claims an end user may fill in. Every field is optional; an empty
 * box removes the claim. The rules (https-only URLs, birthdate, time zone, language tag, phone
 * format) are lib/validation/profile.ts, checked here before sending and again by the server.
 */
export function ProfileForm({ action, profile, timeZones }: { action: Action; profile: ProfileValues; timeZones: readonly string[] }) {
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [hydrated, setHydrated] = useState(false);
  const defaults = asInput(profile);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<ProfileInput, unknown, ProfileValues>({ resolver: zodResolver(profileSchema), defaultValues: defaults });
  useEffect(() => setHydrated(true), []);

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    const saved = await callFormAction(() => action(asInput(values)), setError, (text) => setMessage({ tone: 'error', text }));
    if (!saved) return;
    // What was stored (trimmed, canonical time zone and language) becomes the form's new baseline.
    reset(asInput(values));
    setMessage({ tone: 'success', text: 'Profile saved. Apps see the changes the next time they sign you in or ask for your profile.' });
  });

  const field = (name: ProfileField) => ({ error: errors[name]?.message, ...register(name) });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-6" aria-label="Profile">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}

      <Group title="Name" sharedWith="your profile">
        <TextField label="Full name" autoComplete="name" {...field('name')} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Given name" autoComplete="given-name" {...field('givenName')} />
          <TextField label="Family name" autoComplete="family-name" {...field('familyName')} />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Nickname" autoComplete="nickname" {...field('nickname')} />
          <TextField label="Preferred username" autoComplete="username" autoCapitalize="none" spellCheck={false} hint="No spaces." {...field('preferredUsername')} />
        </div>
      </Group>

      <Group title="About you" sharedWith="your profile">
        <TextField label="Picture" type="url" inputMode="url" placeholder="https://example.com/me.jpg" hint="The https address of a photo or avatar." {...field('picture')} />
        <TextField label="Website" type="url" inputMode="url" autoComplete="url" placeholder="https://example.com" {...field('website')} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Gender" list="profile-genders" autoComplete="sex" hint="female, male, or your own words." {...field('gender')} />
          <TextField label="Birthdate" inputMode="numeric" autoComplete="bday" placeholder="YYYY-MM-DD" hint="YYYY-MM-DD, or just the year." {...field('birthdate')} />
        </div>
        <datalist id="profile-genders">
          <option value="female" />
          <option value="male" />
        </datalist>
      </Group>

      <Group title="Language and time zone" sharedWith="your profile">
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Language" list="profile-locales" autoCapitalize="none" spellCheck={false} placeholder="en-GB" hint="A language tag, like en-GB or pt-BR." {...field('locale')} />
          <TextField label="Time zone" list="profile-time-zones" autoCapitalize="none" spellCheck={false} placeholder="Europe/London" hint="Like Europe/Paris or America/New_York." {...field('zoneinfo')} />
        </div>
        <datalist id="profile-locales">
          {COMMON_LOCALES.map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
        <datalist id="profile-time-zones">
          {timeZones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      </Group>

      <Group title="Phone and address" sharedWith="your phone number or your address (each asked for separately)">
        <TextField label="Phone number" type="tel" autoComplete="tel" placeholder="+44 20 7946 0958" hint="International format: + and the country code." {...field('phoneNumber')} />
        <TextAreaField label="Address" autoComplete="street-address" rows={3} hint="As you would write it on an envelope." {...field('address')} />
      </Group>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" fullWidth={false} disabled={!hydrated || isSubmitting} aria-busy={isSubmitting}>
          Save profile
        </Button>
        {isDirty ? <span className="text-sm text-zinc-600">You have unsaved changes.</span> : null}
      </div>
    </form>
  );
}
