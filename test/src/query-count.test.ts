import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.tsx';
import { growModel, growReviews } from '../../seeds/synthetic.ts';
import { insertUser } from '../../src/commands/writes/accounts.ts';
import { recordAudit } from '../../src/commands/writes/audit.ts';
import { insertInvite } from '../../src/commands/writes/invites.ts';
import { configWith } from '../../src/config.ts';
import { reviseComment } from '../../src/commands/writes/consultation-comments.ts';
import { addComments, addReply, makeRound, organisationMember } from '../consultation-fixtures.ts';
import { htmx, postForm, postShown, sameOrigin, signIn, signInAs, testApp, testClock, testDb } from '../helpers.ts';
import { openRound } from './review/helpers.ts';

/**
 * The SQL statements one request runs, on a model grown to `factor` times the seed by the
 * generator (at 100×: 3,400 linked services, 5,000 requirements, 20,000 comments over 10 rounds,
 * every municipality but Oslo with a submitted review), as a signed-in architect (so the pages
 * carry the workspace's controls too). Each database is built once for the file.
 */
type FormOf = (page: { hidden: (path: string) => Promise<Record<string, string>>; version: (kind: string, key: string) => Promise<string> }) => Promise<Record<string, string>>;

/** Changes whose answer is a fragment of one element, with the form each posts. */
const changes: Array<[string, FormOf]> = [
  ['/matriser/personellgrupper/celle', async ({ hidden }) => ({ service: 'multidose', group: 'fastleger', usage: 'reads', ...(await hidden('/matriser/personellgrupper/celle?service=multidose&group=fastleger')) })],
  ['/matriser/aktorer/celle', async ({ hidden }) => ({ service: 'multidose', actor: 'innbygger', 'mode-sende-og-motta': 'uvurdert', ...(await hidden('/matriser/aktorer/celle?service=multidose&actor=innbygger')) })],
  ['/informasjonstjenester/multidose/koblinger', async ({ version }) => ({ version: await version('informationService', 'multidose'), goals: 'involverte-pasienter' })],
  ['/krav/aks-0001/koblinger', async ({ version }) => ({ version: await version('requirement', 'aks-0001'), target: 'goal:involverte-pasienter' })],
  ['/informasjonstjenester/multidose/krav', async ({ version }) => ({ version: await version('informationService', 'multidose'), requirement: 'AKS-0002' })],
  ['/mal/morgendagens-utfordringer', async ({ version }) => ({ version: await version('goal', 'morgendagens-utfordringer'), name: 'Morgendagens utfordringer (endret)' })],
  ['/informasjonskategorier/plan/slett', async ({ version }) => ({ version: await version('informationCategory', 'plan') })],
  // «Legg til» on the new round form: the elements' fieldset with one more.
  ['/horing/ny', async () => ({ title: 'Ny runde', add: 'AKS-0001' })],
];

