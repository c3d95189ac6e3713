import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeComment } from '../../src/commands/consultation-comments.ts';
import { addRelation, RelationRefused } from '../../src/commands/element-links.ts';
import { RuleRefused, spoken } from '../../src/commands/errors.ts';
import { createUser } from '../../src/commands/users.ts';
import { readArchimate } from '../../model/exchange/archimate-read.ts';
import { reportTextIn } from '../../model/exchange/import-report.ts';
import { requirementSheetColumns } from '../../model/exchange/requirement-sheet.ts';
import { catalogues } from '../../views/i18n/catalogues.ts';
import { i18nFor } from '../../views/i18n/index.ts';
import { messageText } from '../../views/i18n/issues.ts';
import { makeRound, organisationMember } from '../consultation-fixtures.ts';
import { callerWith } from '../src/commands/refusals.ts';
import { createTestUser, htmx, postForm, postShown, sameOrigin, signIn, testApp, testPassword, textOf, type TestContext } from '../helpers.ts';

/**
 * The English interface speaks English: every page the route walk reaches, rendered with
 * `Accept-Language: en`, is searched for bokmål interface text, i.e. text that is neither in the
 * message catalogues nor domain content (every text value stored in the database counts as domain
 * content, which stays as entered).
 *
 * `stillBokmal` names the route patterns that still show such text, with who is moving it. The list
 * may only shrink: a page not named that shows bokmål fails, and so does a named page that no longer
 * does (remove its entry).
 */
const stillBokmal: Record<string, string> = {};

const sampleParams: Record<string, string> = {
  name: 'app.css',
  kindPath: 'informasjonstjenester',
  key: 'multidose',
  document: 'akson-arena-2019-10-24',
  token: 'ingen-slik-lenke',
  id: '1',
  file: 'multidose.mmd',
  kommentar: '1',
  kommune: '0301',
  tjeneste: '1',
};
const concrete = (pattern: string) => pattern.replace(/:(\w+)(?:\{[^/]*\})?/g, (_, name: string) => sampleParams[name] ?? 'x');

/** Words that mark a text as bokmål (and are not English words), or a letter English does not use. */
const bokmal = /[æøåÆØÅ]|\b(?:og|ikke|eller|av|på|til|med|som|er|har|ingen|alle|nytt|nye|lagre|endre|slett|velg|neste|forrige|tilbake|logg|uten|mangler|antall|kommuner?|tjenester?|krav|hvis|gjelder|ble|blir|skal|kan ikke|vis|viser|søk|sider?|av \d+)\b/i;

