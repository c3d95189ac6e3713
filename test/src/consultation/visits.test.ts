import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { htmx, postForm, sameOrigin, signIn, signInAs, testApp, textOf, type TestContext } from '../../helpers.ts';
import { basisOf, commentIdFrom, lookAtRound, makeRound, organisationMember, postComment } from '../../consultation-fixtures.ts';

let ctx: TestContext;
let round: Awaited<ReturnType<typeof makeRound>>;
let author: Awaited<ReturnType<typeof organisationMember>>;

beforeEach(async () => {
  ctx = await testApp();
  round = await makeRound(ctx.db);
  author = await organisationMember(ctx, 'Norsk Sykepleierforbund');
});
afterEach(() => ctx.db.destroy());

const visits = () => ctx.db.selectFrom('consultation_visit').select(['user_id', 'session_id', 'last_seen_at', 'previous_seen_at']).execute();
/** Statements that change data; the session's idle clock (`user_session.last_seen_at`) is bookkeeping of the sign-in itself. */
const writes = (queries: string[]) => queries.filter((q) => /^\s*(insert|update|delete|replace)\b/i.test(q) && !/^\s*update "user_session" set "last_seen_at"/i.test(q));

describe('looking at a round changes nothing', () => {
  it('answers every consultation GET, for every role, without writing anything', async () => {
    const id = commentIdFrom(await postComment(ctx, round.id, { punkt: String(round.items[0]!.id), text: 'Vår kommentar.' }, author.headers));
    const viewers: Record<string, Record<string, string>> = {
      anonymous: {},
      author: author.headers,
      architect: await signIn(ctx, 'architect'),
      administrator: await signIn(ctx, 'administrator'),
      reader: await signIn(ctx, 'reader'),
      municipality: await signIn(ctx, 'municipality'),
    };
    const paths = [
      '/horing',
      `/horing/${round.id}`,
      `/horing/${round.id}?nye=ja`,
      `/horing/${round.id}/kommentarer/${id}`,
      `/horing/${round.id}/rapport`,
      `/horing/${round.id}/rapport.csv`,
      `/horing/${round.id}/rapport.md`,
      `/horing/organisasjon/${author.organisationId}`,
    ];
    for (const [who, headers] of Object.entries(viewers)) {
      for (const path of [...paths, ...(who === 'author' ? [`/horing/${round.id}/kommentarer/${id}/rediger`, `/horing/${round.id}/kommentarer/ny?punkt=${round.items[0]!.id}`] : [])]) {
        ctx.queries.length = 0;
        const res = await ctx.app.request(path, { headers });
        expect(res.status, `${who} ${path}`).toBe(200);
        expect(writes(ctx.queries), `${who} ${path}`).toEqual([]);
      }
    }
    expect(await visits()).toEqual([]);
  });

  it('has the page report the visit with a same-origin POST once it has loaded, carrying the instant its data was read', async () => {
    const html = await (await ctx.app.request(`/horing/${round.id}`, { headers: author.headers })).text();
    expect(html).toContain(`<div class="visit-mark" hx-post="/horing/${round.id}/besok" hx-trigger="load" hx-swap="none" hx-vals="{&quot;sett&quot;:&quot;2026-11-26T12:00:00.000Z&quot;}"></div>`);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/); // no inline script does it
    expect(await (await ctx.app.request(`/horing/${round.id}`)).text()).not.toContain('hx-trigger="load"'); // nothing to record for anonymous readers

    ctx.clock.advance({ minutes: 1 });
    const reported = await postForm(ctx, `/horing/${round.id}/besok`, { sett: '2026-11-26T12:00:00.000Z' }, { ...author.headers, ...htmx });
    expect(reported.status).toBe(204);
    expect(await visits()).toEqual([{ user_id: author.user.id, session_id: expect.any(String), last_seen_at: '2026-11-26T12:00:00.000Z', previous_seen_at: null }]);
  });

  it('refuses a visit from another site, from an anonymous visitor, for an unknown round or with a bad time; a time to come counts as now', async () => {
    const cookie = author.headers;
    const crossSite = await ctx.app.request(`/horing/${round.id}/besok`, {
      method: 'POST',
      body: 'sett=2026-11-26T12:00:00.000Z',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site', ...cookie },
    });
    expect(crossSite.status).toBe(403);
    expect((await postForm(ctx, `/horing/${round.id}/besok`, { sett: '2026-11-26T12:00:00.000Z' })).status).toBe(401);
    expect((await postForm(ctx, '/horing/999/besok', { sett: '2026-11-26T12:00:00.000Z' }, cookie)).status).toBe(404);
    const bad = await postForm(ctx, `/horing/${round.id}/besok`, { sett: 'i går' }, cookie);
    expect(bad.status).toBe(400);
    expect(textOf(await bad.text())).toContain('sett må være et tidspunkt (ISO 8601, UTC).');
    expect(await visits()).toEqual([]);
    expect((await postForm(ctx, `/horing/${round.id}/besok`, { sett: '2030-01-01T00:00:00.000Z' }, { ...cookie, ...htmx, ...sameOrigin })).status).toBe(204);
    expect((await visits())[0]?.last_seen_at).toBe('2026-11-26T12:00:00.000Z');
  });

  it('offers a button to mark the round as seen without JavaScript, which goes back to the round', async () => {
    const html = await (await ctx.app.request(`/horing/${round.id}`, { headers: author.headers })).text();
    expect(html).toMatch(new RegExp(`<noscript><form method="post" action="/horing/${round.id}/besok"[^>]*><input type="hidden" name="sett" value="2026-11-26T12:00:00.000Z"/>`));
    const res = await postForm(ctx, `/horing/${round.id}/besok`, { sett: '2026-11-26T12:00:00.000Z' }, author.headers);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/horing/${round.id}`);
    expect(await visits()).toHaveLength(1);
  });
});

describe('what is new since the last visit', () => {
  it('marks comments, answers and replies from others since the previous session, and keeps the marks while paging in this one', async () => {
    const mine = commentIdFrom(await postComment(ctx, round.id, { punkt: String(round.items[0]!.id), text: 'Vår første.' }, author.headers));
    const first = textOf(await lookAtRound(ctx, round.id, author.headers));
    expect(first).toContain('Første gang du åpner denne høringen');
    expect(first).not.toContain('Ny kommentar');

    ctx.clock.advance({ minutes: 10 });
    const other = await organisationMember(ctx, 'Pasientforeningen');
    commentIdFrom(await postComment(ctx, round.id, { punkt: String(round.items[1]!.id), text: 'Deres kommentar.' }, other.headers));
    const architect = await signIn(ctx, 'architect');
    await postForm(ctx, `/horing/${round.id}/kommentarer/${mine}/behandling`, { ...(await basisOf(ctx.db, mine)), status: 'tatt-til-folge', answer: 'Tatt inn.' }, architect);
    await postForm(ctx, `/horing/${round.id}/kommentarer/${mine}/svar`, { text: 'Takk for innspillet.' }, architect);

    // Same session as the first visit: the list measures from the visit before it, and there was none.
    expect(textOf(await (await ctx.app.request('/horing', { headers: author.headers })).text())).toContain('Ikke åpnet før');

    ctx.clock.advance({ minutes: 5 });
    const later = await signInAs(ctx, author.user); // a new visit
    expect(textOf(await (await ctx.app.request('/horing', { headers: later })).text())).toContain('2 kommentarer med noe nytt');
    const text = textOf(await lookAtRound(ctx, round.id, later));
    expect(text).toContain('1 ny kommentar, 1 nytt svar fra prosjektet og 1 kommentar med nye innlegg i tråden');
    expect(text).toMatch(/Støtte fra Norsk Sykepleierforbund.*Nytt svar fra prosjektet.*Nye innlegg i tråden.*Vår første\./s);
    expect(text).toMatch(/Støtte fra Pasientforeningen.*Ny kommentar.*Deres kommentar\./s);

    // Only what is new, through htmx, and the same marks on a second look in this session.
    const onlyNew = textOf(await (await ctx.app.request(`/horing/${round.id}?nye=ja`, { headers: { ...later, ...htmx } })).text());
    expect(onlyNew).toContain('2 kommentarer passer filteret.');
    expect(textOf(await lookAtRound(ctx, round.id, later, '?vis=status'))).toContain('Ny kommentar');

    // The next visit with nothing new in between says so.
    ctx.clock.advance({ minutes: 5 });
    const third = textOf(await lookAtRound(ctx, round.id, await signInAs(ctx, author.user)));
    expect(third).toContain('ingenting nytt');
    expect(third).not.toContain('Ny kommentar');
  });

  it('keeps what arrived while the page was loading new for next time', async () => {
    await lookAtRound(ctx, round.id, author.headers); // a first visit
    ctx.clock.advance({ minutes: 10 });
    const later = await signInAs(ctx, author.user);
    const html = await (await ctx.app.request(`/horing/${round.id}`, { headers: later })).text();
    const sett = /sett&quot;:&quot;([^&]+)&quot;/.exec(html)![1]!;
    // A comment arrives after the page was read, before its visit report comes in.
    ctx.clock.advance({ seconds: 2 });
    const other = await organisationMember(ctx, 'Pasientforeningen');
    await postComment(ctx, round.id, { punkt: String(round.items[1]!.id), text: 'Skrevet mens siden lastet.' }, other.headers);
    ctx.clock.advance({ seconds: 1 });
    expect((await postForm(ctx, `/horing/${round.id}/besok`, { sett }, { ...later, ...htmx })).status).toBe(204);

    ctx.clock.advance({ minutes: 5 });
    const next = textOf(await lookAtRound(ctx, round.id, await signInAs(ctx, author.user)));
    expect(next).toContain('1 ny kommentar');
    expect(next).toMatch(/Ny kommentar.*Skrevet mens siden lastet\./s);
  });
});
