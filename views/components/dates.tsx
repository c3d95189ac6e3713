import { useI18n } from '../i18n/index.ts';

/**
 * Dates and times as the whole app writes them, in Norwegian time: "15. mars 2027" for a
 * calendar date and "15. mars 2027 kl. 13:05" for an instant. The audit log alone adds seconds.
 * The formatters are made once: a large page formats thousands of them.
 */
const osloTimeZone = 'Europe/Oslo';
// A calendar date has no time of day: read and written at UTC midnight so no zone can shift it.
const dateFormat = new Intl.DateTimeFormat('nb-NO', { timeZone: 'UTC', dateStyle: 'long' });
const dateTimeFormat = new Intl.DateTimeFormat('nb-NO', { timeZone: osloTimeZone, dateStyle: 'long', timeStyle: 'short' });
const clockFormat = new Intl.DateTimeFormat('nb-NO', { timeZone: osloTimeZone, hour: '2-digit', minute: '2-digit' });

/** A calendar date (YYYY-MM-DD): 15. mars 2027. */
export function formatDate(date: string): string {
  return dateFormat.format(new Date(`${date}T00:00:00Z`));
}

/** An instant: 15. mars 2027 kl. 13:05. */
export function formatDateTime(at: string | Date): string {
  return dateTimeFormat.format(typeof at === 'string' ? new Date(at) : at);
}

/** The time of day, as a saved-at line shows it: 13:05. */
export function formatClock(at: Date): string {
  return clockFormat.format(at);
}

const missing = <span class="muted">–</span>;

/** A calendar date in a `<time>` element, in the request's language, or a dash when there is none. */
export function DateText({ date }: { date: string | null }) {
  if (!date) return missing;
  return <time datetime={date}>{useI18n().date(date)}</time>;
}

/** An instant in a `<time>` element, or a dash when there is none. */
export function DateTimeText({ at }: { at: string | null }) {
  if (!at) return missing;
  const parsed = new Date(at);
  if (Number.isNaN(parsed.getTime())) return <span>{at}</span>;
  return <time datetime={at}>{useI18n().dateTime(parsed)}</time>;
}

/** An instant to the second, for the audit log where order within a minute matters. */
export function LogTimeText({ at }: { at: string | null }) {
  if (!at) return missing;
  const parsed = new Date(at);
  if (Number.isNaN(parsed.getTime())) return <span>{at}</span>;
  return <time datetime={at}>{useI18n().logTime(parsed)}</time>;
}