const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const skipped = new Set(['script', 'style', 'pre', 'textarea', 'template', 'svg']);
const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'", '#x27': "'" };
const decode = (s: string) => s.replace(/&(#?\w+);/g, (m, e: string) => entities[e] ?? (e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : m));
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The texts a reader meets on a page: text nodes and the attributes read out or shown (aria-label,
 * title, placeholder, alt, a button's value), outside scripts, code and parts marked `lang="nb"`.
 */
function readableTexts(html: string): string[] {
  const texts: string[] = [];
  const stack: Array<{ tag: string; quiet: boolean }> = [];
  const quiet = () => stack.at(-1)?.quiet ?? false;
  const token = /<!--[\s\S]*?-->|<!DOCTYPE[^>]*>|<(\/?)([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)/g;
  for (const m of html.matchAll(token)) {
    const [, closing, rawTag, attrs = '', text] = m;
    if (text !== undefined) {
      if (!quiet()) texts.push(squash(decode(text)));
      continue;
    }
    if (!rawTag) continue;
    const tag = rawTag.toLowerCase();
    if (closing) {
      const at = stack.map((s) => s.tag).lastIndexOf(tag);
      if (at >= 0) stack.length = at;
      continue;
    }
    const lang = /\slang="([^"]*)"/.exec(attrs)?.[1];
    const isQuiet = quiet() || skipped.has(tag) || (lang !== undefined && /^(nb|nn|no)\b/.test(lang));
    if (!isQuiet) {
      for (const a of attrs.matchAll(/\s(aria-label|title|placeholder|alt|value)="([^"]*)"/g)) {
        if (a[1] === 'value' && !/type="(?:submit|button|reset)"/.test(attrs)) continue;
        texts.push(squash(decode(a[2] ?? '')));
      }
    }
    if (!voidElements.has(tag) && !attrs.trimEnd().endsWith('/')) stack.push({ tag, quiet: isQuiet && tag !== 'html' });
  }
  return texts.filter((t) => t.length > 0);
}

describe('the English interface', () => {
  let ctx: TestContext;
  let domain = '';
  let names: string[] = [];
  beforeAll(async () => {
    ctx = await testApp();
    await makeRound(ctx.db);
    // Every text stored in the database is domain content (names, descriptions, comments, municipalities).
    const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(ctx.db);
    const values: string[] = [];
    for (const { name } of tables.rows) {
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(ctx.db);
      for (const row of rows.rows) for (const v of Object.values(row)) if (typeof v === 'string' && v.length > 1) values.push(squash(v));
    }
    domain = values.join('\u0000');
    // Any length: a long document title in <title>, an editors' note in a tag's title beside the interface's own words.
    names = [...new Set(values.filter((v) => v.length >= 2))].sort((a, b) => b.length - a.length);
  });
  afterAll(() => ctx.db.destroy());

  /** What is left of a text once the domain content in it is taken out. */
  function interfacePart(text: string): string {
    if (domain.includes(text)) return '';
    let rest = text;
    for (const n of names) {
      // A short name (Hå, Ås) only where it stands as a word, not inside another one.
      if (n.length < 4) rest = rest.replace(new RegExp(`(^|[\\s(«])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=$|[\\s),.:;»])`, 'g'), '$1 ');
      else if (rest.includes(n)) rest = rest.split(n).join(' ');
    }
    return squash(rest);
  }

  it('shows no bokmål interface text on any page the route walk reaches, for any role', async () => {
    const found = new Map<string, Set<string>>();
    let pages = 0;
    for (const role of [null, 'architect', 'municipality', 'organisation', 'administrator'] as const) {
      const session = role ? await signIn(ctx, role) : {};
      const routes = [...new Set(ctx.app.routes.filter((r) => r.method === 'GET').map((r) => r.path))];
      for (const pattern of routes) {
        const res = await ctx.app.request(concrete(pattern), { headers: { ...session, 'Accept-Language': 'en' } });
        if (!res.headers.get('content-type')?.startsWith('text/html')) continue;
        const html = await res.text();
        if (!html.startsWith('<!DOCTYPE html>')) continue;
        pages++;
        // The kinds' routes are named without their pattern of kind paths: /:kindPath/:key.
        const page = pattern.replace(/\{[^}]*\}/g, '');
        for (const text of readableTexts(html)) {
          const rest = interfacePart(text);
          if (rest && bokmal.test(rest)) {
            if (!found.has(page)) found.set(page, new Set());
            found.get(page)!.add(rest.length > 90 ? `${rest.slice(0, 90)}…` : rest);
          }
        }
      }
    }
    expect(pages).toBeGreaterThan(30);
    if (process.env.PRINT_BOKMAL) console.log(JSON.stringify([...found.keys()]));
    const unexpected = [...found].filter(([pattern]) => !(pattern in stillBokmal)).map(([pattern, texts]) => `${pattern}: ${[...texts].slice(0, 8).join(' | ')}`);
    const fixed = Object.keys(stillBokmal).filter((pattern) => !found.has(pattern));
    expect(unexpected, 'pages showing bokmål interface text in English (move the text into the catalogues)').toEqual([]);
    expect(fixed, 'pages named in stillBokmal that are English now (remove their entries)').toEqual([]);
  }, 300_000);
});

/**
 * What a user is told after an action, read in English (issue 11): refusals, field errors and
 * dry-run reports that were still bokmål. Each asserts the English words and that the bokmål
 * wording is gone.
 */
