import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postForm, postShown, signIn, testApp, textOf, type TestContext } from '../../helpers.ts';
import { municipalityUser, reviewTables } from './helpers.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await testApp();
});
afterEach(() => ctx.db.destroy());

const get = async (p: string, headers: Record<string, string> = {}) => {
  const res = await ctx.app.request(p, { headers });
  return { status: res.status, html: await res.text() };
};

describe('intention declarations', () => {
  it('are set by the municipality itself, each change audited with what it was before', async () => {
    const oslo = await signIn(ctx, 'municipality');
    expect(textOf((await get('/vurdering/intensjon/0301', oslo)).html)).toContain('Nå: Ikke tatt stilling. Ingenting er registrert ennå.');
    const first = await postShown(ctx, '/vurdering/intensjon/0301', { status: 'considering', date: '', reference: '' }, oslo);
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/vurdering/intensjon/0301?lagret');
    expect((await postShown(ctx, '/vurdering/intensjon/0301', { status: 'signed', date: '2026-11-20', reference: 'Bystyresak 123/26' }, oslo)).status).toBe(303);
    // Saving the same again changes nothing, so nothing is recorded.
    expect((await postShown(ctx, '/vurdering/intensjon/0301', { status: 'signed', date: '2026-11-20', reference: ' Bystyresak 123/26' }, oslo)).status).toBe(303);

    const text = textOf((await get('/vurdering/intensjon/0301?lagret', oslo)).html);
    expect(text).toContain('Intensjonserklæringen er lagret.');
    expect(text).toContain('Nå: Signert ( 20. november 2026 ), registrert 26. november 2026 kl. 13:00 av Test municipality (kommune).');
    const log = await ctx.db.selectFrom('audit_event').selectAll().where('action', '=', 'intention.update').orderBy('id').execute();
    expect(log.map((e) => [e.entity, e.entity_id, e.before_json && JSON.parse(e.before_json), JSON.parse(e.after_json!)])).toEqual([
      ['intention_declaration', '0301', null, { status: 'considering', decidedOn: null, reference: '' }],
      ['intention_declaration', '0301', { status: 'considering', decidedOn: null, reference: '' }, { status: 'signed', decidedOn: '2026-11-20', reference: 'Bystyresak 123/26' }],
    ]);
  });

  it('may be recorded by an architect for any municipality', async () => {
    const architect = await signIn(ctx, 'architect');
    expect((await postShown(ctx, '/vurdering/intensjon/4601', { status: 'declined', date: '2026-10-01', reference: '' }, architect)).status).toBe(303);
    expect(textOf((await get('/vurdering/intensjon/4601', architect)).html)).toContain('Nå: Takket nei ( 1. oktober 2026 ), registrert 26. november 2026 kl. 13:00 av Test architect (arkitekt).');
    const list = textOf((await get('/vurdering/intensjon?status=declined', architect)).html);
    expect(list).toContain('1 kommune.');
    expect(list).toContain('Bergen (4601) Vestland 291 940 Takket nei 1. oktober 2026');
    expect(textOf((await get('/vurdering/intensjon', architect)).html)).toContain('357 kommuner.');
    expect(textOf((await get('/vurdering/intensjon?fylke=03', architect)).html)).toContain('1 kommune.');
    expect((await get('/vurdering/intensjon?fylke=Oslo', architect)).status).toBe(400);
  });

  it('cannot be read or changed by another municipality, nor by readers or organisations', async () => {
    const architect = await signIn(ctx, 'architect');
    await postShown(ctx, '/vurdering/intensjon/4601', { status: 'considering', reference: 'Intern vurdering' }, architect);
    const before = await reviewTables(ctx);
    const oslo = await signIn(ctx, 'municipality');
    const read = await get('/vurdering/intensjon/4601', oslo);
    expect(read.status).toBe(403);
    expect(read.html).not.toContain('Intern vurdering');
    expect((await postShown(ctx, '/vurdering/intensjon/4601', { status: 'signed', date: '2026-11-01' }, oslo)).status).toBe(403);
    expect((await get('/vurdering/intensjon', oslo)).status).toBe(403);
    for (const role of ['reader', 'organisation', 'administrator'] as const) {
      const headers = await signIn(ctx, role);
      expect((await get('/vurdering/intensjon/4601', headers)).status, role).toBe(403);
      expect((await postShown(ctx, '/vurdering/intensjon/4601', { status: 'signed', date: '2026-11-01' }, headers)).status, role).toBe(403);
    }
    expect((await postShown(ctx, '/vurdering/intensjon/4601', { status: 'signed', date: '2026-11-01' })).status).toBe(401);
    expect(await reviewTables(ctx)).toEqual(before);
    // Bergen's own user may.
    expect((await get('/vurdering/intensjon/4601', await municipalityUser(ctx, '4601'))).status).toBe(200);
  });

  it('refuses bad input beside the field (422), keeping what was typed and writing nothing', async () => {
    const oslo = await signIn(ctx, 'municipality');
    const res = await postShown(ctx, '/vurdering/intensjon/0301', { status: 'signed', date: '', reference: 'Sak 1' }, oslo);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('id="felt-date-feil">Skriv datoen kommunen signerte.');
    expect(html).toContain('value="Sak 1"');
    const future = await postShown(ctx, '/vurdering/intensjon/0301', { status: 'signed', date: '2026-11-27' }, oslo);
    expect(await future.text()).toContain('id="felt-date-feil">Datoen kan ikke være fram i tid.');
    expect((await reviewTables(ctx)).declarations).toEqual([]);
    expect((await get('/vurdering/intensjon/9999', await signIn(ctx, 'architect'))).status).toBe(404);
  });
});
