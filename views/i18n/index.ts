import { tryGetContext } from 'hono/context-storage';
import { IntlMessageFormat } from 'intl-messageformat';
import { catalogues, defaultLanguage, isLanguage, languages, type Catalogue, type LanguageInfo } from './catalogues.ts';
import type { MessageKey } from './keys.ts';

export { defaultLanguage, isLanguage, languages, type LanguageInfo, type MessageKey };

/** Values a message may use: numbers for plurals and numbers, strings for select and text. */
export type MessageValues = Record<string, string | number | Date>;

/**
 * What a view needs to speak the request's language: messages with plural and gender rules,
 * numbers, percentages and dates in the language's form, and an element's name in it.
 *
 * In a view: `const { t } = useI18n();` then `t('layout.signIn')` or
 * `t('common.count.comments', { count })`. Never build a sentence by joining translated pieces:
 * put the whole sentence, with its plural and select branches, in the catalogue.
 */
export interface I18n {
  language: LanguageInfo;
  /** The message for `key` with `values` filled in. */
  t(key: MessageKey, values?: MessageValues): string;
  /**
   * A message with markup: each `<tag>…</tag>` in the message is rendered by the function of the
   * same name in `parts`, e.g. `tx('layout.footer.text', { source: (text) => <a href="/kilde">{text}</a> })`.
   */
  tx<T>(key: MessageKey, parts: Record<string, string | number | ((chunks: Array<string | T>) => T)>): Array<string | T>;
  /** A number: "5 550 203" (bokmål), "5,550,203" (English). */
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** A share (0–1) as a percentage, always rounded to one decimal: "12,9 %", "12.9%". */
  percent(share: number): string;
  /** A calendar date (YYYY-MM-DD): "15. mars 2027", "15 March 2027". */
  date(date: string): string;
  /** An instant in Norwegian time: "15. mars 2027 kl. 13:05", "15 March 2027 at 13:05". */
  dateTime(at: string | Date): string;
  /** An instant to the second, short date (for logs and exports). */
  logTime(at: string | Date): string;
  /** The time of day in Norwegian time: "13:05". */
  clock(at: Date): string;
  /** Items joined as the language lists them: "a, b og c", "a, b and c". */
  list(items: string[]): string;
  /** An element's name in this language: its English name in English where it has one. */
  name(element: { name: string; nameEn?: string | null }): string;
}

/** Every date and time the app shows is in Norway's time, whatever the viewer's language. */
export const osloTimeZone = 'Europe/Oslo';

type MessageElement = ReturnType<IntlMessageFormat['getAst']>[number];

/** The arguments a message formats as dates (`{date, date, long}`), in any of its branches. */
function dateArguments(elements: MessageElement[], names = new Set<string>()): Set<string> {
  for (const element of elements) {
    if ('options' in element) for (const option of Object.values(element.options)) dateArguments(option.value, names);
    else if ('children' in element) dateArguments(element.children, names);
    else if (element.type === 3 /* TYPE.date */) names.add(element.value);
  }
  return names;
}

/** A calendar date (YYYY-MM-DD) given to a date argument, read at UTC midnight, as `date()` reads it. */
const calendarDate = /^\d{4}-\d{2}-\d{2}$/;

/** A date argument's styles write the calendar date in UTC, so no zone shifts it (as `date()`). */
const dateStyles = { date: Object.fromEntries(['short', 'medium', 'long', 'full'].map((style) => [style, { timeZone: 'UTC' }])) };