describe('answers to actions in the English interface', () => {
  let ctx: TestContext;
  const en = { 'Accept-Language': 'en' } as const;
  beforeAll(async () => {
    ctx = await testApp();
  });
  afterAll(() => ctx.db.destroy());

  const idOf = async (kind: string, key: string) => (await ctx.db.selectFrom('element').select(['id', 'version']).where('kind', '=', kind).where('key', '=', key).executeTakeFirstOrThrow());
  const englishOnly = (text: string, english: string, bokmal: RegExp) => {
    expect(text).toContain(english);
    expect(text).not.toMatch(bokmal);
  };

  it('refuses a typed relation of the wrong kind with the relation and the kind named in English', async () => {
    const headers = { ...(await signIn(ctx, 'architect')), ...htmx, ...en };
    const service = await idOf('informationService', 'multidose');
    const risk = await idOf('risk', 'eid-og-helseid');
    const base = { level: 'inferred', note: 'Reason.', fromLine: '', toLine: '' };
    const to = await postForm(ctx, '/informasjonstjenester/multidose/relasjoner', { ...base, relation: 'usesInterface', version: String(service.version), target: String(risk.id) }, headers);
    expect(to.status).toBe(422);
    englishOnly(textOf(await to.text()), 'The link “Goes through interface” cannot go to an element of type “Risk”.', /kan ikke gå|Går gjennom grensesnitt|risiko/i);
    // A relation that cannot start at the page's kind has no form there: the use case's refusal, as the route would say it.
    const target = await idOf('journalInterface', 'samhandling');
    const from = await addRelation(ctx.db, callerWith('architect', { id: ctx.users.get('architect')!.id }), { relation: 'usesInterface', page: { kind: 'risk', key: 'eid-og-helseid', version: risk.version }, other: { id: target.id }, outgoing: true, provenance: { level: 'inferred', note: 'Reason.', fromLine: null, toLine: null } }).catch((error: unknown) => error);
    expect(from).toBeInstanceOf(RelationRefused);
    englishOnly(spoken(from as RelationRefused, i18nFor('en')), 'The link “Goes through interface” cannot start at an element of type “Risk”.', /kan ikke gå|Går gjennom grensesnitt/);
    expect((from as RelationRefused).message).toBe('Koblingen «Går gjennom grensesnitt» kan ikke gå fra et element av typen «Risiko».');
  });

  it('says an administrator’s field errors in English: e-mail taken, invitation pending, last administrator, unknown municipality or organisation', async () => {
    const admin = { ...(await signIn(ctx, 'administrator')), ...en };
    const reader = await createTestUser(ctx, 'reader', { email: 'leser@test.no' });
    const taken = await postForm(ctx, '/admin/invitasjoner', { email: 'leser@test.no', role: 'reader' }, admin);
    expect(taken.status).toBe(422);
    englishOnly(textOf(await taken.text()), 'There is already a user with this email address.', /Det finnes allerede/);
    await postForm(ctx, '/admin/invitasjoner', { email: 'ny@test.no', role: 'reader' }, admin);
    const pending = await postForm(ctx, '/admin/invitasjoner', { email: 'ny@test.no', role: 'reader' }, admin);
    expect(pending.status).toBe(422);
    englishOnly(textOf(await pending.text()), 'There is already a pending invitation to this address.', /ventende invitasjon/);
    const municipality = await postForm(ctx, '/admin/invitasjoner', { email: 'kommune@test.no', role: 'municipality', municipality: '9998' }, admin);
    expect(municipality.status).toBe(422);
    englishOnly(textOf(await municipality.text()), 'There is no municipality with the number 9998.', /Det finnes ingen kommune/);
    const organisation = await postForm(ctx, '/admin/invitasjoner', { email: 'org@test.no', role: 'organisation', organisation: '99999' }, admin);
    expect(organisation.status).toBe(422);
    englishOnly(textOf(await organisation.text()), 'The organisation no longer exists. Choose another one.', /Organisasjonen finnes ikke/);

    const other = await createTestUser(ctx, 'architect', { email: 'annen@test.no' });
    const emailTaken = await postShown(ctx, `/admin/brukere/${other.id}`, { name: 'Annen', email: 'leser@test.no', role: 'architect', active: 'on' }, admin);
    expect(emailTaken.status).toBe(422);
    englishOnly(textOf(await emailTaken.text()), 'Another user already has this email address.', /En annen bruker/);
    const self = ctx.users.get('administrator')!;
    const last = await postShown(ctx, `/admin/brukere/${self.id}`, { name: 'Admin', email: self.email, role: 'reader', active: 'on' }, admin);
    expect(last.status).toBe(422);
    englishOnly(textOf(await last.text()), 'There must be at least one active administrator. Give another user the role first.', /minst én aktiv/);

    // The command line's use case gives the same catalogue messages (said in bokmål there).
    const created = await createUser(ctx.db, { email: reader.email, name: 'To', role: 'reader', municipalityNumber: '9998', organisationId: null, password: testPassword }, { at: ctx.clock.now(), userId: null, clientAddress: null });
    expect(created.kind).toBe('problems');
    const said = created.kind === 'problems' ? Object.values(created.errors).map((m) => messageText(m, i18nFor('en'))) : [];
    expect(said.sort()).toEqual(['There is already a user with this email address.', 'There is no municipality with the number 9998.']);
  });

  it('refuses a form without the version it showed, or with one from elsewhere, in English', async () => {
    const admin = { ...(await signIn(ctx, 'administrator')), ...en };
    const user = await createTestUser(ctx, 'reader', { email: 'uten-versjon@test.no' });
    const missing = await postForm(ctx, `/admin/brukere/${user.id}`, { name: 'Uten', email: user.email, role: 'reader', active: 'on' }, admin);
    expect(missing.status).toBe(422);
    englishOnly(textOf(await missing.text()), 'The form does not say which version it showed', /Skjemaet sier ikke/);
    const foreign = await postForm(ctx, `/admin/brukere/${user.id}`, { name: 'Uten', email: user.email, role: 'reader', active: 'on', version: 'x' }, admin);
    expect(foreign.status).toBe(422);
    englishOnly(textOf(await foreign.text()), 'The form is not from this page; reload the page.', /Skjemaet er ikke fra denne siden/);
  });

  it('says the service-link editor’s and the bulk move’s conflicts in English', async () => {
    const headers = { ...(await signIn(ctx, 'architect')), ...htmx, ...en };
    const service = await idOf('informationService', 'multidose');
    const stale = await postForm(ctx, '/informasjonstjenester/multidose/koblinger', { version: String(service.version - 1) }, headers);
    expect(stale.status).toBe(409);
    englishOnly(textOf(await stale.text()), 'Someone else changed the service after you opened the form.', /Noen andre har endret/);
    const tier = (await ctx.db.selectFrom('element').select('key').where('kind', '=', 'deliveryTier').executeTakeFirstOrThrow()).key;
    const moved = await postForm(ctx, '/informasjonstjenester/flytt', { services: `multidose:${service.version - 1}`, tier }, headers);
    expect(moved.status).toBe(409);
    englishOnly(textOf(await moved.text()), 'after you opened the list. Nothing has been moved; reload the page and try again.', /Noen andre har endret|Ingenting er flyttet/);
  });

  it('says the requirement links’ and the relation form’s refusals in English', async () => {
    const headers = { ...(await signIn(ctx, 'architect')), ...htmx, ...en };
    const requirement = await idOf('requirement', 'aks-0001');
    const missing = await postForm(ctx, '/krav/aks-0001/koblinger', { version: String(requirement.version), target: 'informationService:finnes-ikke' }, headers);
    expect(missing.status).toBe(422);
    englishOnly(textOf(await missing.text()), 'No information service has the key “finnes-ikke”; it may have been deleted.', /Fant ikke|Fant ingen/);
    const service = await idOf('informationService', 'behandlingsmal');
    const unknownRef = await postForm(ctx, '/informasjonstjenester/behandlingsmal/krav', { version: String(service.version), requirement: 'AKS-9999' }, headers);
    expect(unknownRef.status).toBe(422);
    englishOnly(textOf(await unknownRef.text()), 'There is no requirement with the number AKS-9999; it may have been deleted.', /Det finnes ikke/);
    const noRequirement = await ctx.app.request('/krav/ingen-slik/koblinger', { method: 'POST', headers: { ...headers, ...sameOrigin, 'Content-Type': 'application/x-www-form-urlencoded' }, body: `version=1&target=${encodeURIComponent('informationService:multidose')}` });
    expect(noRequirement.status).toBe(404);
    englishOnly(textOf(await noRequirement.text()), 'There is no requirement with the key “ingen-slik”.', /Det finnes ikke/);
    const multidose = await idOf('informationService', 'multidose');
    const noTarget = await postForm(ctx, '/informasjonstjenester/multidose/relasjoner', { relation: 'usesInterface', version: String(multidose.version), target: '', level: 'inferred', note: 'Reason.', fromLine: '', toLine: '' }, headers);
    expect(noTarget.status).toBe(422);
    englishOnly(textOf(await noTarget.text()), 'Choose the element the link goes to.', /Velg elementet/);
    const badForm = await postForm(ctx, '/informasjonstjenester/multidose/relasjoner', { relation: 'ingen-slik' }, headers);
    expect(badForm.status).toBe(400);
    englishOnly(textOf(await badForm.text()), 'The form is not from this page; reload the page.', /Ugyldig skjema|Skjemaet er ikke/);
  });

  it('says the requirement, search and traceability forms’ validation in English', async () => {
    const headers = { ...(await signIn(ctx, 'architect')), ...htmx, ...en };
    const requirement = await idOf('requirement', 'aks-0001');
    const code = await postForm(ctx, '/krav/aks-0001/koblinger', { version: String(requirement.version), target: 'ikke-en-kode' }, headers);
    expect(code.status).toBe(422);
    englishOnly(textOf(await code.text()), 'Write the code of an element (type:key, e.g. informationService:multidose), or choose from the suggestions.', /Skriv koden/);
    const search = textOf(await (await ctx.app.request(`/sok?q=${'x'.repeat(201)}`, { headers: en })).text());
    englishOnly(search, 'The search can be at most 200 characters long.', /Søket kan/);
    const trace = textOf(await (await ctx.app.request('/krav/sporbarhet?prioritet=snart&ukjent=1', { headers: en })).text());
    expect(trace).toMatch(/prioritet must be one of must, should, could, wont\.|Unknown parameter: ukjent\./);
    expect(trace).not.toMatch(/må være en av|Ukjent parameter/);
  });

  it('says a database fault, an unreadable form and a body too large in English', async () => {
    const headers = { ...(await signIn(ctx, 'architect')), ...sameOrigin, ...en };
    await sql`pragma query_only = on`.execute(ctx.db);
    let readOnly: Response;
    try {
      readOnly = await postForm(ctx, '/vurdering/runder', { title: 'Round', deadline: '2026-12-15' }, headers);
    } finally {
      // Off again even if the post throws: the connection is shared by the file's later tests.
      await sql`pragma query_only = off`.execute(ctx.db);
    }
    expect(readOnly.status).toBe(503);
    englishOnly(textOf(await readOnly.text()), 'The database does not accept changes now', /skrivebeskyttet|Databasen/);
    const unreadable = await ctx.app.request('/mal', { method: 'POST', body: 'x', headers: { ...headers, 'Content-Type': 'multipart/form-data' } });
    expect(unreadable.status).toBe(400);
    englishOnly(textOf(await unreadable.text()), 'The form that was sent cannot be read.', /Skjemaet som ble sendt/);
    const large = await ctx.app.request('/mal', { method: 'POST', body: `name=${'x'.repeat(1024 * 1024 + 10)}`, headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(large.status).toBe(413);
    englishOnly(textOf(await large.text()), 'What was sent is too large. Nothing has been saved.', /for stort|For stor/);
  });

  it('says a database fault in English when it comes while the session is read, before the language is known', async () => {
    const headers = { ...(await signIn(ctx, 'architect')), ...en };
    // Seen again after a few minutes, the session is refreshed (a write) while the viewer is read,
    // before the language middleware has run: the read-only database refuses there.
    ctx.clock.advance({ minutes: 5 });
    await sql`pragma query_only = on`.execute(ctx.db);
    let page: Response;
    let api: Response;
    try {
      page = await ctx.app.request('/', { headers });
      api = await ctx.app.request('/api/model', { headers });
    } finally {
      await sql`pragma query_only = off`.execute(ctx.db);
    }
    expect(page.status).toBe(503);
    const text = textOf(await page.text());
    englishOnly(text, 'The database does not accept changes now', /skrivebeskyttet|Databasen/);
    // The page around the message too: the menu and the way back.
    englishOnly(text, 'Back to the overview or use the menu above.', /Logg inn|Tilbake til oversikten|Statuskode/);
    expect(api.status).toBe(503);
    expect(((await api.json()) as { error: { message: string } }).error.message).toBe('The database is read-only right now (for example during maintenance or a restore), so the change was not saved. Nothing has been saved. You can still read; try again later.');
  });

  it('says the language form’s and the API’s refusals in English', async () => {
    const language = await postForm(ctx, '/sprak', { sprak: 'xx' }, { ...en });
    expect(language.status).toBe(422);
    englishOnly(textOf(await language.text()), 'There is no such language.', /Det språket/);
    const page = await ctx.app.request('/api/model?limit=mange', { headers: en });
    expect(page.status).toBe(400);
    expect(((await page.json()) as { error: { message: string } }).error.message).toBe('Invalid cursor or limit.');
  });

  it('says an element form’s references that do not exist in English', async () => {
    const headers = { ...(await signIn(ctx, 'architect')), ...htmx, ...en };
    const created = await postForm(ctx, '/informasjonstjenester', { name: 'X', category: 'finnes-ikke' }, headers);
    expect(created.status).toBe(422);
    englishOnly(textOf(await created.text()), 'There is no information category with the key “finnes-ikke”.', /Fant ingen/);
    const links = await postForm(ctx, '/informasjonstjenester/multidose/koblinger', { version: String((await idOf('informationService', 'multidose')).version), capabilities: 'finnes-ikke' }, headers);
    expect(links.status).toBe(422);
    englishOnly(textOf(await links.text()), 'There is no capability with the key “finnes-ikke”.', /Fant ingen/);
  });

  it('says a requirement list filter that names nothing in English', async () => {
    const list = textOf(await (await ctx.app.request('/krav?chapter=999', { headers: en })).text());
    englishOnly(list, 'There is no chapter with number 999.', /Det finnes ikke/);
    const audit = textOf(await (await ctx.app.request('/admin/logg?ukjent=1', { headers: { ...(await signIn(ctx, 'administrator')), ...en } })).text());
    englishOnly(audit, 'Unknown parameter: ukjent.', /Ukjent parameter/);
  });

  it('says a link provenance form’s problems in English', async () => {
    const headers = { ...(await signIn(ctx, 'architect')), ...htmx, ...en };
    const multidose = await idOf('informationService', 'multidose');
    const target = await idOf('journalInterface', 'velferdsteknologi');
    const form = { relation: 'usesInterface', version: String(multidose.version), target: String(target.id), level: 'inferred', note: ' ', fromLine: '', toLine: '' };
    const noReason = await postForm(ctx, '/informasjonstjenester/multidose/relasjoner', form, headers);
    expect(noReason.status).toBe(422);
    englishOnly(textOf(await noReason.text()), 'An interpretation needs a reason on one line.', /tolkning trenger/);
    const badLine = await postForm(ctx, '/informasjonstjenester/multidose/relasjoner', { ...form, note: 'Reason.', fromLine: 'x' }, headers);
    expect(badLine.status).toBe(422);
    englishOnly(textOf(await badLine.text()), 'Write a line number (a whole number from 1).', /linjenummer/);
  });

  it('says a requirement’s structure fields and a capability cycle that the database refuses in English', async () => {
    const headers = { ...(await signIn(ctx, 'architect')), ...htmx, ...en };
    const lines = (await ctx.db.selectFrom('source_document').select('line_count').orderBy('id').executeTakeFirstOrThrow()).line_count;
    const requirement = await postForm(ctx, '/krav', { name: 'A requirement', text: 'The solution skal work.', priority: 'must', status: 'draft', chapter: '999', type: 'finnes-ikke', sourceComment: '999', sourceLines: '999999' }, headers);
    expect(requirement.status).toBe(422);
    const text = textOf(await requirement.text());
    englishOnly(text, 'The chapter does not exist (any longer). Choose another one.', /Kapitlet finnes/);
    englishOnly(text, 'The requirement type does not exist (any longer). Choose another one.', /Kravtypen finnes/);
    englishOnly(text, 'There is no visible consultation comment no. 999.', /høringskommentar nr/);
    englishOnly(text, `The source document has ${lines.toLocaleString('en')} lines.`, /Kildedokumentet har/);
    const capability = await idOf('capability', 'dokumentasjon-av-forlop-og-tilstand');
    const cycle = await postForm(ctx, '/funksjonsomrader/dokumentasjon-av-forlop-og-tilstand', { name: 'Dokumentasjon av forløp og tilstand', solutionPart: 'felles-journallosning', parent: 'klinisk-historikk', version: String(capability.version) }, headers);
    expect(cycle.status).toBe(422);
    englishOnly(textOf(await cycle.text()), 'A capability cannot be under itself or under one of its own sub-capabilities.', /ligge under seg selv/);
  });

  it('names the date a consultation opens or closed on as a date in the reader’s language, not as YYYY-MM-DD', async () => {
    const { organisationId, user } = await organisationMember(ctx, 'Fagforeningen');
    const member = callerWith('organisation', { id: user.id, organisationId }); // at 26 November 2026
    const input = { proposal: null, text: 'En kommentar.', rationale: '' } as unknown as Parameters<typeof writeComment>[3];
    const refusal = async (opensOn: string, closesOn: string) => {
      const { id, items } = await makeRound(ctx.db, { opensOn, closesOn });
      const error = await writeComment(ctx.db, member, { roundId: id, itemId: items[0]!.id }, input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RuleRefused);
      return error as RuleRefused;
    };
    const planned = await refusal('2026-12-01', '2026-12-15');
    englishOnly(spoken(planned, i18nFor('en')), 'The consultation opens on 1 December 2026.', /2026-12-01|desember/);
    expect(planned.message).toBe('Høringen åpner 1. desember 2026. Før det kan ingen kommentere.');
    englishOnly(spoken(await refusal('2026-11-01', '2026-11-20'), i18nFor('en')), 'The consultation’s deadline was 20 November 2026.', /2026-11-20|november/);
  });

  it('says the model API’s paging problems (cursor, limit) in English', async () => {
    const res = await ctx.app.request('/api/model?cursor=x&limit=0', { headers: en });
    expect(res.status).toBe(400);
    const { fields } = ((await res.json()) as { error: { fields: Record<string, string> } }).error;
    expect(fields).toEqual({ cursor: 'Invalid cursor: use the value from page.next.', limit: 'limit must be at least 1.' });
    const big = (await (await ctx.app.request('/api/model?limit=1.5', { headers: en })).json()) as { error: { fields: Record<string, string> } };
    expect(big.error.fields.limit).toBe('limit must be a whole number.');
  });

  it('says a need level that is not a key in English', async () => {
    const headers = { ...(await signIn(ctx, 'architect')), ...htmx, ...en };
    const actor = (await ctx.db.selectFrom('element').select('key').where('kind', '=', 'actor').executeTakeFirstOrThrow()).key;
    const res = await postForm(ctx, '/matriser/aktorer/celle', { service: 'multidose', actor, version: '1-0000000000000000', 'mode-x': 'IKKE EN NØKKEL' }, headers);
    expect(res.status).toBe(422);
    const text = textOf(await res.text());
    expect(text).toContain('Choose a need level from the list.');
    expect(text).not.toMatch(/Nøkkelen|små bokstaver/);
  });

  it('writes the roadmap table’s dates as English dates', async () => {
    const phase = await ctx.db.selectFrom('roadmap_item').select('starts_on').orderBy('starts_on').executeTakeFirstOrThrow();
    const html = await (await ctx.app.request('/diagrammer/veikart', { headers: en })).text();
    const table = textOf(/<table[\s\S]*<\/table>/.exec(html)![0]);
    expect(table).toContain(i18nFor('en').date(phase.starts_on));
    expect(table).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
  });

  describe('dry-run reports of ReqIF and JSON models', () => {
    /** The dry-run report of a file, read in English; uploaded in English too unless `uploadedIn` says another language. */
    async function report(target: TestContext, name: string, text: string, uploadedIn: Record<string, string> = en, section = 'problemer'): Promise<string> {
      const cookie = await signIn(target, 'architect');
      const form = new FormData();
      form.set('fil', new File([new TextEncoder().encode(text) as BlobPart], name, { type: 'application/octet-stream' }));
      const res = await target.app.request('/import', { method: 'POST', body: form, headers: { ...sameOrigin, ...cookie, ...uploadedIn } });
      expect(res.status).toBe(303);
      return textOf(await (await target.app.request(`${res.headers.get('location')!}?vis=${section}`, { headers: { ...cookie, ...en } })).text());
    }

    it('says a ReqIF file’s problems and notes in English', async () => {
      const reqif = await (await ctx.app.request('/eksport/krav.reqif')).text();
      const empty = await testApp({ seed: false });
      try {
        const text = await report(empty, 'krav.reqif', reqif);
        expect(text).toMatch(/which does not exist in akson-scope/);
        expect(text).toMatch(/the source document “akson-arena-2019-10-24” does not exist here/);
        expect(text).not.toMatch(/finnes ikke|gjelder «|kildedokumentet/);
      } finally {
        await empty.db.destroy();
      }
      const hollow = await report(ctx, 'tom.reqif', '<?xml version="1.0" encoding="UTF-8"?><REQ-IF xmlns="http://www.omg.org/spec/ReqIF/20110401/reqif.xsd"></REQ-IF>');
      englishOnly(hollow, 'The file is not a ReqIF file: it has no REQ-IF element.', /ikke en ReqIF-fil/);
    });

    it('quotes a spreadsheet’s file name, separator and values with English quotation marks', async () => {
      const fields: Record<string, string> = { name: 'Importert krav', text: 'Løsningen skal importeres.', priority: 'kanskje', status: 'Utkast' };
      const csv = [requirementSheetColumns.map((c) => c.header), requirementSheetColumns.map((c) => fields[c.key] ?? '')].map((r) => r.join(';')).join('\r\n');
      const text = await report(ctx, 'feil.csv', csv);
      expect(text).toContain('Dry run of “feil.csv”');
      expect(text).toContain('separated by “;”');
      expect(text).toContain('“kanskje” is not a priority');
      expect(text).not.toMatch(/«(feil\.csv|;|kanskje)»/);
      const guillemets = [...catalogues.get('en')!.messages].filter(([, m]) => /[«»]/.test(m)).map(([k]) => k);
      expect(guillemets).toEqual([]);
    });

    it('says a spreadsheet row’s field rule (a requirement without “skal”) in English, though the file was uploaded in bokmål', async () => {
      const fields: Record<string, string> = { name: 'Importert krav', text: 'Dette er et ønske.', priority: 'Bør', status: 'Utkast' };
      const csv = [requirementSheetColumns.map((c) => c.header), requirementSheetColumns.map((c) => fields[c.key] ?? '')].map((r) => r.join(';')).join('\r\n');
      englishOnly(await report(ctx, 'uten-skal.csv', csv, { 'Accept-Language': 'nb' }), 'Row 2, column “Kravtekst”: A requirement is a “skal” (shall) statement: the text must contain “skal”.', /Et krav er et|-utsagn|må inneholde/);
    });

    it('says an ArchiMate file’s and a ReqIF object’s problems in English', async () => {
      // An .xml file that is no ArchiMate model is refused at the upload; the reader's problem, as the report would say it.
      englishOnly(reportTextIn(readArchimate('<REQ-IF/>').problems[0]!, i18nFor('en')), 'The file is not an ArchiMate model', /ikke en ArchiMate-modell|elementet model/);
      const reqif =
        '<?xml version="1.0" encoding="UTF-8"?><REQ-IF xmlns="http://www.omg.org/spec/ReqIF/20110401/reqif.xsd"><CORE-CONTENT><REQ-IF-CONTENT><SPEC-OBJECTS><SPEC-OBJECT LONG-NAME="uten id"/><SPEC-OBJECT IDENTIFIER="a"/><SPEC-OBJECT IDENTIFIER="a"/></SPEC-OBJECTS></REQ-IF-CONTENT></CORE-CONTENT></REQ-IF>';
      const text = await report(ctx, 'objekter.reqif', reqif);
      englishOnly(text, 'A SPEC-OBJECT has no IDENTIFIER.', /mangler IDENTIFIER|er brukt av/);
      expect(text).toContain('The identifier “a” is used by more than one object in the file.');
    });

    it('names the fields an ArchiMate file changes in English', async () => {
      const xml = await (await ctx.app.request('/eksport/archimate.xml')).text();
      const goal = (await ctx.db.selectFrom('element').select(['key', 'name']).where('kind', '=', 'goal').orderBy('id').executeTakeFirstOrThrow());
      const edited = xml.replace(new RegExp(`(<element identifier="id-goal-${goal.key}"[^>]*>\\s*<name xml:lang="nb">)[^<]*(</name>)`), '$1Et nytt navn$2');
      englishOnly(await report(ctx, 'fra-archi.xml', edited, en, 'endret'), `${goal.name} (goal:${goal.key}) Name ${goal.name} Et nytt navn`, /goal:[^ ]+\) Navn/);
    });

    it('names what a JSON model changes (a requirement’s link, a requirement type’s name) in English', async () => {
      const model = JSON.parse(await (await ctx.app.request('/api/model')).text()) as { requirementTypes: Array<{ key: string; label: string }>; links: { requirementElements: Array<{ provenance: unknown }> } };
      const type = model.requirementTypes[0]!;
      type.label = 'Ny kravtype';
      model.links.requirementElements[0]!.provenance = { level: 'stated', note: 'Fra filen', fromLine: null, toLine: null };
      const text = await report(ctx, 'endret.json', JSON.stringify(model), en, 'endret');
      englishOnly(text, `Ny kravtype (kravtype:${type.key}) Name`, /Krav gjelder|\) (label|lenke) /);
      expect(text).toMatch(/Requirement applies to \([^)]+\) Link /);
      // An element is named by its kind in the reader's language before its name (the name stays as entered).
      const renamed = JSON.parse(await (await ctx.app.request('/api/model')).text()) as { elements: { goal: Array<{ key: string; name: string }> } };
      const goal = renamed.elements.goal[0]!;
      goal.name = 'Nytt navn på målet';
      englishOnly(await report(ctx, 'mål.json', JSON.stringify(renamed), en, 'endret'), `Goal: Nytt navn på målet (goal:${goal.key})`, /Mål: Nytt navn/);
    });

    it('names the fields a ReqIF file changes in a requirement in English', async () => {
      const xml = await (await ctx.app.request('/eksport/krav.reqif')).text();
      const edited = xml.replace(/(<SPEC-OBJECT IDENTIFIER="req-aks-0003"[\s\S]*?<ATTRIBUTE-VALUE-STRING THE-VALUE=")[^"]*("><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>ad-text<)/, '$1Løsningen skal vise ny tekst.$2');
      expect(edited).not.toBe(xml);
      englishOnly(await report(ctx, 'krav.reqif', edited, en, 'endret'), 'Requirement text (a “shall” statement)', /\) Kravtekst /);
    });

    it('says a JSON model’s problems in English', async () => {
      const newer = await report(ctx, 'modell.json', JSON.stringify({ format: 'akson-scope/model', formatVersion: 999 }));
      englishOnly(newer, 'The file is written in format version 999', /formatversjon|Ingenting er lagret/);
      const model = JSON.parse(await (await ctx.app.request('/api/model')).text()) as { elements: Record<string, Array<{ key: string }>> };
      model.elements.goal!.push({ ...model.elements.goal![0]! });
      const twice = await report(ctx, 'to-ganger.json', JSON.stringify(model));
      englishOnly(twice, 'appears twice in the file', /står i filen to ganger/);
      const dangling = JSON.parse(await (await ctx.app.request('/api/model')).text()) as { elements: { informationService: Array<{ key: string; categoryId: number }> } };
      const service = dangling.elements.informationService[0]!;
      service.categoryId = 999_999;
      const unnamed = JSON.parse(await (await ctx.app.request('/api/model')).text()) as { requirementTypes: Array<{ key: string; label: string }> };
      unnamed.requirementTypes[0]!.label = '';
      englishOnly(await report(ctx, 'kravtype.json', JSON.stringify(unnamed)), 'The requirement type’s name is missing.', /Kravtypen mangler|Kravtypens/);
      englishOnly(await report(ctx, 'henvisning.json', JSON.stringify(dangling)), `A reference that does not match: informationService ${service.key} categoryId: 999999 is not informationCategory.`, /Henvisning|er ikke|mangler/);
      const typed = JSON.parse(await (await ctx.app.request('/api/model')).text()) as { elements: { requirement: Array<{ ref: string; typeKey: string | null }> } };
      const requirement = typed.elements.requirement[0]!;
      requirement.typeKey = 'ukjent-type';
      englishOnly(await report(ctx, 'ukjent-type.json', JSON.stringify(typed)), `${requirement.ref} has the requirement type “ukjent-type”, which neither the file nor the database has.`, /har kravtypen|verken filen/);
    });
  });
});
