import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { elementKinds } from '../../model/kinds.ts';
import { catalogues } from '../../views/i18n/catalogues.ts';

/**
 * A message that names an element's kind by an ICU `select` on `kind` («Fant ikke {kind, select,
 * goal {målet} …}») is a second list of the kinds, beside the registry in model/kinds.ts. Each such
 * select must offer exactly the registry's kinds plus `other`, in every language: a kind added to
 * the registry (or renamed) fails here, by message, instead of falling silently to «elementet».
 */

/** The options of every `select` on `kind` in a message, nested ones (inside a plural) included. */
function kindSelects(elements: MessageFormatElement[]): string[][] {
  const found: string[][] = [];
  for (const element of elements) {
    if (element.type === TYPE.select || element.type === TYPE.plural) {
      if (element.type === TYPE.select && element.value === 'kind') found.push(Object.keys(element.options));
      for (const option of Object.values(element.options)) found.push(...kindSelects(option.value));
    } else if (element.type === TYPE.tag) {
      found.push(...kindSelects(element.children));
    }
  }
  return found;
}

const expected = [...elementKinds, 'other'].sort();

/**
 * Selects that name only some kinds on purpose, with the kinds they name. `scope.delete.losesField`
 * names the reference an element loses when what it points at is deleted: the kinds `refers` lists
 * in model/deletion.ts (a new reference there needs its word here too).
 */
const partial: Record<string, string[]> = {
  'scope.delete.losesField': ['informationCategory', 'deliveryTier', 'solutionPart', 'roadmapPhase', 'other'],
};

describe('messages that select on an element’s kind', () => {
  const cases = [...catalogues.values()].flatMap((catalogue) =>
    [...catalogue.messages].flatMap(([key, text]) => kindSelects(parse(text)).map((options) => ({ language: catalogue.language.code, key, options }))),
  );

  it('exist (the check below has something to check)', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it('offer every kind in the registry and `other`, and nothing else, in every language', () => {
    const wrong = cases
      .filter((c) => JSON.stringify([...c.options].sort()) !== JSON.stringify([...(partial[c.key] ?? expected)].sort()))
      .map((c) => {
        const missing = (partial[c.key] ?? expected).filter((k) => !c.options.includes(k));
        const extra = c.options.filter((k) => !(partial[c.key] ?? expected).includes(k));
        return `${c.language} ${c.key}: ${missing.length ? `missing ${missing.join(', ')}` : ''}${extra.length ? ` unknown ${extra.join(', ')}` : ''}`;
      });
    expect(wrong).toEqual([]);
  });
});
