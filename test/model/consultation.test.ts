import { describe, expect, it } from 'vitest';
import {
  acceptsComments,
  answerInputSchema,
  answersEarlierVersion,
  commentBasisSchema,
  commentInputSchema,
  hiddenAccessOf,
  norwegianDate,
  noveltyOf,
  proposalProblem,
  redactComment,
  redactReply,
  roundInputSchema,
  roundQuerySchema,
  roundState,
  statusAfterEdit,
  visitInputSchema,
  visitMark,
  type Comment,
} from '../../model/consultation.ts';
import { catalogues } from '../../views/i18n/catalogues.ts';
import { i18nFor, type MessageKey } from '../../views/i18n/index.ts';
import { issueText } from '../../views/i18n/issues.ts';

/** A zod message as the route shows it: a catalogue key in bokmål (or English), with the issue's limit; other messages as they are. */
function said(issue: { message: string; maximum?: unknown } | undefined, code: 'nb' | 'en' = 'nb'): string | undefined {
  if (!issue) return undefined;
  if (!catalogues.get('nb')!.messages.has(issue.message)) return issue.message;
  return i18nFor(code).t(issue.message as MessageKey, issue.maximum === undefined ? {} : { maximum: Number(issue.maximum) });
}

describe('the round lifecycle, by the date in Norway', () => {
  const round = { opensOn: '2026-03-02', closesOn: '2026-03-15' };

  it('is planned before the opening date, open through the closing date, closed after', () => {
    expect(roundState(round, new Date('2026-03-01T12:00:00Z'))).toBe('planned');
    expect(roundState(round, new Date('2026-03-02T12:00:00Z'))).toBe('open');
    expect(roundState(round, new Date('2026-03-15T12:00:00Z'))).toBe('open');
    expect(roundState(round, new Date('2026-03-16T12:00:00Z'))).toBe('closed');
  });

  it('opens and closes at midnight Norwegian time, not UTC (winter: UTC+1)', () => {
    expect(roundState(round, new Date('2026-03-01T22:59:59Z'))).toBe('planned');
    expect(roundState(round, new Date('2026-03-01T23:00:00Z'))).toBe('open'); // 00:00 on 2 March in Oslo
    expect(roundState(round, new Date('2026-03-15T22:59:59Z'))).toBe('open'); // 23:59:59 on the last day
    expect(roundState(round, new Date('2026-03-15T23:00:00Z'))).toBe('closed');
  });

  it('follows summer time (UTC+2)', () => {
    const summer = { opensOn: '2026-06-01', closesOn: '2026-06-30' };
    expect(norwegianDate(new Date('2026-06-30T21:59:59Z'))).toBe('2026-06-30');
    expect(norwegianDate(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
    expect(roundState(summer, new Date('2026-06-30T21:59:59Z'))).toBe('open');
    expect(roundState(summer, new Date('2026-06-30T22:00:00Z'))).toBe('closed');
  });

  it('takes comments only while open; a one-day round is open that whole day', () => {
    expect(acceptsComments('open')).toBe(true);
    expect(acceptsComments('planned')).toBe(false);
    expect(acceptsComments('closed')).toBe(false);
    expect(roundState({ opensOn: '2026-05-05', closesOn: '2026-05-05' }, new Date('2026-05-05T08:00:00Z'))).toBe('open');
  });
});

describe('round input', () => {
  const valid = { title: ' Høring om kravene ', description: '', phase: 'anskaffelse', opensOn: '2026-03-02', closesOn: '2026-03-15', elements: ['3', '1', '3'] };

  it('accepts a round, trims the title and drops repeated elements', () => {
    const parsed = roundInputSchema.parse(valid);
    expect(parsed).toMatchObject({ title: 'Høring om kravene', phase: 'anskaffelse', elements: [3, 1] });
  });

  it('says in Norwegian what is wrong, field by field', () => {
    const result = roundInputSchema.safeParse({ ...valid, title: '', phase: 'utredning', opensOn: '2026-02-30', closesOn: '', elements: [] });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((i) => [String(i.path[0]), said(i)]));
    expect(messages).toEqual({
      title: 'Skriv en tittel.',
      phase: 'Velg fasen høringen hører til.',
      opensOn: 'Datoen finnes ikke.',
      closesOn: 'Skriv fristen.',
      elements: 'Velg minst ett krav eller element.',
    });
  });

  it('refuses a deadline before the opening', () => {
    const result = roundInputSchema.safeParse({ ...valid, closesOn: '2026-03-01' });
    expect(result.error?.issues.map((i) => [i.path[0], said(i)])).toEqual([['closesOn', 'Fristen må være samme dag som eller etter åpningsdatoen.']]);
    expect(result.error?.issues.map((i) => said(i, 'en'))).toEqual(['The deadline must be on or after the opening date.']);
  });
});

describe('comment input', () => {
  it('keeps the proposed wording only for a change proposal', () => {
    expect(commentInputSchema.parse({ kind: 'stotte', text: 'Bra.', proposal: 'Noe annet' })).toEqual({ kind: 'stotte', text: 'Bra.', proposal: null });
    expect(commentInputSchema.parse({ kind: 'endringsforslag', text: 'Endre.', proposal: ' Ny tekst. ' })).toEqual({ kind: 'endringsforslag', text: 'Endre.', proposal: 'Ny tekst.' });
  });

  it('needs the wording for a change proposal, a kind from the list and some text', () => {
    const messages = (input: object) => commentInputSchema.safeParse(input).error?.issues.map((i) => `${String(i.path[0])}: ${said(i)}`);
    expect(messages({ kind: 'endringsforslag', text: 'Endre.', proposal: '  ' })).toEqual(['proposal: Et endringsforslag må ha den foreslåtte teksten.']);
    expect(messages({ kind: 'klage', text: '' })).toEqual(['kind: Velg hva slags kommentar dette er.', 'text: Skriv kommentaren.']);
    expect(messages({ kind: 'sporsmal', text: 'x'.repeat(5001) })).toEqual(['text: Kommentaren kan ha høyst 5000 tegn.']);
    expect(said(commentInputSchema.safeParse({ kind: 'sporsmal', text: 'x'.repeat(5001) }).error?.issues[0], 'en')).toBe('The comment can have at most 5000 characters.');
  });

  it('finds a proposal that changes nothing but spacing', () => {
    const input = commentInputSchema.parse({ kind: 'endringsforslag', text: 'x', proposal: 'Tiltaket  skal\ngjennomføres stegvis.' });
    expect(i18nFor('nb').t(proposalProblem(input, 'Tiltaket skal gjennomføres stegvis.')!)).toMatch(/likt dagens tekst/);
    expect(proposalProblem(input, 'Tiltaket skal gjennomføres.')).toBeUndefined();
  });
});

describe('the answer', () => {
  it('needs an answer once a decision is made, not while the comment is received or under consideration', () => {
    expect(answerInputSchema.safeParse({ status: 'under-vurdering', answer: '' }).success).toBe(true);
    for (const status of ['tatt-til-folge', 'delvis-tatt-til-folge', 'ikke-tatt-til-folge']) {
      expect(answerInputSchema.safeParse({ status, answer: ' ' }).error?.issues[0]?.path).toEqual(['answer']);
      expect(answerInputSchema.safeParse({ status, answer: 'Begrunnelse.' }).success).toBe(true);
    }
    expect(said(answerInputSchema.safeParse({ status: 'avvist', answer: 'x' }).error?.issues[0])).toBe('Velg en status i listen.');
  });
});

describe('the round page query', () => {
  it('defaults to the element view on page 1 and refuses unknown parameters', () => {
    expect(roundQuerySchema.parse({})).toMatchObject({ vis: 'element', side: 1 });
    expect(roundQuerySchema.parse({ vis: 'status', side: '3', punkt: '', nye: 'ja' })).toMatchObject({ vis: 'status', side: 3, punkt: undefined, nye: 'ja' });
    expect(roundQuerySchema.safeParse({ side: '0' }).success).toBe(false);
    expect(roundQuerySchema.safeParse({ vis: 'tid' }).success).toBe(false);
    const unknown = roundQuerySchema.safeParse({ sort: 'x' }).error?.issues[0];
    expect(issueText(unknown!, i18nFor('nb'))).toBe('Ukjent parameter: sort.');
    expect(issueText(unknown!, i18nFor('en'))).toBe('Unknown parameter: sort.');
  });
});

const comment: Comment = {
  id: 1,
  roundId: 1,
  roundTitle: 'Høring',
  itemId: 1,
  item: { kind: 'requirement', key: 'aks-0001', name: 'Krav', ref: 'AKS-0001', deleted: false },
  organisationId: 7,
  organisationName: 'Forening',
  authorName: 'Kari',
  kind: 'innvending',
  text: 'Personopplysninger her.',
  proposal: 'Ny tekst',
  baseText: 'Gammel tekst',
  version: 1,
  revision: 1,
  createdAt: '2026-11-20T12:00:00.000Z',
  updatedAt: '2026-11-20T12:00:00.000Z',
  status: 'mottatt',
  answer: 'Svar',
  answeredAt: null,
  answeredByName: null,
  answeredVersion: null,
  answeredStatus: null,
  hidden: true,
  hiddenAt: '2026-11-21T12:00:00.000Z',
  hiddenReason: 'Inneholder personopplysninger',
  applied: null,
  replyCount: 0,
  lastOtherReplyAt: null,
};

describe('what a viewer sees of a hidden comment', () => {
  const viewers = {
    anonymous: null,
    reader: { role: 'reader', organisationId: null },
    architect: { role: 'architect', organisationId: null },
    otherOrganisation: { role: 'organisation', organisationId: 8 },
    ownOrganisation: { role: 'organisation', organisationId: 7 },
    administrator: { role: 'administrator', organisationId: null },
  };

  it('keeps the comment, its status and answer for everyone, the words for its organisation and administrators, the reason for administrators', () => {
    const seen = Object.fromEntries(
      Object.entries(viewers).map(([who, viewer]) => {
        const c = redactComment(comment, hiddenAccessOf(viewer));
        return [who, { text: c.text, proposal: c.proposal, reason: c.hiddenReason, hidden: c.hidden, answer: c.answer, status: c.status }];
      }),
    );
    const kept = { hidden: true, answer: 'Svar', status: 'mottatt' };
    const none = { text: null, proposal: null, reason: null, ...kept };
    expect(seen).toEqual({
      anonymous: none,
      reader: none,
      architect: none,
      otherOrganisation: none,
      ownOrganisation: { text: comment.text, proposal: comment.proposal, reason: null, ...kept },
      administrator: { text: comment.text, proposal: comment.proposal, reason: comment.hiddenReason, ...kept },
    });
  });

  it('hides the thread with the comment, and shows a visible comment to everyone without any reason', () => {
    const reply = { id: 1, commentId: 1, authorName: null, organisationName: null, organisationId: null, text: 'Sitat av personopplysningene' };
    expect(redactReply({ ...reply, createdAt: '' }, comment, hiddenAccessOf(viewers.reader)).text).toBeNull();
    expect(redactReply({ ...reply, createdAt: '' }, comment, hiddenAccessOf(viewers.ownOrganisation)).text).toBe(reply.text);
    const visible = redactComment({ ...comment, hidden: false, hiddenAt: null }, hiddenAccessOf(null));
    expect(visible.text).toBe(comment.text);
    expect(visible.hiddenReason).toBeNull();
  });
});

describe('what is new since the previous visit', () => {
  const base = { organisationId: 7, createdAt: '2026-11-20T12:00:00Z', updatedAt: '2026-11-20T12:00:00Z', answeredAt: null, lastOtherReplyAt: null };

  it('marks nothing on a first visit', () => {
    expect(noveltyOf(base, null, null)).toEqual({ comment: false, edited: false, answered: false, replied: false });
  });

  it('marks new and edited comments from others, new answers and new replies', () => {
    expect(noveltyOf(base, '2026-11-19T00:00:00Z', 8)).toEqual({ comment: true, edited: false, answered: false, replied: false });
    expect(noveltyOf({ ...base, updatedAt: '2026-11-22T00:00:00Z' }, '2026-11-21T00:00:00Z', 8)).toMatchObject({ comment: false, edited: true });
    expect(noveltyOf({ ...base, answeredAt: '2026-11-22T00:00:00Z' }, '2026-11-21T00:00:00Z', 7)).toMatchObject({ answered: true });
    expect(noveltyOf({ ...base, lastOtherReplyAt: '2026-11-22T00:00:00Z' }, '2026-11-21T00:00:00Z', 7)).toMatchObject({ replied: true });
  });

  it("does not call the viewer's own organisation's writing new", () => {
    expect(noveltyOf(base, '2026-11-19T00:00:00Z', 7)).toMatchObject({ comment: false, edited: false });
  });
});

describe('an edit after the programme has taken the comment up', () => {
  it('sends it back to "under vurdering" once it has a status beyond "mottatt" or an answer, and leaves an untouched comment as received', () => {
    expect(statusAfterEdit({ status: 'mottatt', answer: null })).toBe('mottatt');
    expect(statusAfterEdit({ status: 'mottatt', answer: 'Takk, vi ser på det.' })).toBe('under-vurdering');
    expect(statusAfterEdit({ status: 'under-vurdering', answer: null })).toBe('under-vurdering');
    for (const status of ['tatt-til-folge', 'delvis-tatt-til-folge', 'ikke-tatt-til-folge'] as const) expect(statusAfterEdit({ status, answer: 'Svar.' })).toBe('under-vurdering');
  });

  it('knows an answer to an earlier wording', () => {
    expect(answersEarlierVersion({ answer: 'Svar.', answeredVersion: 1, version: 2 })).toBe(true);
    expect(answersEarlierVersion({ answer: 'Svar.', answeredVersion: 2, version: 2 })).toBe(false);
    expect(answersEarlierVersion({ answer: null, answeredVersion: null, version: 3 })).toBe(false);
  });

  it('needs the version the form was opened on', () => {
    expect(commentBasisSchema.parse({ version: '2', revision: '5' })).toEqual({ version: 2, revision: 5 });
    expect(said(commentBasisSchema.safeParse({ revision: '5' }).error?.issues[0])).toBe('Skjemaet mangler versjon; last siden på nytt.');
    for (const bad of ['0', '-1', '1.5', 'x', '']) expect(commentBasisSchema.safeParse({ version: bad, revision: '1' }).success, bad).toBe(false);
  });
});

describe('the visit mark', () => {
  const visit = { sessionId: 'a', lastSeenAt: '2026-11-26T12:00:00.000Z', previousSeenAt: '2026-11-20T12:00:00.000Z' };
  it('is the look before this session while the session lasts, the last look in a later session, and none before the first', () => {
    expect(visitMark(undefined, 'a')).toBeNull();
    expect(visitMark(visit, 'a')).toBe('2026-11-20T12:00:00.000Z');
    expect(visitMark({ ...visit, previousSeenAt: null }, 'a')).toBeNull();
    expect(visitMark(visit, 'b')).toBe('2026-11-26T12:00:00.000Z');
  });

  it('takes only an instant as the time the page was read', () => {
    expect(visitInputSchema.safeParse({ sett: '2026-11-26T12:00:00.000Z' }).success).toBe(true);
    expect(visitInputSchema.safeParse({ sett: '26.11.2026' }).error?.issues[0]?.message).toBe('sett må være et tidspunkt (ISO 8601, UTC).');
    expect(visitInputSchema.safeParse({}).success).toBe(false);
  });
});
