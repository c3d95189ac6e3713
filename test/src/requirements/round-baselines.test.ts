import { describe, expect, it } from 'vitest';
import { addComments, organisationMember, requirementIds } from '../../consultation-fixtures.ts';
import { postForm, signIn, testApp, textOf, type TestContext } from '../../helpers.ts';

/** Review and consultation rounds record the baseline they were opened on (issue 13). */

function postRound(ctx: TestContext, fields: Record<string, string>, elements: number[], headers: Record<string, string>) {
  const body = new URLSearchParams({ title: 'Høring om legemidler', description: '', phase: 'forprosjekt', opensOn: '2026-11-01', closesOn: '2027-01-15', ...fields });
  for (const id of elements) body.append('elements', String(id));
  return ctx.app.request('/horing', {
    method: 'POST',
    body: body.toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost', 'Sec-Fetch-Site': 'same-origin', ...headers },
  });
}

describe('a consultation round', () => {
  it('freezes a baseline when none is named, and its comments say which wording they commented on', async () => {
    const ctx = await testApp();
    const architect = await signIn(ctx, 'architect');
    const form = await (await ctx.app.request('/horing/ny', { headers: architect })).text();
    expect(form).toContain('id="felt-baseline"');
    const [first] = await requirementIds(ctx.db);
    const res = await postRound(ctx, {}, [first!], architect);
    expect(res.status).toBe(303);
    const round = await ctx.db.selectFrom('consultation_round').select(['id', 'baseline_id']).executeTakeFirstOrThrow();
    const baseline = await ctx.db.selectFrom('baseline').select(['id', 'name', 'requirement_count']).executeTakeFirstOrThrow();
    expect(round.baseline_id).toBe(baseline.id);
    expect(baseline.name).toBe('Høring: Høring om legemidler');
    expect(baseline.requirement_count).toBe(10);

    const page = textOf(await (await ctx.app.request(`/horing/${round.id}`, { headers: architect })).text());
    expect(page).toMatch(/Åpnet på baseline Høring: Høring om legemidler ?\./);

    const org = await organisationMember(ctx, 'Norsk Sykepleierforbund');
    const item = await ctx.db.selectFrom('consultation_item').select('id').where('round_id', '=', round.id).executeTakeFirstOrThrow();
    const [comment] = await addComments(ctx.db, [{ roundId: round.id, itemId: item.id, organisationId: org.organisationId }]);
    const commentHtml = await (await ctx.app.request(`/horing/${round.id}/kommentarer/${comment}`, { headers: architect })).text();
    expect(textOf(commentHtml)).toMatch(/Kommentaren gjelder teksten i baseline Høring: Høring om legemidler ?\./);
    expect(commentHtml).toContain(`href="/baselines/sammenlign?fra=${baseline.id}&amp;til=naa"`);

    // A second round with the same title gets a baseline of its own, with a name not yet taken.
    expect((await postRound(ctx, {}, [first!], architect)).status).toBe(303);
    const names = (await ctx.db.selectFrom('baseline').select('name').orderBy('id').execute()).map((b) => b.name);
    expect(names).toEqual(['Høring: Høring om legemidler', 'Høring: Høring om legemidler (2)']);
  });

  it('opens on a named baseline without freezing another, and refuses one that does not exist beside the field', async () => {
    const ctx = await testApp();
    const architect = await signIn(ctx, 'architect');
    expect((await postForm(ctx, '/baselines', { name: 'Høringsutkast 1' }, architect)).status).toBe(200);
    const named = await ctx.db.selectFrom('baseline').select('id').executeTakeFirstOrThrow();
    const [first] = await requirementIds(ctx.db);
    expect((await postRound(ctx, { baseline: String(named.id) }, [first!], architect)).status).toBe(303);
    expect((await ctx.db.selectFrom('consultation_round').select('baseline_id').executeTakeFirstOrThrow()).baseline_id).toBe(named.id);
    expect(await ctx.db.selectFrom('baseline').select('id').execute()).toHaveLength(1);

    const missing = await postRound(ctx, { baseline: '999' }, [first!], architect);
    expect(missing.status).toBe(422);
    const html = await missing.text();
    expect(html).toContain('id="felt-baseline-feil"');
    expect(textOf(html)).toContain('Baselinen finnes ikke');
    const bad = await postRound(ctx, { baseline: 'x' }, [first!], architect);
    expect(bad.status).toBe(422);
    expect(await ctx.db.selectFrom('consultation_round').select('id').execute()).toHaveLength(1);
    expect(await ctx.db.selectFrom('baseline').select('id').execute()).toHaveLength(1);
  });
});

describe('a review round', () => {
  it('records the baseline it opened on, frozen then when none is named', async () => {
    const ctx = await testApp();
    const architect = await signIn(ctx, 'architect');
    const res = await postForm(ctx, '/vurdering/runder', { title: 'Første runde', deadline: '2026-12-15' }, architect);
    expect(res.status).toBe(303);
    const round = await ctx.db.selectFrom('review_round').select('baseline_id').executeTakeFirstOrThrow();
    const baseline = await ctx.db.selectFrom('baseline').select(['id', 'name']).executeTakeFirstOrThrow();
    expect(round.baseline_id).toBe(baseline.id);
    expect(baseline.name).toBe('Vurderingsrunde: Første runde');
  });

  it('offers the frozen baselines in its form, opens on the one chosen, and refuses one that is gone beside the field', async () => {
    const ctx = await testApp();
    const architect = await signIn(ctx, 'architect');
    expect((await postForm(ctx, '/baselines', { name: 'Anskaffelsesgrunnlag' }, architect)).status).toBe(200);
    const named = await ctx.db.selectFrom('baseline').select('id').executeTakeFirstOrThrow();
    const form = await (await ctx.app.request('/vurdering', { headers: architect })).text();
    expect(form).toContain('id="felt-baseline"');
    expect(form).toContain(`<option value="${named.id}">Anskaffelsesgrunnlag</option>`);

    const missing = await postForm(ctx, '/vurdering/runder', { title: 'Første runde', deadline: '2026-12-15', baseline: '999' }, architect);
    expect(missing.status).toBe(422);
    const html = await missing.text();
    expect(html).toContain('id="felt-baseline-feil"');
    expect(textOf(html)).toContain('Baselinen finnes ikke');
    expect(await ctx.db.selectFrom('review_round').select('id').execute()).toHaveLength(0);

    const res = await postForm(ctx, '/vurdering/runder', { title: 'Første runde', deadline: '2026-12-15', baseline: String(named.id) }, architect);
    expect(res.status).toBe(303);
    expect((await ctx.db.selectFrom('review_round').select('baseline_id').executeTakeFirstOrThrow()).baseline_id).toBe(named.id);
    expect(await ctx.db.selectFrom('baseline').select('id').execute()).toHaveLength(1);
  });
});
