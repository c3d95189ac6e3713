import { describe, expect, it } from 'vitest';
import { DateText, DateTimeText, formatClock, formatDate, formatDateTime, LogTimeText } from '../../views/components/dates.tsx';

describe('dates as the app writes them', () => {
  it('writes a calendar date the same in every time zone', () => {
    expect(formatDate('2027-03-15')).toBe('15. mars 2027');
    expect(formatDate('2026-12-31')).toBe('31. desember 2026');
  });

  it('writes an instant in Norwegian time, summer and winter', () => {
    expect(formatDateTime('2026-06-30T22:30:00Z')).toBe('1. juli 2026 kl. 00:30');
    expect(formatDateTime('2026-12-31T23:30:00Z')).toBe('1. januar 2027 kl. 00:30');
    expect(formatClock(new Date('2026-11-26T12:05:00Z'))).toBe('13:05');
  });

  it('marks dates up as <time> with the machine-readable value, and a dash when there is none', () => {
    expect(String(<DateText date="2027-03-15" />)).toBe('<time datetime="2027-03-15">15. mars 2027</time>');
    expect(String(<DateTimeText at="2026-11-26T12:05:00Z" />)).toBe('<time datetime="2026-11-26T12:05:00Z">26. november 2026 kl. 13:05</time>');
    expect(String(<LogTimeText at="2026-11-26T12:05:07Z" />)).toBe('<time datetime="2026-11-26T12:05:07Z">26.11.2026, 13:05:07</time>');
    expect(String(<DateTimeText at={null} />)).toContain('–');
    expect(String(<DateText date={null} />)).toContain('–');
  });
});
