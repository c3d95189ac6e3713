import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlValidateConfig } from '../a11y/htmlvalidate-config.ts';
import { postForm, sameOrigin, signIn, testApp, textOf, type TestContext } from '../../helpers.ts';

/*
 * `/import` takes JSON models, ReqIF and ArchiMate as it takes spreadsheets (issue 15): the
 * upload gives the dry-run report, nothing is written until the architect applies it, and the
 * report they saw must still hold when they do.
 */

let source: TestContext;
let modelJson: string;
let reqif: string;
let archimate: string;
beforeAll(async () => {
  source = await testApp();
  modelJson = await (await source.app.request('/api/model')).text();
  reqif = await (await source.app.request('/eksport/krav.reqif')).text();
  archimate = await (await source.app.request('/eksport/archimate.xml')).text();
});
afterAll(() => source.db.destroy());

async function upload(ctx: TestContext, cookie: { Cookie: string }, name: string, text: string) {
  const form = new FormData();
  form.set('fil', new File([new TextEncoder().encode(text) as BlobPart], name, { type: 'application/octet-stream' }));
  return ctx.app.request('/import', { method: 'POST', body: form, headers: { ...sameOrigin, ...cookie } });
}

const validator = new HtmlValidate(htmlValidateConfig);
/** The page is valid HTML by the same rules as every other page. */
async function expectValid(html: string, name: string) {
  const report = await validator.validateString(html, name);
  expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)), name).toEqual([]);
}

const elementCount = async (ctx: TestContext) => Number((await ctx.db.selectFrom('element').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('a document on /import', () => {
  it('imports a JSON model into an empty database: the dry-run report first, then the model when applied', async () => {
    const ctx = await testApp({ seed: false });
    const cookie = await signIn(ctx, 'architect');
    const res = await upload(ctx, cookie, 'modell.json', modelJson);
    expect(res.status).toBe(303);
    const report = res.headers.get('location')!;
    expect(report).toMatch(/^\/import\/[A-Za-z0-9_-]+$/);
    const page = await ctx.app.request(report, { headers: cookie });
    const html = await page.text();
    expect(html).toContain('Prøvekjøring av «modell.json»');
    expect(textOf(html)).toContain('Lest som JSON-modell.');
    expect(textOf(html)).toMatch(/\d+ nye/);
    expect(await elementCount(ctx)).toBe(0);
    await expectValid(html, 'rapport');

    const plan = /name="plan" value="([^"]+)"/.exec(html)![1]!;
    const applied = await postForm(ctx, `${report}/bruk`, { plan, mode: 'all' }, cookie);
    expect(applied.status).toBe(303);
    const result = await (await ctx.app.request(report, { headers: cookie })).text();
    expect(result).toContain('Import av «modell.json» er lagret');
    await expectValid(result, 'resultat');
    const want = Object.values((JSON.parse(modelJson) as { elements: Record<string, unknown[]> }).elements).reduce((n, l) => n + l.length, 0);
    expect(await elementCount(ctx)).toBe(want);
    // Applying twice writes nothing more.
    await postForm(ctx, `${report}/bruk`, { plan, mode: 'all' }, cookie);
    expect(await elementCount(ctx)).toBe(want);
    await ctx.db.destroy();
  });

  it('writes nothing when the report the architect saw is no longer the one the file gives', async () => {
    const ctx = await testApp({ seed: false });
    const cookie = await signIn(ctx, 'architect');
    const report = (await upload(ctx, cookie, 'modell.json', modelJson)).headers.get('location')!;
    const html = await (await ctx.app.request(report, { headers: cookie })).text();
    const plan = /name="plan" value="([^"]+)"/.exec(html)![1]!;
    // Someone else imports the same model meanwhile: the report would now say «unchanged».
    const other = (await upload(ctx, cookie, 'samme.json', modelJson)).headers.get('location')!;
    const otherPlan = /name="plan" value="([^"]+)"/.exec(await (await ctx.app.request(other, { headers: cookie })).text())![1]!;
    await postForm(ctx, `${other}/bruk`, { plan: otherPlan, mode: 'all' }, cookie);
    const before = await elementCount(ctx);
    const res = await postForm(ctx, `${report}/bruk`, { plan, mode: 'all' }, cookie);
    expect(res.status).toBe(303);
    const again = await (await ctx.app.request(report, { headers: cookie })).text();
    expect(again).toContain('Rapporten du så, er ikke lenger den gjeldende');
    expect(await elementCount(ctx)).toBe(before);
    const imports = await ctx.db.selectFrom('audit_event').select('id').where('action', '=', 'model.import').execute();
    expect(imports).toHaveLength(1);
    await ctx.db.destroy();
  });

  it('shows a newer format version as a problem and offers nothing to apply', async () => {
    const ctx = await testApp({ seed: false });
    const cookie = await signIn(ctx, 'architect');
    const newer = JSON.stringify({ ...JSON.parse(modelJson), formatVersion: 99 });
    const report = (await upload(ctx, cookie, 'nyere.json', newer)).headers.get('location')!;
    const html = await (await ctx.app.request(report, { headers: cookie })).text();
    expect(textOf(html)).toContain('formatversjon 99, som er nyere');
    expect(textOf(html)).toContain('Filen har feil og kan ikke brukes.');
    expect(html).not.toContain('name="plan"');
    expect(await elementCount(ctx)).toBe(0);
    await ctx.db.destroy();
  });

  it('takes ReqIF and ArchiMate through the same report', async () => {
    const ctx = await testApp();
    const cookie = await signIn(ctx, 'architect');
    for (const [name, text, kind] of [
      ['krav.reqif', reqif, 'ReqIF'],
      ['omfang.xml', archimate, 'ArchiMate'],
    ] as const) {
      const res = await upload(ctx, cookie, name, text);
      expect(res.status, name).toBe(303);
      const html = await (await ctx.app.request(res.headers.get('location')!, { headers: cookie })).text();
      expect(html, name).toContain(`Prøvekjøring av «${name}»`);
      expect(textOf(html), name).toContain(`Lest som ${kind}.`);
    }
    await ctx.db.destroy();
  });

  it('refuses a reader, and a file that is not UTF-8 text', async () => {
    const ctx = await testApp();
    const reader = await signIn(ctx, 'reader');
    expect((await upload(ctx, reader, 'modell.json', modelJson)).status).toBe(403);
    const cookie = await signIn(ctx, 'architect');
    const form = new FormData();
    form.set('fil', new File([new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) as BlobPart], 'rar.json'));
    const res = await ctx.app.request('/import', { method: 'POST', body: form, headers: { ...sameOrigin, ...cookie } });
    expect(res.status).toBe(422);
    expect(textOf(await res.text())).toContain('Filen er ikke tekst i UTF-8');
    await ctx.db.destroy();
  });
});
