import { describe, expect, it } from 'vitest';
import { diffAsText, diffWords, hasChanges, sideOf, tokenize } from '../../model/word-diff.ts';

describe('tokenize', () => {
  it('keeps Norwegian words whole and splits off every punctuation mark', () => {
    expect(tokenize('Kommunal pasientjournal, også for små barn – «ingen» unntak!')).toEqual([
      'Kommunal', ' ', 'pasientjournal', ',', ' ', 'også', ' ', 'for', ' ', 'små', ' ', 'barn', ' ', '–', ' ', '«', 'ingen', '»', ' ', 'unntak', '!',
    ]);
  });

  it('keeps inner hyphens and apostrophes in a word, and numbers as words', () => {
    expect(tokenize("e-helse Mor's AKS-0001 2023.")).toEqual(['e-helse', ' ', "Mor's", ' ', 'AKS-0001', ' ', '2023', '.']);
  });

  it('loses nothing: the tokens join to the text', () => {
    const text = '  Æøå ÆØÅ\té,\n\n(«sitat») … 3,5 % — slutt.  ';
    expect(tokenize(text).join('')).toBe(text);
  });
});

describe('diffWords', () => {
  const cases: Array<[string, string, string]> = [
    ['Tiltaket skal gjennomføres stegvis.', 'Tiltaket skal gjennomføres stegvis og trygt.', 'Tiltaket skal gjennomføres stegvis{+ og trygt+}.'],
    ['Journalløsningen skal kunne tilpasses lokale kliniske behov.', 'Journalløsningen bør kunne tilpasses lokale behov.', 'Journalløsningen [-skal-]{+bør+} kunne tilpasses lokale [-kliniske -]behov.'],
    ['Det skal være frivillig for kommunene.', 'Det skal være frivillig for kommunene!', 'Det skal være frivillig for kommunene[-.-]{+!+}'],
    ['Små endringer på æøå.', 'Store endringer på ÆØÅ.', '[-Små-]{+Store+} endringer på [-æøå-]{+ÆØÅ+}.'],
    ['a b c', 'x y c', '[-a b-]{+x y+} c'],
    ['', 'Ny tekst.', '{+Ny tekst.+}'],
    ['Gammel tekst.', '', '[-Gammel tekst.-]'],
  ];

  it.each(cases)('%s → %s', (before, after, expected) => {
    expect(diffAsText(diffWords(before, after))).toBe(expected);
  });

  it('gives back both texts exactly, whatever the change', () => {
    const pairs: Array<[string, string]> = [
      ['Felles kommunal pasientjournal skal omfatte alle kommunale helse- og omsorgstjenester.', 'Felles kommunal journal skal omfatte alle helse- og omsorgstjenester i kommunen, også tannhelse.'],
      ['«Sitat» – med tankestrek; og semikolon.', 'Sitat - med bindestrek, og komma...'],
      ['  mellomrom   beholdes \n linjeskift ', 'mellomrom beholdes\nlinjeskift'],
      ['identisk', 'identisk'],
    ];
    for (const [before, after] of pairs) {
      const segments = diffWords(before, after);
      expect(sideOf(segments, 'before')).toBe(before);
      expect(sideOf(segments, 'after')).toBe(after);
    }
  });

  it('changes whole words, never parts of a word with Norwegian letters', () => {
    const segments = diffWords('Pleie- og omsorgstjenester i kommunen', 'Pleie- og omsorgstjenestene i kommunene');
    expect(segments.filter((s) => s.op !== 'same').map((s) => `${s.op}:${s.text}`)).toEqual([
      'del:omsorgstjenester',
      'ins:omsorgstjenestene',
      'del:kommunen',
      'ins:kommunene',
    ]);
  });

  it('shows a change of white space alone with the word beside it, never as a lone space deleted or inserted', () => {
    const changes = (before: string, after: string) =>
      diffWords(before, after)
        .filter((s) => s.op !== 'same')
        .map((s) => `${s.op}:${s.text}`);
    expect(changes('Det skal  være mulig.', 'Det skal være mulig.')).toEqual(['del:skal  ', 'ins:skal ']);
    expect(changes('Det er mulig .', 'Det er mulig.')).toEqual(['del:mulig ', 'ins:mulig']);
    expect(changes(' Først', 'Først')).toEqual(['del: Først', 'ins:Først']);
    for (const [before, after] of [['Det skal  være mulig.', 'Det skal være mulig.'], ['Det er mulig .', 'Det er mulig.'], [' Først', 'Først']] as const) {
      const segments = diffWords(before, after);
      expect(sideOf(segments, 'before')).toBe(before);
      expect(sideOf(segments, 'after')).toBe(after);
    }
  });

  it('reports no change for equal texts', () => {
    expect(hasChanges(diffWords('Lik tekst.', 'Lik tekst.'))).toBe(false);
    expect(hasChanges(diffWords('Lik tekst.', 'Lik tekst!'))).toBe(true);
  });

  it('still gives both texts back when the texts are too long to compare word by word', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `ord${i}`).join(' ');
    const after = Array.from({ length: 3000 }, (_, i) => `ord${(i * 7) % 3001}`).join(' ');
    const segments = diffWords(before, after);
    expect(sideOf(segments, 'before')).toBe(before);
    expect(sideOf(segments, 'after')).toBe(after);
  });
});