function build(catalogue: Catalogue): I18n {
  const { language } = catalogue;
  const fallback = catalogues.get(defaultLanguage)!;
  const compiled = new Map<string, IntlMessageFormat>();
  const formatOf = (key: string): IntlMessageFormat => {
    let format = compiled.get(key);
    if (!format) {
      // A key missing here (caught by the catalogue test) shows the default language, not nothing.
      const text = catalogue.messages.get(key) ?? fallback.messages.get(key) ?? key;
      format = new IntlMessageFormat(text, language.locale, dateStyles);
      compiled.set(key, format);
    }
    return format;
  };
  const dateNames = new Map<string, Set<string>>();
  /** A message's values with each calendar date that a date argument formats made a `Date`: a refusal can name `{date, date, long}` as the model's YYYY-MM-DD. */
  const valuesFor = <V,>(key: string, values: Record<string, V> | undefined): Record<string, V | Date> | undefined => {
    if (!values) return values;
    let names = dateNames.get(key);
    if (!names) dateNames.set(key, (names = dateArguments(formatOf(key).getAst())));
    if (names.size === 0) return values;
    const dated: Record<string, V | Date> = { ...values };
    for (const name of names) {
      const value = values[name];
      if (typeof value === 'string' && calendarDate.test(value)) dated[name] = new Date(`${value}T00:00:00Z`);
    }
    return dated;
  };
  const numberFormats = new Map<string, Intl.NumberFormat>();
  const numberFormat = (options: Intl.NumberFormatOptions = {}) => {
    const id = JSON.stringify(options);
    let format = numberFormats.get(id);
    if (!format) numberFormats.set(id, (format = new Intl.NumberFormat(language.locale, options)));
    return format;
  };
  const percentFormat = new Intl.NumberFormat(language.locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  // A calendar date has no time of day: read and written at UTC midnight so no zone can shift it.
  const dateFormat = new Intl.DateTimeFormat(language.locale, { timeZone: 'UTC', dateStyle: 'long' });
  const dateTimeFormat = new Intl.DateTimeFormat(language.locale, { timeZone: osloTimeZone, dateStyle: 'long', timeStyle: 'short' });
  const logTimeFormat = new Intl.DateTimeFormat(language.locale, { timeZone: osloTimeZone, dateStyle: 'short', timeStyle: 'medium' });
  const clockFormat = new Intl.DateTimeFormat(language.locale, { timeZone: osloTimeZone, hour: '2-digit', minute: '2-digit' });
  const listFormat = new Intl.ListFormat(language.locale, { type: 'conjunction' });
  const english = language.code === 'en';
  return {
    language,
    t: (key, values) => String(formatOf(key).format(valuesFor(key, values))),
    tx: <T,>(key: MessageKey, parts: Record<string, string | number | ((chunks: Array<string | T>) => T)>) => {
      const result = formatOf(key).format<T>(valuesFor(key, parts) as Record<string, string | number | T>);
      return Array.isArray(result) ? result : [result];
    },
    number: (value, options) => numberFormat(options).format(value),
    percent: (share) => percentFormat.format(share),
    date: (date) => dateFormat.format(new Date(`${date}T00:00:00Z`)),
    dateTime: (at) => dateTimeFormat.format(typeof at === 'string' ? new Date(at) : at),
    logTime: (at) => logTimeFormat.format(typeof at === 'string' ? new Date(at) : at),
    clock: (at) => clockFormat.format(at),
    list: (items) => listFormat.format(items),
    name: (element) => (english && element.nameEn ? element.nameEn : element.name),
  };
}

const built = new Map<string, I18n>([...catalogues.entries()].map(([code, catalogue]) => [code, build(catalogue)]));

/** The interface in one language (the default for a code there is no catalogue for). */
export function i18nFor(code: string | null | undefined): I18n {
  return built.get(isLanguage(code) ? code : defaultLanguage)!;
}

/**
 * The language to use: the signed-in user's saved choice, else the one chosen on this browser
 * (cookie), else the best match in Accept-Language, else bokmål. "no" and "nn" count as bokmål
 * until there is a Nynorsk catalogue; "en-US" matches "en".
 */
export function chooseLanguage(saved: string | null | undefined, chosen: string | null | undefined, acceptLanguage: string | null | undefined): string {
  if (isLanguage(saved)) return saved;
  if (isLanguage(chosen)) return chosen;
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? '1');
      return { tag: tag.trim().toLowerCase(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((w) => w.tag && w.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of wanted) {
    const primary = tag.split('-')[0]!;
    if (isLanguage(tag)) return tag;
    if (isLanguage(primary)) return primary;
    if ((primary === 'no' || primary === 'nn') && isLanguage(defaultLanguage)) return defaultLanguage;
  }
  return defaultLanguage;
}

declare module 'hono' {
  interface ContextVariableMap {
    /** The interface language of this request, set by the language middleware. */
    i18n: I18n;
  }
}

/**
 * The request's language in any view or helper, without passing it down through every component:
 * the language middleware sets it on the request, which `contextStorage` makes reachable here.
 * Outside a request (a unit test rendering a component) it is bokmål.
 */
export function useI18n(): I18n {
  // `get`, not `var`: Hono's `var` copies every variable of the request into a new object on each
  // read, and a page with a table asks here once per cell (a dashboard page: over a thousand times).
  return (tryGetContext()?.get('i18n') as I18n | undefined) ?? i18nFor(defaultLanguage);
}
