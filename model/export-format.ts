/**
 * How exports meant for people write times and numbers: the time as a clock in Norway shows it
 * ("2026-11-26 13:00:00", which spreadsheets read as a date and time), numbers with the decimal
 * separator of the viewer's language ("12,9" in bokmål, which Norwegian spreadsheets read as a
 * number), and shares rounded to one decimal as the pages round them. Where a machine needs the
 * exact instant, the export keeps the raw ISO value in a column of its own.
 */
export interface ExportFormat {
  /** An instant as Norwegian local time, "YYYY-MM-DD HH:MM:SS"; empty for none. */
  localTime(iso: string | null | undefined): string;
  /** A number with `digits` decimals and the language's decimal separator, without grouping. */
  decimal(value: number, digits: number): string;
  /** `part` of `whole` as a percentage with one decimal, rounded as the pages round it ("12,9"). */
  percent(part: number, whole: number): string;
}

/** The time zone every export's local times are in, whatever the server's. */
export const exportTimeZone = 'Europe/Oslo';

// Swedish writes dates and times in ISO order, which makes it the standard way to get
// "YYYY-MM-DD HH:MM:SS" out of Intl in a chosen time zone.
const localTimeFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: exportTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

export function exportFormat(locale: string): ExportFormat {
  const formats = new Map<number, Intl.NumberFormat>();
  const decimal = (value: number, digits: number) => {
    let format = formats.get(digits);
    if (!format) formats.set(digits, (format = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false })));
    // A minus sign as a spreadsheet reads it, not the typographic one some locales use.
    return format.format(value).replace('\u2212', '-');
  };
  return {
    localTime: (iso) => (iso ? localTimeFormat.format(new Date(iso)) : ''),
    decimal,
    percent: (part, whole) => decimal(whole === 0 ? 0 : (part / whole) * 100, 1),
  };
}
