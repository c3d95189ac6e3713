import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { elementInputSchemas } from '../../../model/editing.ts';
import { textProblem } from '../../../model/text.ts';
import { i18nFor } from '../../../views/i18n/index.ts';
import { issueText } from '../../../views/i18n/issues.ts';
import { makeRound, organisationMember, postComment } from '../../consultation-fixtures.ts';
import { htmx, postForm, signIn, testApp, type TestContext } from '../../helpers.ts';
import { frozenIds, openRound } from '../review/helpers.ts';

// Finding 4: control characters and NUL were accepted in names, comments, replies and hide reasons
// (and newlines in one-line names). One rule now, in model/text.ts, applied by the zod schemas.
/** A model message as the interface says it, in bokmål (or `language`). */
const said = (message: string | undefined, language = 'nb') => (message === undefined ? undefined : issueText({ message }, i18nFor(language)));

describe('the text rule', () => {
  it('refuses control characters, keeps tab and newline only in multi-line fields, and refuses newlines in one-line fields', () => {
    expect(said(textProblem('Multidose\u0000', 'one-line', 'validation.subject.name'))).toBe('Navnet kan ikke inneholde kontrolltegn.');
    expect(said(textProblem('Multi\ndose', 'one-line', 'validation.subject.name'))).toBe('Navnet må stå på én linje (uten linjeskift).');
    expect(said(textProblem('Multi\tdose', 'one-line', 'validation.subject.name'))).toBe('Navnet kan ikke inneholde kontrolltegn.');
    expect(textProblem('Linje én\nLinje\tto', 'multi-line', 'validation.subject.comment')).toBeUndefined();
    expect(said(textProblem('Pling\u0007', 'multi-line', 'validation.subject.comment'))).toBe('Kommentaren kan ikke inneholde kontrolltegn.');
    expect(said(textProblem('C1\u009b', 'multi-line', 'validation.subject.comment'))).toBe('Kommentaren kan ikke inneholde kontrolltegn.');
    expect(said(textProblem('Multi\ndose', 'one-line', 'validation.subject.name'), 'en')).toBe('The name must be on one line (no line breaks).');
  });

  it('is applied to element names (one line) and descriptions, and normalises to NFC', () => {
    const schema = elementInputSchemas.solutionPart;
    const fields = { name: 'Samhandling', description: '' };
    const nul = schema.safeParse({ ...fields, name: 'Samhandling\u0000' });
    expect(nul.success ? [] : nul.error.issues.map((i) => [i.path.join('.'), said(i.message)])).toContainEqual(['name', 'Navnet kan ikke inneholde kontrolltegn.']);
    const newline = schema.safeParse({ ...fields, name: 'Samhandling\nmed innbygger' });
    expect(newline.success ? [] : newline.error.issues.map((i) => [i.path.join('.'), said(i.message)])).toContainEqual(['name', 'Navnet må stå på én linje (uten linjeskift).']);
    const ok = schema.safeParse({ ...fields, name: 'A\u030Alesund', description: 'To linjer\r\nmed\ttabulator' });
    expect(ok.success).toBe(true);
    if (ok.success) {
      expect(ok.data.name).toBe('Ålesund'); // one code point, as typed on another keyboard
      expect(ok.data.name.length).toBe(7);
      expect(ok.data.description).toBe('To linjer\nmed\ttabulator');
    }
  });
});

describe('posted through the forms', () => {
  let ctx: TestContext;
  beforeEach(async () => {
    ctx = await testApp();
  });
  afterEach(() => ctx.db.destroy());

  it('refuses a comment, a reply and a hide reason with control characters (422 beside the field), and writes nothing', async () => {
    const round = await makeRound(ctx.db);
    const member = await organisationMember(ctx, 'Pasientforeningen');
    const item = round.items[0]!;
    const refused = await postComment(ctx, round.id, { punkt: String(item.id), text: 'Vi støtter\u0000 dette.' }, member.headers);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('Kommentaren kan ikke inneholde kontrolltegn.');
    expect(await ctx.db.selectFrom('consultation_comment').select('id').execute()).toEqual([]);

    const made = await postComment(ctx, round.id, { punkt: String(item.id), text: 'Vi støtter dette.' }, member.headers);
    expect(made.status).toBe(303);
    const commentPath = made.headers.get('location')!.split('?')[0]!;
    const reply = await postForm(ctx, `${commentPath}/svar`, { text: 'Svar\u001b[31m' }, member.headers);
    expect(reply.status).toBe(422);
    expect(await reply.text()).toContain('Innlegget kan ikke inneholde kontrolltegn.');
    const architect = await signIn(ctx, 'architect');
    const page = await (await ctx.app.request(commentPath, { headers: architect })).text();
    const version = /action="[^"]*\/skjul"[\s\S]*?name="version" value="(\d+)"/.exec(page)?.[1] ?? '1';
    const hide = await postForm(ctx, `${commentPath}/skjul`, { reason: 'Usaklig\u0000', version, revision: '1' }, architect);
    expect(hide.status).toBe(422);
    expect(await hide.text()).toContain('Begrunnelsen kan ikke inneholde kontrolltegn.');
    expect(await ctx.db.selectFrom('consultation_reply').select('id').execute()).toEqual([]);
    expect(await ctx.db.selectFrom('consultation_comment').select('hidden_at').execute()).toEqual([{ hidden_at: null }]);
  });

  it('refuses a review comment with NUL in the autosave, and stores an organisation name as NFC', async () => {
    const round = await openRound(ctx);
    const ids = await frozenIds(ctx, round);
    const oslo = await signIn(ctx, 'municipality');
    const id = ids.multidose!;
    const res = await postForm(ctx, `/vurdering/runder/${round}/kommuner/0301/tjenester/${id}`, { [`standpunkt-${id}`]: 'opposes', [`kommentar-${id}`]: 'Nei\u0000' }, { ...oslo, ...htmx });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Kommentaren kan ikke inneholde kontrolltegn.');
    expect(await ctx.db.selectFrom('review_stance').select('round_service_id').execute()).toEqual([]);

    const admin = await signIn(ctx, 'administrator');
    expect((await postForm(ctx, '/admin/organisasjoner', { name: 'Fo\u0308rening A\u030A', kind: 'annet', contact: '' }, admin)).status).toBe(303);
    const stored = await ctx.db.selectFrom('organisation').select('name').executeTakeFirstOrThrow();
    expect(stored.name).toBe('Förening Å');
    expect(stored.name).toBe(stored.name.normalize('NFC'));
  });
});
