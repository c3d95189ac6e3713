/**
 * Review rounds in time. A round is open from when an architect opens it until an architect
 * closes it or its deadline passes: the last day of the deadline is a Norwegian calendar day, so
 * the round closes at the following midnight in Norway. Nothing runs on a timer; whoever reads a
 * round asks `roundState` with the app's clock.
 */

const osloParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The wall-clock date and time in Norway at an instant, as `YYYY-MM-DD HH:MM`. */
function osloWallClock(at: Date): string {
  const parts = Object.fromEntries(osloParts.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** The calendar date in Norway at an instant, `YYYY-MM-DD`. */
export function osloDate(at: Date): string {
  return osloWallClock(at).slice(0, 10);
}

/**
 * The instant a Norwegian calendar day ends (the next day's midnight in Norway). Norway is one or
 * two hours ahead of UTC and never changes clocks at midnight, so one of the two offsets fits.
 */
export function endOfOsloDay(date: string): Date {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const nextDay = next.toISOString().slice(0, 10);
  for (const hours of [1, 2]) {
    const candidate = new Date(next.getTime() - hours * 3_600_000);
    if (osloWallClock(candidate) === `${nextDay} 00:00`) return candidate;
  }
  throw new Error(`Fant ikke midnatt i Norge etter ${date}.`);
}

export interface RoundTimes {
  /** When the deadline passes (ISO). */
  closesAt: string;
  /** When an architect closed the round early (ISO), if one did. */
  closedAt: string | null;
}

export type RoundState = { open: true; closesAt: string } | { open: false; closedAt: string; byDeadline: boolean };

/** Whether a round is open at `now`, and if not, since when and why. */
export function roundState(round: RoundTimes, now: Date): RoundState {
  // An architect can close only an open round, so a closing time is always before the deadline.
  if (round.closedAt !== null) return { open: false, closedAt: round.closedAt, byDeadline: false };
  if (now.toISOString() >= round.closesAt) return { open: false, closedAt: round.closesAt, byDeadline: true };
  return { open: true, closesAt: round.closesAt };
}
