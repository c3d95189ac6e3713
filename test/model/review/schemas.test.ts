import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../../../src/http/forms.ts';
import { answerBasis, intentionInputSchema, mergeAnswers, reviewFormSchema, roundInputSchema, type Stance } from '../../../model/review/schemas.ts';

const errorsOf = (result: { success: boolean; error?: { issues: readonly never[] } | undefined }) => (result.success ? {} : fieldErrors(result.error as never));

describe('the review form', () => {
  const schema = reviewFormSchema([7, 8, 9]);

  it("gives the action and each service's answer with what the page showed, comments trimmed", () => {
    const basis = answerBasis(null, '');
    const parsed = schema.parse({
      handling: 'send',
      'standpunkt-7': 'supports',
      'kommentar-7': '  Bra  ',
      'vist-7': basis,
      'standpunkt-8': '',
      'kommentar-8': '',
      'vist-8': basis,
      'standpunkt-9': 'opposes',
      'vist-9': basis,
    });
    expect(parsed).toEqual({
      action: 'submit',
      answers: [
        { roundServiceId: 7, stance: 'supports', comment: 'Bra', basis },
        { roundServiceId: 8, stance: null, comment: '', basis },
        { roundServiceId: 9, stance: 'opposes', comment: '', basis },
      ],
    });
    expect(schema.parse({ handling: 'lagre' }).action).toBe('save');
  });

  // Issue 12: an answer posted without what the page showed for it could overwrite a colleague's unseen.
  it('refuses an answer that does not say what the page showed, and leaves a service the form does not mention alone', () => {
    const refused = schema.safeParse({ handling: 'lagre', 'standpunkt-7': 'supports' });
    expect(refused.success ? {} : fieldErrors(refused.error)).toEqual({ 'vist-7': expect.stringContaining('Last siden på nytt') });
    expect(schema.parse({ handling: 'lagre', 'standpunkt-7': 'supports', 'vist-7': answerBasis(null, '') }).answers.map((a) => a.roundServiceId)).toEqual([7]);
  });
  it('lets a page of a longer list go on to submitting when the other pages hold a stance', () => {
    expect(reviewFormSchema([7, 8, 9], { answeredElsewhere: 1 }).parse({ handling: 'send' }).action).toBe('submit');
    expect(reviewFormSchema([7, 8, 9], { answeredElsewhere: 0 }).safeParse({ handling: 'send' }).success).toBe(false);
  });
  it.each([
    [{ handling: 'lagre', 'standpunkt-7': 'kanskje' }, 'standpunkt-7', 'Velg et standpunkt i listen.'],
    [{ handling: 'lagre', 'kommentar-8': 'Uten standpunkt' }, 'standpunkt-8', 'Velg et standpunkt til kommentaren'],
    [{ handling: 'lagre', 'standpunkt-9': 'supports-with-changes', 'kommentar-9': '   ' }, 'kommentar-9', 'Skriv hvilke endringer kommunen ønsker.'],
    [{ handling: 'lagre', 'standpunkt-7': 'supports', 'kommentar-7': 'x'.repeat(2001) }, 'kommentar-7', 'høyst 2000 tegn'],
    [{ handling: 'send' }, 'skjema', 'Ta stilling til minst én tjeneste før du sender inn.'],
    [{ handling: 'slett' }, 'handling', 'Velg om du vil lagre utkastet eller sende inn.'],
    [{ handling: 'lagre', 'standpunkt-99': 'supports' }, 'skjema', 'felt som ikke hører til denne runden: standpunkt-99'],
  ])('refuses %o, with a message beside %s', (form, field, message) => {
    const errors = errorsOf(schema.safeParse(form) as never);
    expect(errors[field]).toContain(message);
  });
});

describe('opening a round', () => {
  const schema = roundInputSchema('2026-11-26');

  it('takes a title and a deadline from today on', () => {
    expect(schema.parse({ title: '  Runde 1 ', deadline: '2026-11-26' })).toEqual({ title: 'Runde 1', deadline: '2026-11-26' });
  });

  it.each([
    [{ title: 'R', deadline: '2026-12-01' }, 'title', 'Tittelen må ha minst 3 tegn.'],
    [{ title: 'Runde', deadline: '' }, 'deadline', 'Skriv fristen.'],
    [{ title: 'Runde', deadline: '01.12.2026' }, 'deadline', 'Datoen må skrives som ÅÅÅÅ-MM-DD.'],
    [{ title: 'Runde', deadline: '2027-02-30' }, 'deadline', 'Datoen finnes ikke.'],
    [{ title: 'Runde', deadline: '2026-11-25' }, 'deadline', 'Fristen kan ikke være før i dag.'],
    [{ title: 'Runde', deadline: '2028-12-01' }, 'deadline', 'Fristen kan være høyst to år fram i tid.'],
  ])('refuses %o', (form, field, message) => {
    expect(errorsOf(schema.safeParse(form) as never)[field]).toBe(message);
  });
});

