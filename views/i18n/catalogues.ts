import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The catalogues, read once at start from the folders beside this file: one folder per language
 * (`nb`, `en`; a `nn` folder would add Nynorsk without a code change), each with a
 * `language.json` saying what the language is called and how Intl names it, and one JSON file of
 * ICU MessageFormat messages per area of the interface.
 */
export interface LanguageInfo {
  /** The folder name and the value the language switch and the saved preference use. */
  code: string;
  /** The language's name in itself ("Norsk bokmål", "English"). */
  name: string;
  /** The locale for Intl (plural rules, numbers, dates): "nb-NO", "en-GB". */
  locale: string;
  /** The value of `<html lang>`: "nb", "en". */
  htmlLang: string;
}

export interface Catalogue {
  language: LanguageInfo;
  /** Message text by full key (`area.key`). */
  messages: Map<string, string>;
}

/** The language every page falls back to, and the catalogue every other one is checked against. */
export const defaultLanguage = 'nb';

const folder = fileURLToPath(new URL('.', import.meta.url));

function readCatalogue(code: string): Catalogue {
  const dir = join(folder, code);
  const info = JSON.parse(readFileSync(join(dir, 'language.json'), 'utf8')) as Omit<LanguageInfo, 'code'>;
  const messages = new Map<string, string>();
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.json') || file === 'language.json') continue;
    const area = file.slice(0, -'.json'.length);
    const entries = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, string>;
    for (const [key, text] of Object.entries(entries)) messages.set(`${area}.${key}`, text);
  }
  return { language: { code, ...info }, messages };
}

function readAll(): Map<string, Catalogue> {
  const codes = readdirSync(folder)
    .filter((name) => statSync(join(folder, name)).isDirectory())
    .sort((a, b) => (a === defaultLanguage ? -1 : b === defaultLanguage ? 1 : a.localeCompare(b)));
  return new Map(codes.map((code) => [code, readCatalogue(code)]));
}

export const catalogues: ReadonlyMap<string, Catalogue> = readAll();

/** Every language there is a catalogue for, the default first. */
export const languages: LanguageInfo[] = [...catalogues.values()].map((c) => c.language);

export function isLanguage(code: string | null | undefined): code is string {
  return typeof code === 'string' && catalogues.has(code);
}
