import { describe, expect, it } from 'vitest';
import { endOfOsloDay, osloDate, roundState } from '../../../model/review/rounds.ts';

describe('deadlines in Norwegian time', () => {
  it.each([
    ['2026-12-15', '2026-12-15T23:00:00.000Z'], // winter: UTC+1
    ['2026-06-15', '2026-06-15T22:00:00.000Z'], // summer: UTC+2
    ['2026-03-29', '2026-03-29T22:00:00.000Z'], // clocks went forward that night
    ['2026-10-25', '2026-10-25T23:00:00.000Z'], // clocks went back that night
    ['2026-12-31', '2026-12-31T23:00:00.000Z'],
  ])('%s ends at %s', (date, end) => {
    expect(endOfOsloDay(date).toISOString()).toBe(end);
  });

  it('reads the date in Norway, which is ahead of UTC', () => {
    expect(osloDate(new Date('2026-12-15T22:59:59Z'))).toBe('2026-12-15');
    expect(osloDate(new Date('2026-12-15T23:00:00Z'))).toBe('2026-12-16');
  });
});

describe('whether a round is open', () => {
  const round = { closesAt: '2026-12-15T23:00:00.000Z', closedAt: null };

  it('is open until the deadline passes, then closed by it', () => {
    expect(roundState(round, new Date('2026-12-15T22:59:59.999Z'))).toEqual({ open: true, closesAt: round.closesAt });
    expect(roundState(round, new Date('2026-12-15T23:00:00Z'))).toEqual({ open: false, closedAt: round.closesAt, byDeadline: true });
  });

  it('is closed from when an architect closed it', () => {
    const closed = { ...round, closedAt: '2026-12-01T10:00:00.000Z' };
    expect(roundState(closed, new Date('2026-12-02T00:00:00Z'))).toEqual({ open: false, closedAt: closed.closedAt, byDeadline: false });
  });
});
