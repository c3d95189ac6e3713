import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelExportSchema, toModelExport } from '../../../model/export.ts';
import { growModel } from '../../../seeds/synthetic.ts';
import { loadRequirementStructure, loadScopeModel } from '../../../src/db/queries/model.ts';
import { ModelChangedDuringExport, modelExportText } from '../../../src/exchange/model-export.ts';
import { testApp } from '../../helpers.ts';

/**
 * `GET /api/model` without a cursor: the whole document, written as it is read in batches. It is
 * the very document the whole-model read gives, whatever the batch size; compressed as it goes;
 * and never a mix of before and after a change.
 */
let ctx: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  ctx = await testApp();
  await growModel(ctx.db, { factor: 3, link: true });
});
afterAll(() => ctx.db.destroy());

async function whole(batch?: number): Promise<string> {
  let text = '';
  for await (const piece of modelExportText(ctx.db, ctx.clock.now(), batch ? { batch } : {})) text += piece;
  return text;
}

describe('the whole model, streamed', () => {
  it('is the same text as the document built from the whole model in memory, in batches of any size', async () => {
    const [model, structure] = await Promise.all([loadScopeModel(ctx.db), loadRequirementStructure(ctx.db)]);
    const expected = JSON.stringify(toModelExport(model, ctx.clock.now(), structure));
    expect(model.elements.informationService.length).toBeGreaterThan(50);
    expect(model.links.serviceExchanges.length).toBeGreaterThan(50);
    for (const batch of [1, 7, 1000]) expect(await whole(batch), `batch ${batch}`).toBe(expected);

    const res = await ctx.app.request('/api/model');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
    const text = await res.text();
    expect(text).toBe(expected);
    modelExportSchema.parse(JSON.parse(text));
  });

  it('is compressed as it is written when the client accepts brotli or gzip', async () => {
    const plain = await (await ctx.app.request('/api/model')).text();
    for (const [encoding, decode] of [
      ['br', brotliDecompressSync],
      ['gzip', gunzipSync],
    ] as const) {
      const res = await ctx.app.request('/api/model', { headers: { 'Accept-Encoding': encoding } });
      expect(res.headers.get('Content-Encoding')).toBe(encoding);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.byteLength).toBeLessThan(Buffer.byteLength(plain) / 3);
      expect(decode(bytes).toString('utf8'), encoding).toBe(plain);
    }
  });

  it('stops, unfinished, when the model changes while it is being written', async () => {
    const pieces = modelExportText(ctx.db, ctx.clock.now(), { batch: 5 });
    const first = await pieces.next();
    expect(first.done).toBe(false);
    await ctx.db.updateTable('element').set({ name: 'Endret under eksporten' }).where('kind', '=', 'informationService').where('key', '=', 'multidose').execute();
    const rest = (async () => {
      for (;;) if ((await pieces.next()).done) return;
    })();
    await expect(rest).rejects.toBeInstanceOf(ModelChangedDuringExport);

    // Over HTTP the answer ends without its closing brace: a client's JSON parser refuses it.
    const res = await ctx.app.request('/api/model');
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    await reader.read();
    await ctx.db.updateTable('element').set({ name: 'Endret igjen' }).where('kind', '=', 'informationService').where('key', '=', 'multidose').execute();
    await expect((async () => {
      for (;;) if ((await reader.read()).done) return;
    })()).rejects.toBeInstanceOf(ModelChangedDuringExport);
    expect(ctx.errors).toEqual([]);
  });
});
