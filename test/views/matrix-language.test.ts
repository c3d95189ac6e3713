import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmx, sameOrigin, signIn, testApp, type TestContext } from '../helpers.ts';

/**
 * The matrices' cells in either language: a cell button's accessible name starts with what the
 * button shows (WCAG 2.5.3 label in name), and the editor, its stale-save message and the cell after
 * a save speak the reader's language.
 */
let ctx: TestContext;
let architect: Record<string, string>;
beforeAll(async () => {
  ctx = await testApp();
  architect = await signIn(ctx, 'architect');
});
afterAll(() => ctx.db.destroy());

const en = { 'Accept-Language': 'en' };
const get = async (path: string, headers: Record<string, string> = {}) => (await ctx.app.request(path, { headers: { ...architect, ...headers } })).text();
async function post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return ctx.app.request(path, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { ...sameOrigin, ...htmx, ...architect, ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
  });
}
const hidden = (html: string, name: string) => new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';
/** Each cell button's accessible name and the text it shows (without the text only screen readers get). */
const buttons = (html: string) =>
  [...html.matchAll(/<button class="cell-button"[^>]*aria-label="([^"]*)"[^>]*>([\s\S]*?)<\/button>/g)].map((m) => ({
    name: m[1]!,
    shown: m[2]!.replace(/<span class="ds-sr-only">[^<]*<\/span>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim(),
  }));

describe('a personnel cell', () => {
  it('is saved from the English editor and named in English, starting with what it shows', async () => {
    const editor = await get('/matriser/personellgrupper/celle?service=multidose&group=legevakt', en);
    expect(editor).toContain('>No link<');
    expect(editor).toContain('>Reads and records<');
    expect(editor).toContain('>Save<');
    const res = await post('/matriser/personellgrupper/celle', { service: 'multidose', group: 'legevakt', usage: 'both', vist: hidden(editor, 'vist') }, en);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('aria-label="R+Rec: Multidose × Out-of-hours emergency service: reads and records. Change."');
    // The bokmål name is the one the browser tests pick the button by.
    expect(await get('/matriser/personellgrupper/celle?service=multidose&group=legevakt&vis=1')).toContain('aria-label="L+D: Multidose × Legevakt: leser og dokumenterer. Endre."');
  });

  it('says in English that someone else saved first, and what the cell holds now', async () => {
    const res = await post('/matriser/personellgrupper/celle', { service: 'multidose', group: 'legevakt', usage: 'reads', vist: '' }, en);
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('Someone else changed the cell after you opened it. Nothing was saved. Now: Reads and records. Choose again and save.');
  });
});

describe('an actor cell', () => {
  it('names its modes and need in English, with the modes it shows first', async () => {
    const editor = await get('/matriser/aktorer/celle?service=multidose&actor=innbygger', en);
    expect(editor).toContain('>Linked, need not assessed<');
    const res = await post(
      '/matriser/aktorer/celle',
      { service: 'multidose', actor: 'innbygger', version: hidden(editor, 'version'), 'mode-sende-og-motta': 'lite', 'mode-endre-og-dele': 'uvurdert' },
      en,
    );
    expect(res.status).toBe(200);
    const [cell] = buttons(await res.text());
    expect(cell?.name).toBe('Send Edit: Multidose × Citizen: send and receive (little need for extension), edit and share (need not assessed). Change.');
    expect(cell?.shown).toContain('Send');
    const nb = buttons(await get('/matriser/aktorer/celle?service=multidose&actor=innbygger&vis=1'))[0];
    expect(nb?.name).toBe('Sende Endre: Multidose × Innbygger (løsninger for samhandling med innbygger): sende og motta (lite behov for utvidelse), endre og dele (behov ikke vurdert). Endre.');
  });
});

describe('the matrices, once cells of both are filled', () => {
  it('has, on both matrices and in both languages, buttons whose names start with what they show', async () => {
    for (const path of ['/matriser/personellgrupper', '/matriser/aktorer']) {
      for (const headers of [{}, en]) {
        const found = buttons(await get(path, headers));
        expect(found.length, path).toBeGreaterThan(0);
        expect(found.some((b) => b.shown !== '–'), path).toBe(true);
        for (const b of found) if (b.shown !== '–') expect(b.name.startsWith(`${b.shown}: `), `${path}: ${b.name}`).toBe(true);
      }
    }
  });
});