async function queriesPerPage(factor: number, paths: string[], sizes = new Map<string, number>()): Promise<Map<string, string>> {
  let count = 0;
  const db = await testDb({ log: (e) => (e.level === 'query' ? count++ : undefined) });
  await growModel(db, factor, { except: ['0301'] });
  const clock = testClock();
  const config = configWith({});
  const app = createApp({ db, config, now: clock.now, logError: () => {} });
  const session = { app, db, clock, config, queries: [], errors: [], users: new Map() };
  const architect = await signIn(session, 'architect');
  // Oslo (left without a review by the generator), for its own review form.
  const oslo = await signIn(session, 'municipality');
  const counts = new Map<string, string>();
  for (const path of paths) {
    // Every page as an architect; the paged regions also as the fragment htmx asks for; Oslo's review also as Oslo.
    const viewers = [
      ['architect', architect] as const,
      ...(/^\/(matriser|gapanalyse|informasjonstjenester\?|krav\?)/.test(path) ? [['htmx', { ...architect, ...htmx }] as const] : []),
      ...(/\/kommuner\/0301/.test(path) ? [['municipality', oslo] as const] : []),
    ];
    for (const [who, headers] of viewers) {
      count = 0;
      const res = await app.request(path, { headers });
      expect(res.status, `${who} ${path}`).toBe(200);
      const html = await res.text();
      // The requirement list pages 50 at a time: its size does not grow with the set (issue 13).
      if (path.startsWith('/krav?') || path === '/krav') expect(html.length, path).toBeLessThan(300_000);
      counts.set(`${who} ${path}`, `${res.status}: ${count} queries`);
      sizes.set(`${who} ${path}`, Buffer.byteLength(html));
    }
  }
  // The fragments a change answers with (a cell, a section, an element's page or a delete's
  // impact), posted as htmx does from the page: the versions the page showed are read first, uncounted.
  const headers = { ...architect, ...htmx, ...sameOrigin, 'Content-Type': 'application/x-www-form-urlencoded' };
  const hidden = async (path: string) =>
    Object.fromEntries([...(await (await app.request(path, { headers: architect })).text()).matchAll(/<input type="hidden" name="(vist|version)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
  const version = async (kind: string, key: string) => String((await db.selectFrom('element').select('version').where('kind', '=', kind).where('key', '=', key).executeTakeFirstOrThrow()).version);
  for (const [path, fields] of changes) {
    const body = new URLSearchParams(await fields({ hidden, version }));
    count = 0;
    const res = await app.request(path, { method: 'POST', body, headers });
    const html = await res.text();
    expect(res.status, `POST ${path}: ${html.slice(0, 200)}`).toBe(200);
    counts.set(`POST ${path}`, `${res.status}: ${count} queries`);
    sizes.set(`POST ${path}`, Buffer.byteLength(html));
  }
  await db.destroy();
  return counts;
}

describe('the number of SQL queries a page issues does not grow with the model', () => {
  const paths = [
    '/',
    '/informasjonstjenester',
    '/informasjonstjenester?tier=2023',
    '/informasjonstjenester?tier=pluss&side=1',
    '/elementer',
    '/veikart',
    '/kommuner',
    '/kilde',
    '/aktorer',
    '/mal',
    '/leveransetrinn',
    '/informasjonskategorier',
    '/tjenesteomrader',
    '/samhandlingsformer',
    '/losningsdeler',
    '/risikoer',
    '/grensesnitt',
    '/nasjonale-losninger',
    '/krav/aks-0001/rediger',
    '/matriser/personellgrupper',
    '/matriser/personellgrupper/dekning?category=plan',
    '/matriser/aktorer',
    '/matriser/aktorer?category=plan',
    '/matriser/personellgrupper?service=multidose',
    '/matriser/aktorer/dekning',
    '/gapanalyse',
    '/funksjonsomrader',
    '/portefolje',
    '/informasjonstjenester/multidose',
    '/tjenesteomrader/legevakt',
    '/aktorer/spesialisthelsetjenesten',
    '/informasjonskategorier/plan',
    '/leveransetrinn/2023',
    '/funksjonsomrader/dokumentasjon-av-forlop-og-tilstand',
    '/krav/aks-0001',
    '/krav/aks-0001/rediger',
    '/krav/kapitler',
    '/krav/typer',
    '/krav',
    '/krav?status=approved&sort=priority&dir=desc',
    '/krav?element=informationService:multidose&q=skal&sort=changed',
    '/krav?tier=2023&sort=chapter&chapter=none',
    '/krav/masse?action=status&newStatus=approved&scope=filtered&status=draft&priority=must',
    '/krav/masse?action=link&linkElement=informationService:multidose&scope=selected&selected=1&selected=2',
    '/krav/sporbarhet',
    '/krav/sporbarhet?etter=funksjonsomrader&prioritet=must',
    '/krav/sporbarhet?trinn=2023&side=2',
    '/mal/trygghet-og-pasientsikkerhet',
    '/api/model',
    '/api/model?cursor=&limit=50',
    '/api/model?cursor=s.0&limit=50',
    '/api/model?cursor=r.0&limit=50',
    '/sok?q=plan',
    '/koblingsmal?hva=krav&q=AKS',
    '/koblingsmal?hva=element&target=multi',
    '/gapanalyse/panel?for=personell',
    '/informasjonstjenester/ny',
    '/informasjonstjenester/multidose/rediger',
    '/informasjonstjenester/multidose/koblinger',
    '/matriser/aktorer/celle?service=multidose&actor=innbygger',
    '/matriser/aktorer/celle?service=multidose&actor=innbygger&vis=1',
    '/matriser/personellgrupper/celle?service=multidose&group=fastleger',
    '/matriser/personellgrupper/celle?service=multidose&group=fastleger&vis=1',
    '/diagrammer',
    '/diagrammer/omfang',
    '/diagrammer/samhandling?group=legevakt',
    '/diagrammer/forste-leveranse',
    '/diagrammer/forste-leveranse?expand=plan',
    '/diagrammer/veikart',
    '/diagrammer/avhengigheter?tier=2023',
    '/diagrammer/avhengigheter.mmd',
    '/diagrammer/samhandling',
    '/diagrammer/forste-leveranse?expand=plan&side=2',
    '/diagrammer/avhengigheter',
    '/diagrammer/avhengigheter?expand=plan&side=99',
    '/diagrammer/tjeneste?q=plan',
    '/diagrammer/tjeneste/multidose',
    '/horing',
    '/horing/1',
    '/horing/1?side=2',
    // The round form lists the elements chosen, not every element (issue 10).
    '/horing/ny',
    '/horing/1/rediger',
    '/vurdering',
    '/vurdering/runder/1',
    // A municipality's review: Oslo's own form (and, to the architect, one not started), and a submitted one read.
    '/vurdering/runder/1/kommuner/0301',
    '/vurdering/runder/1/kommuner/1101?side=1',
    '/vurdering/dashbord',
    '/vurdering/dashbord?sorter=omstridt',
  ];

  /**
   * Pages still over 300 KB of HTML at 100× (issue 10 asks that none be, exports aside). Each is
   * named here with why, so the list can only shrink: a page not named here that grows past the
   * limit fails the test.
   */
  const overLimit: Record<string, string> = {
    '/api/model': 'the whole model is an export; ?cursor= pages it',
  };

  /**
   * Exports whose queries grow with the model on purpose, with why. Each is held to batches: at
   * 100× (about 60,000 rows) at most 250 queries more than at 1×, never one per row.
   */
  const batched: Record<string, string> = {
    '/api/model': 'the whole export is streamed, read 1,000 rows per query (and the change counter checked after each), so memory never holds the model',
  };
  const queriesOf = (count: string | undefined) => Number(/: (\d+) queries/.exec(count ?? '')?.[1] ?? Number.NaN);

  it('is the same on the seed grown 1× and 100×, for every page and fragment, and no page but the named ones passes 300 KB at 100×', { timeout: 600_000 }, async () => {
    const small = await queriesPerPage(1, paths);
    const sizes = new Map<string, number>();
    const large = await queriesPerPage(100, paths, sizes);
    for (const [page, count] of small) {
      if (page.slice(page.indexOf(' ') + 1) in batched) {
        expect(queriesOf(large.get(page)) - queriesOf(count), page).toBeLessThanOrEqual(250);
        continue;
      }
      expect(large.get(page), page).toBe(count);
      expect(count, page).not.toMatch(/: 0 queries/);
    }
    // Every page over the limit at once (not only the first), with its size.
    const over = [...sizes]
      .filter(([page, bytes]) => !(page.slice(page.indexOf(' ') + 1) in overLimit) && bytes >= 300 * 1024)
      .map(([page, bytes]) => `${page}: ${Math.round(bytes / 1024)} KB`);
    expect(over, 'pages over 300 KB at 100×').toEqual([]);
    expect(sizes.size, 'every page measured').toBeGreaterThan(paths.length - 1 + changes.length);
  });
});

describe('the administration pages issue a fixed number of queries whatever the number of users', () => {
  async function queriesPerAdminPage(extra: number): Promise<Map<string, number>> {
    const ctx = await testApp();
    const admin = await signIn(ctx, 'administrator');
    const reader = await signIn(ctx, 'reader');
    const at = ctx.clock.now();
    await signIn(ctx, 'organisation'); // organisation 1, with one member
    for (let i = 0; i < extra; i++) {
      const org = await ctx.db.insertInto('organisation').values({ name: `Forening ${i}`, kind: 'annet', contact: '', created_at: at.toISOString(), updated_at: at.toISOString() }).returning('id').executeTakeFirstOrThrow();
      await insertUser(ctx.db, { email: `u${i}@test.no`, name: `Bruker ${i}`, role: 'organisation', municipalityNumber: null, organisationId: org.id, passwordHash: 'x' }, at);
      await insertInvite(ctx.db, { purpose: 'invite', email: `ny${i}@test.no`, role: 'municipality', municipalityNumber: '0301', organisationId: null, createdBy: null }, at, new Date(at.getTime() + 3_600_000));
      await recordAudit(ctx.db, { at, userId: 1, clientAddress: null, action: `test.${i}`, before: { i }, after: { i: i + 1 } });
    }
    const counts = new Map<string, number>();
    for (const [path, headers] of [
      ['/admin/brukere', admin],
      ['/admin/brukere/2', admin],
      ['/admin/invitasjoner', admin],
      ['/admin/organisasjoner', admin],
      ['/admin/organisasjoner/1', admin],
      ['/admin/logg', admin],
      ['/admin/logg.csv', admin],
      ['/informasjonstjenester', reader],
    ] as const) {
      ctx.queries.length = 0;
      const res = await ctx.app.request(path, { headers });
      expect(res.status, path).toBe(200);
      await res.text();
      counts.set(path, ctx.queries.length);
    }
    await ctx.db.destroy();
    return counts;
  }

  it('is the same with two users and with forty more users, organisations, invitations and audit events', async () => {
    const small = await queriesPerAdminPage(0);
    const large = await queriesPerAdminPage(40);
    for (const [path, count] of small) expect(large.get(path), path).toBe(count);
  });
});

describe('the consultation pages issue a fixed number of queries whatever the number of comments', () => {
  /** A round on every seeded requirement with `comments` comments from `organisations` organisations, answered, hidden, replied to and edited. */
  async function queriesPerConsultationPage(comments: number, organisations: number): Promise<Map<string, number>> {
    const ctx = await testApp({ config: { CONSULTATION_PAGE_SIZE: '10' } });
    const { id, items } = await makeRound(ctx.db);
    const orgs: number[] = [];
    for (let i = 0; i < organisations; i++) orgs.push((await organisationMember(ctx, `Forening ${i}`)).organisationId);
    // Two proposals first (so their ids are the same in every run): one accepted and ready to apply, one applied.
    const proposals = await addComments(
      ctx.db,
      [0, 1].map(() => ({ roundId: id, itemId: items[0]!.id, organisationId: orgs[0]!, kind: 'endringsforslag' as const, proposal: 'Løsningen skal omfatte legevakt.', baseText: items[0]!.currentText })),
    );
    await ctx.db.updateTable('consultation_comment').set({ status: 'tatt-til-folge', answer: 'Enig.', answered_at: '2026-11-26T12:30:00.000Z', answered_version: 1, answered_status: 'tatt-til-folge' }).where('id', 'in', proposals).execute();
    await ctx.db.updateTable('consultation_comment').set({ applied_comment_version: 1, applied_element_version: 2, applied_at: '2026-11-26T12:40:00.000Z' }).where('id', '=', proposals[1]!).execute();
    const ids = await addComments(
      ctx.db,
      Array.from({ length: comments }, (_, i) => ({
        roundId: id,
        itemId: items[i % items.length]!.id,
        organisationId: orgs[i % orgs.length]!,
        kind: i % 4 === 0 ? ('endringsforslag' as const) : ('stotte' as const),
        proposal: i % 4 === 0 ? `Forslag ${i}` : null,
        baseText: i % 4 === 0 ? 'Tekst' : null,
      })),
    );
    for (const [i, commentId] of ids.entries()) {
      if (i % 2 === 0) await ctx.db.updateTable('consultation_comment').set({ status: 'tatt-til-folge', answer: `Svar ${i}`, answered_at: '2026-11-26T12:30:00.000Z', answered_version: 1, answered_status: 'tatt-til-folge' }).where('id', '=', commentId).execute();
      if (i % 5 === 0) await ctx.db.updateTable('consultation_comment').set({ hidden_at: '2026-11-23T12:00:00.000Z', hidden_reason: 'Grunn' }).where('id', '=', commentId).execute();
      if (i % 3 === 0) await addReply(ctx.db, commentId, `Innlegg ${i}`, null, new Date('2026-11-26T12:30:00Z'));
      if (i % 7 === 0) await reviseComment(ctx.db, commentId, { version: 1, revision: 1 }, { kind: 'sporsmal', text: `Endret ${i}`, proposal: null, baseText: null, editorId: null }, new Date('2026-11-24T12:00:00Z'));
    }
    const { user } = await organisationMember(ctx, 'Forening 0');
    // A fresh session for each pass: the first records a first visit, the second has a mark for what is new.
    const viewers: Record<string, () => Promise<Record<string, string>>> = {
      anonymous: async () => ({}),
      member: () => signInAs(ctx, user),
      architect: () => signIn(ctx, 'architect'),
      administrator: () => signIn(ctx, 'administrator'),
    };
    const paths = [
      '/horing',
      `/horing/${id}`,
      `/horing/${id}?vis=organisasjon&side=2`,
      `/horing/${id}?vis=status&status=tatt-til-folge`,
      `/horing/${id}?nye=ja`,
      `/horing/${id}/rapport`,
      `/horing/${id}/rapport.csv`,
      `/horing/${id}/rapport.md`,
      `/horing/${id}/kommentarer/${ids[0]}`,
      `/horing/${id}/kommentarer/${proposals[0]}`,
      `/horing/${id}/kommentarer/${proposals[1]}`,
      `/horing/organisasjon/${orgs[0]}`,
    ];
    const counts = new Map<string, number>();
    for (const [who, session] of Object.entries(viewers)) {
      for (const pass of [1, 2]) {
        const headers = await session();
        for (const path of paths) {
          ctx.queries.length = 0;
          const res = await ctx.app.request(path, { headers });
          expect(res.status, `${who} ${path}`).toBe(200);
          const html = await res.text();
          counts.set(`${who} ${pass} ${path}`, ctx.queries.length);
          // The round page reports the visit once loaded, as the browser does: a POST with a fixed count too.
          const visit = /hx-post="([^"]+\/besok)"[^>]*hx-vals="([^"]*)"/.exec(html);
          if (visit) {
            ctx.queries.length = 0;
            const reported = await postForm(ctx, visit[1]!, JSON.parse(visit[2]!.replace(/&quot;/g, '"')) as Record<string, string>, { ...headers, ...htmx });
            expect(reported.status, `${who} ${path}: the visit`).toBe(204);
            counts.set(`${who} ${pass} POST ${visit[1]} after ${path}`, ctx.queries.length);
          }
        }
        ctx.clock.advance({ minutes: 1 });
      }
    }
    await ctx.db.destroy();
    return counts;
  }

  it('is the same with 3 comments from 2 organisations as with 120 from 15, for every kind of viewer', async () => {
    const few = await queriesPerConsultationPage(3, 2);
    const many = await queriesPerConsultationPage(120, 15);
    for (const [key, count] of few) expect(many.get(key), key).toBe(count);
    // The second visit adds what is new: one query more on the round page, not one per comment.
    expect(few.get('member 2 /horing/1')).toBe(few.get('member 1 /horing/1')! + 1);
    // Signed-in viewers report their visit from the page; anonymous readers have none to report.
    expect(few.has('member 1 POST /horing/1/besok after /horing/1')).toBe(true);
    expect([...few.keys()].filter((k) => k.startsWith('anonymous') && k.includes('besok'))).toEqual([]);
  });
});

describe('the municipal review pages issue a fixed number of queries whatever the model and the number of reviews', () => {
  /** A round on a model grown `factor` times, reviewed and declared by `others` municipalities besides Oslo. */
  async function queriesPerReviewPage(factor: number, others: number): Promise<Map<string, number>> {
    const ctx = await testApp();
    await growModel(ctx.db, { factor, link: true });
    const round = await openRound(ctx);
    const architect = await signIn(ctx, 'architect');
    const oslo = await signIn(ctx, 'municipality');
    const services = await ctx.db.selectFrom('review_round_service').select(['id', 'element_id']).where('round_id', '=', round).orderBy('position').execute();
    // Oslo's draft, then other municipalities' submitted reviews on every service, and their declarations.
    await postShown(ctx, `/vurdering/runder/${round}/kommuner/0301`, { handling: 'lagre', [`standpunkt-${services[0]!.id}`]: 'supports' }, oslo);
    await growReviews(ctx.db, { municipalities: others, now: ctx.clock.now() });
    const other = (await ctx.db.selectFrom('municipality_review').select('municipality_number').where('municipality_number', '!=', '0301').executeTakeFirstOrThrow()).municipality_number;
    // The live scope moves on after the round opened: a rename and a removal to mark.
    await ctx.db.updateTable('element').set({ name: 'Endret navn' }).where('id', '=', services[1]!.element_id!).execute();
    await ctx.db.deleteFrom('element').where('id', '=', services[2]!.element_id!).execute();

    const counts = new Map<string, number>();
    for (const [label, path, headers] of [
      ['anonymous', '/vurdering', {}],
      ['architect', '/vurdering', architect],
      ['municipality', '/vurdering', oslo],
      ['architect', `/vurdering/runder/${round}`, architect],
      ['municipality', `/vurdering/runder/${round}`, oslo],
      ['municipality', `/vurdering/runder/${round}/kommuner/0301`, oslo],
      ['architect', `/vurdering/runder/${round}/kommuner/${other}`, architect],
      ['architect', '/vurdering/intensjon', architect],
      ['municipality', '/vurdering/intensjon/0301', oslo],
      ['anonymous', '/vurdering/dashbord', {}],
      ['architect', '/vurdering/dashbord?sorter=omstridt', architect],
      ['architect', `/vurdering/dashbord?runde=${round}&standpunkt=opposes&side=2`, architect],
      ['municipality', `/vurdering/runder/${round}/kommuner/0301/send-inn`, oslo],
      ['htmx', `/vurdering/dashbord?runde=${round}&sorter=mot`, htmx],
      ['anonymous', '/vurdering/dashbord/eksport.csv', {}],
      ['architect', `/vurdering/runder/${round}/eksport.csv`, architect],
    ] as const) {
      ctx.queries.length = 0;
      const res = await ctx.app.request(path, { headers });
      expect(res.status, path).toBe(200);
      await res.text();
      counts.set(`${label} ${path.replace(/\d+/g, 'N')}`, ctx.queries.length);
    }
    await ctx.db.destroy();
    return counts;
  }

  it('is the same on the seeded model with two reviews and on a ten times larger one with forty', async () => {
    const small = await queriesPerReviewPage(1, 2);
    const large = await queriesPerReviewPage(10, 40);
    for (const [page, count] of small) {
      expect(large.get(page), page).toBe(count);
      expect(count, page).toBeGreaterThan(0);
    }
  });
});
