import { readFileSync } from 'node:fs';
import { municipalitySchema, type Municipality } from '../model/schemas.ts';

const csvFile = new URL('./kommuner-2024.csv', import.meta.url);

/**
 * Norway's 357 municipalities (2024 borders) with population on 1 January 2024, from Statistics
 * Norway via the public repository aprestmo/norway-geodata (MIT licence). The file has no quoted
 * fields; each row is validated.
 */
export function readMunicipalities(): Municipality[] {
  const [header, ...rows] = readFileSync(csvFile, 'utf8').trim().split(/\r?\n/);
  if (header !== 'kommunenummer,kommune,fylkesnummer,fylke,innbyggere_2024_01_01') {
    throw new Error(`Uventet kolonneoverskrift i kommuner-2024.csv: ${header}`);
  }
  return rows.map((row, i) => {
    const [number, name, countyNumber, countyName, population] = row.split(',');
    const parsed = municipalitySchema.safeParse({ number, name, countyNumber, countyName, population: Number(population) });
    if (!parsed.success) throw new Error(`kommuner-2024.csv linje ${i + 2}: ${parsed.error.issues[0]?.message}`);
    return parsed.data;
  });
}
