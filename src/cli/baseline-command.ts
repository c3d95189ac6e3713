import { baselineInputSchema } from '../../model/baselines.ts';
import { freezeBaselineAsOperator } from '../commands/baselines.ts';
import { listBaselines } from '../db/queries/baselines.ts';
import { i18nFor } from '../../views/i18n/index.ts';
import type { Db } from '../db/index.ts';

export const baselineUsage = 'Bruk: npm run baseline -- create NAVN [--description TEKST] | npm run baseline -- list';

/**
 * `npm run baseline -- create NAME` freezes the model (for freezes on a schedule) and prints the
 * new baseline's id; `list` prints every baseline, one a line: id, frozen at, by, name.
 */
export async function runBaselineCommand(
  args: string[],
  io: { db: Db; now: () => Date; out: (line: string) => void; err: (line: string) => void },
): Promise<number> {
  const [command, ...rest] = args;
  if (command === 'list' && rest.length === 0) {
    for (const b of await listBaselines(io.db)) {
      io.out(`${b.id}\t${b.createdAt}\t${b.createdByName}\t${b.elementCount} elementer\t${b.requirementCount} krav\t${b.name}`);
    }
    return 0;
  }
  if (command === 'create') {
    const descriptionAt = rest.indexOf('--description');
    const description = descriptionAt >= 0 ? (rest[descriptionAt + 1] ?? '') : '';
    const words = descriptionAt >= 0 ? rest.slice(0, descriptionAt) : rest;
    const parsed = baselineInputSchema.safeParse({ name: words.join(' '), description });
    if (!parsed.success) {
      io.err(parsed.error.issues.map((i) => i.message).join(' '));
      return 2;
    }
    const result = await freezeBaselineAsOperator(io.db, io.now(), parsed.data);
    if (!result.ok) {
      io.err(i18nFor('nb').t('baselines.error.taken', { name: result.name }));
      return 1;
    }
    io.out(String(result.id));
    return 0;
  }
  io.err(baselineUsage);
  return 2;
}
