/**
 * Dates on the account pages: "5 minutes ago" for the eye, the exact time (UTC, so server and
 * browser agree) for the tooltip and machine-readable attribute. Formatted on the server.
 */
const absoluteFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const relativeFormat = new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' });

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

export function absoluteDate(date: Date): string {
  return `${absoluteFormat.format(date)} UTC`;
}

export function relativeDate(date: Date, now: Date = new Date()): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  if (Math.abs(seconds) < 60) return 'just now';
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relativeFormat.format(Math.trunc(seconds / size), unit);
  }
  return 'just now';
}

/** What a client component needs to show a date without formatting it itself. */
export type ShownDate = { iso: string; relative: string; absolute: string };

export function shownDate(date: Date | null, now: Date = new Date()): ShownDate | null {
  return date ? { iso: date.toISOString(), relative: relativeDate(date, now), absolute: absoluteDate(date) } : null;
}