describe('an intention declaration', () => {
  const schema = intentionInputSchema('2026-11-26');

  it('takes a status, a date up to today and an optional reference', () => {
    expect(schema.parse({ status: 'signed', date: '2026-11-26', reference: ' Sak 2026/12 ' })).toEqual({ status: 'signed', date: '2026-11-26', reference: 'Sak 2026/12' });
    expect(schema.parse({ status: 'considering', date: '', reference: '' })).toEqual({ status: 'considering', date: undefined, reference: '' });
  });

  it.each([
    [{ status: 'ja' }, 'status', 'Velg en status i listen.'],
    [{ status: 'signed', date: '' }, 'date', 'Skriv datoen kommunen signerte.'],
    [{ status: 'declined' }, 'date', 'Skriv datoen kommunen takket nei.'],
    [{ status: 'signed', date: '2026-11-27' }, 'date', 'Datoen kan ikke være fram i tid.'],
    [{ status: 'signed', date: '2026-02-29' }, 'date', 'Datoen finnes ikke.'],
    [{ status: 'considering', reference: 'linje 1\nlinje 2' }, 'reference', 'Referansen må stå på én linje (uten linjeskift).'],
    [{ status: 'considering', reference: 'sak\u0000' }, 'reference', 'Referansen kan ikke inneholde kontrolltegn.'],
    [{ status: 'considering', reference: 'x'.repeat(301) }, 'reference', 'Referansen kan ha høyst 300 tegn.'],
  ])('refuses %o', (form, field, message) => {
    expect(errorsOf(schema.safeParse(form) as never)[field]).toBe(message);
  });
});

describe('merging the whole form into what is stored', () => {
  const stored = [
    { roundServiceId: 7, stance: 'supports' as const, comment: 'Bra' },
    { roundServiceId: 8, stance: 'opposes' as const, comment: 'Lagret av en annen' },
  ];
  const answer = (roundServiceId: number, stance: Stance | null, comment: string, basis?: string) => ({ roundServiceId, stance, comment, basis });

  it('changes only what the form changed, so answers saved elsewhere since stay', () => {
    // The page showed 7 as stored and 8 unanswered; someone saved 8 meanwhile; this form changed 7 only.
    const merged = mergeAnswers(stored, [answer(7, 'opposes', 'Nei', answerBasis('supports', 'Bra')), answer(8, null, '', answerBasis(null, ''))]);
    expect(merged).toEqual({ entries: [{ roundServiceId: 7, stance: 'opposes', comment: 'Nei' }, stored[1]], conflicts: [] });
  });

  it('calls it a conflict when both changed the same answer differently, and agrees when they changed it alike', () => {
    const shownEmpty = answerBasis(null, '');
    expect(mergeAnswers(stored, [answer(8, 'supports', 'Min mening', shownEmpty)]).conflicts).toEqual([8]);
    expect(mergeAnswers(stored, [answer(8, 'opposes', 'Lagret av en annen', shownEmpty)])).toEqual({ entries: stored, conflicts: [] });
  });

  it('clears an answer the form cleared, and takes a form without a basis as it is', () => {
    expect(mergeAnswers(stored, [answer(7, null, '', answerBasis('supports', 'Bra'))]).entries).toEqual([stored[1]]);
    expect(mergeAnswers(stored, [answer(8, 'supports', 'Overskrevet')]).entries[1]).toEqual({ roundServiceId: 8, stance: 'supports', comment: 'Overskrevet' });
  });

  it('tells answers apart by stance and by comment', () => {
    expect(answerBasis('supports', 'a')).not.toBe(answerBasis('opposes', 'a'));
    expect(answerBasis('supports', 'a')).not.toBe(answerBasis('supports', 'b'));
    expect(answerBasis(null, '')).toBe(answerBasis(null, ''));
  });
});
