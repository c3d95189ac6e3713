import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRound } from '../../consultation-fixtures.ts';
import { signIn, testApp, type TestContext } from '../../helpers.ts';
import { htmlValidateConfig } from './htmlvalidate-config.ts';

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

/**
 * Every page the route walk reaches (each GET route with sample parameters, as an architect, a
 * municipality and an administrator, in bokmål and in English), through html-validate: 0 errors.
 */
describe('html-validate over every page', () => {
  let ctx: TestContext;
  const validator = new HtmlValidate(htmlValidateConfig);
  beforeAll(async () => {
    ctx = await testApp();
    await makeRound(ctx.db);
  });
  afterAll(() => ctx.db.destroy());

  it.each(['architect', 'municipality', 'administrator'] as const)('as %s, in both languages', async (role) => {
    const session = await signIn(ctx, role);
    const routes = [...new Set(ctx.app.routes.filter((r) => r.method === 'GET').map((r) => r.path))];
    const findings: string[] = [];
    let pages = 0;
    for (const pattern of routes) {
      for (const language of ['nb', 'en']) {
        const res = await ctx.app.request(concrete(pattern), { headers: { ...session, 'Accept-Language': language } });
        if (!res.headers.get('content-type')?.startsWith('text/html')) continue;
        const html = await res.text();
        if (!html.startsWith('<!DOCTYPE html>')) continue;
        pages++;
        const report = await validator.validateString(html, `${pattern} (${language})`);
        for (const result of report.results) {
          for (const m of result.messages) if (m.severity === 2) findings.push(`${pattern} [${language}] ${m.ruleId}: ${m.message} (${m.selector ?? ''})`);
        }
      }
    }
    expect(pages).toBeGreaterThan(30);
    expect([...new Set(findings)]).toEqual([]);
  }, 120_000);
});
