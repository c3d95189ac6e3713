import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelExportSchema, modelPageSchema } from '../../../model/export.ts';
import { growModel } from '../../../seeds/synthetic.ts';
import { testApp } from '../../helpers.ts';

/**
 * `GET /api/model?cursor=`: the model a page at a time. Merged, the pages are the whole document;
 * every page has the documented shape and a bounded size; a cursor that is not one the API gave
 * is refused with the API's error shape, never a 500.
 */
let ctx: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  ctx = await testApp();
  // Services grown and linked (the generator's synthetic requirement numbers are not in the export's AKS-0001 form).
  await growModel(ctx.db, { factor: 3, link: true });
});
afterAll(() => ctx.db.destroy());

type Doc = Record<string, unknown> & { elements: Record<string, unknown[]>; links: Record<string, unknown[]>; sourceDocuments: unknown[]; municipalities: unknown[] };

async function json(path: string) {
  const res = await ctx.app.request(path);
  return { status: res.status, body: (await res.json()) as Doc & { page: { cursor: string; next: string | null; limit: number } } };
}

describe('the model a page at a time', () => {
  it('gives, page after page, every element, link and municipality of the whole document exactly once', async () => {
    const whole = (await json('/api/model')).body;
    modelExportSchema.parse(whole);
    const merged: Doc = { sourceDocuments: [], municipalities: [], elements: {}, links: {} };
    const limit = 7;
    let cursor: string | null = '';
    const seen: string[] = [];
    while (cursor !== null) {
      const { status, body } = await json(`/api/model?cursor=${encodeURIComponent(cursor)}&limit=${limit}`);
      expect(status, cursor).toBe(200);
      modelPageSchema.parse(body);
      expect(body.page.cursor).toBe(cursor);
      expect(body.elements.informationService!.length + body.elements.requirement!.length).toBeLessThanOrEqual(limit);
      merged.sourceDocuments.push(...body.sourceDocuments);
      merged.municipalities.push(...body.municipalities);
      for (const [kind, list] of Object.entries(body.elements)) (merged.elements[kind] ??= []).push(...list);
      for (const [name, list] of Object.entries(body.links)) (merged.links[name] ??= []).push(...list);
      seen.push(cursor);
      cursor = body.page.next;
      expect(seen).not.toContain(cursor);
    }
    expect(seen.length).toBe(Math.ceil(whole.elements.informationService!.length / limit) + Math.ceil(whole.elements.requirement!.length / limit));
    const byId = (a: unknown, b: unknown) => JSON.stringify(a).localeCompare(JSON.stringify(b));
    expect(merged.sourceDocuments).toEqual(whole.sourceDocuments);
    expect(merged.municipalities).toEqual(whole.municipalities);
    for (const [kind, list] of Object.entries(whole.elements)) expect([...merged.elements[kind]!].sort(byId), kind).toEqual([...list].sort(byId));
    for (const [name, list] of Object.entries(whole.links)) expect([...merged.links[name]!].sort(byId), name).toEqual([...list].sort(byId));
  });

  it('answers the same page the same way, and the last page has no next cursor', async () => {
    const a = (await json('/api/model?cursor=s.0&limit=25')).body;
    const b = (await json('/api/model?cursor=s.0&limit=25')).body;
    expect({ ...a, exportedAt: '' }).toEqual({ ...b, exportedAt: '' });
    const last = (await json('/api/model?cursor=r.999999999&limit=25')).body;
    expect(last.page.next).toBeNull();
    expect(last.elements.requirement).toEqual([]);
  });

  it('gives 50 services a page when no limit is asked for, and says where the next page starts', async () => {
    const { status, body } = await json('/api/model?cursor=');
    expect(status).toBe(200);
    expect(body.page.limit).toBe(50);
    // 102 services at 3x: the first 50 here, the rest on the pages after.
    expect(body.elements.informationService).toHaveLength(50);
    expect(body.page.next).toMatch(/^s\.\d+$/);
    const second = (await json(`/api/model?cursor=${body.page.next}`)).body;
    expect(second.elements.informationService).toHaveLength(50);
  });

  it('refuses a cursor or limit it did not give with 400 and the API error shape', async () => {
    for (const bad of ['cursor=x', 'cursor=s.', 'cursor=s.-1', 'cursor=q.5', 'cursor=&limit=0', 'cursor=&limit=5000', 'cursor=&limit=tre', 'cursor=&annet=1']) {
      const { status, body } = await json(`/api/model?${bad}`);
      expect(status, bad).toBe(400);
      expect((body as unknown as { error: { code: string } }).error.code, bad).toBe('bad_request');
    }
  });
});
