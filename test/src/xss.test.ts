import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postForm, postShown, signIn, signInAs, createTestUser, testApp, textOf, type TestContext } from '../helpers.ts';

/** Text that would run script if any page put it into HTML unescaped, in content or in an attribute. */
const payloads = {
  script: '<script>alert("x1")</script>',
  attribute: '"><img src=x onerror=alert(2)>',
  single: "' autofocus onfocus='alert(3)",
};
const dangerous = [/<script>alert/i, /<img src=x/i, /"><img/i, /' autofocus onfocus='/];

let ctx: TestContext;
let admin: { Cookie: string };
let architect: { Cookie: string };
let victim: { Cookie: string };
let userId: number;
let organisationId: number;

beforeAll(async () => {
  ctx = await testApp();
  admin = await signIn(ctx, 'administrator');
  architect = await signIn(ctx, 'architect');
  // Names and descriptions as an architect could store them (the editing pages come later).
  const at = ctx.clock.now().toISOString();
  await ctx.db.updateTable('element').set({ name: `Multidose ${payloads.script}`, description: `Beskrivelse ${payloads.attribute} ${payloads.single}`, updated_at: at }).where('key', '=', 'multidose').execute();
  await ctx.db.updateTable('element').set({ name: `Plan ${payloads.attribute}` }).where('kind', '=', 'informationCategory').where('key', '=', 'plan').execute();
  await ctx.db.updateTable('element').set({ description: `Krav ${payloads.script}` }).where('kind', '=', 'requirement').where('key', '=', 'aks-0001').execute();
  await ctx.db.updateTable('requirement').set({ text: `Skal ${payloads.attribute}`, rationale: payloads.single }).where('ref', '=', 'AKS-0001').execute();

  // Organisation and user names through the administration pages themselves.
  expect((await postForm(ctx, '/admin/organisasjoner', { name: `Forening ${payloads.attribute}`, kind: 'annet', contact: payloads.script }, admin)).status).toBe(303);
  organisationId = (await ctx.db.selectFrom('organisation').select('id').executeTakeFirstOrThrow()).id;
  const user = await createTestUser(ctx, 'organisation', { email: 'offer@test.no', name: 'Offer' });
  userId = user.id;
  const renamed = await postShown(ctx, `/admin/brukere/${userId}`, { name: `Kari ${payloads.script}`, email: 'offer@test.no', role: 'organisation', organisation: String(organisationId), active: 'on' }, admin);
  expect(renamed.status).toBe(303);
  expect((await postForm(ctx, '/admin/invitasjoner', { email: 'ny@test.no', role: 'organisation', organisation: String(organisationId) }, admin)).status).toBe(200);
  victim = await signInAs(ctx, user);
});
afterAll(() => ctx.db.destroy());

const samples: Record<string, string> = { kindPath: 'informasjonstjenester', key: 'multidose', document: 'akson-arena-2019-10-24', name: 'app.css', token: 'x' };

describe('user text is escaped on every page that shows it', () => {
  it('never appears as markup, and does appear as text where it belongs', async () => {
    const paths = [
      ...new Set(ctx.app.routes.filter((r) => r.method === 'GET').map((r) => r.path.replace(/:(\w+)(?:\{[^/]*\})?/g, (_, n: string) => (n === 'id' ? String(userId) : (samples[n] ?? 'x'))))),
      '/krav/aks-0001',
      '/informasjonskategorier/plan',
      `/admin/organisasjoner/${organisationId}`,
      '/informasjonstjenester?category=plan',
      '/matriser/aktorer?category=plan',
      '/sok?q=multidose',
      '/matriser/personellgrupper/celle?service=multidose&group=legevakt',
    ];
    const shown = new Map<string, string[]>();
    for (const path of paths) {
      for (const [who, headers] of [['admin', admin], ['architect', architect], ['offer', victim]] as const) {
        const res = await ctx.app.request(path, { headers });
        if (!res.headers.get('content-type')?.includes('text/html')) continue;
        const html = await res.text();
        for (const pattern of dangerous) expect(html, `${who} ${path}`).not.toMatch(pattern);
        const text = textOf(html);
        for (const [name, payload] of Object.entries(payloads)) {
          if (text.includes(payload)) shown.set(name, [...(shown.get(name) ?? []), `${who} ${path}`]);
        }
      }
    }
    const where = (name: keyof typeof payloads) => shown.get(name) ?? [];
    // Element names and descriptions on the scope pages.
    for (const path of ['/', '/informasjonstjenester', '/informasjonstjenester/multidose', '/matriser/personellgrupper', '/matriser/aktorer']) {
      expect(where('script'), path).toContain(`admin ${path}`);
    }
    expect(where('attribute')).toContain('admin /informasjonstjenester/multidose');
    expect(where('single')).toContain('admin /informasjonstjenester/multidose');
    expect(where('attribute')).toContain('admin /krav/aks-0001');
    expect(where('attribute')).toContain('admin /informasjonskategorier/plan');
    // The architect's forms put names into input values and options: escaped there too.
    expect(where('script')).toContain('architect /informasjonstjenester/multidose/rediger');
    expect(where('attribute')).toContain('architect /informasjonstjenester/multidose/rediger');
    expect(where('attribute')).toContain('architect /informasjonstjenester/ny');
    expect(where('script')).toContain('architect /sok?q=multidose');
    // Organisation and user names on the administration pages, the header and the audit log.
    expect(where('attribute')).toContain('admin /admin/organisasjoner');
    expect(where('attribute')).toContain(`admin /admin/organisasjoner/${organisationId}`);
    expect(where('attribute')).toContain('admin /admin/invitasjoner');
    expect(where('script')).toContain('admin /admin/brukere');
    expect(where('script')).toContain(`admin /admin/brukere/${userId}`);
    expect(where('script')).toContain('admin /admin/logg');
    expect(where('script')).toContain('offer /');
    expect(where('script')).toContain('offer /kommuner');
  });

  it('keeps it inside attribute values in the edit forms', async () => {
    const html = await (await ctx.app.request(`/admin/brukere/${userId}`, { headers: admin })).text();
    expect(html).toContain('value="Kari &lt;script&gt;alert(&quot;x1&quot;)&lt;/script&gt;"');
    const org = await (await ctx.app.request(`/admin/organisasjoner/${organisationId}`, { headers: admin })).text();
    expect(org).toContain('value="Forening &quot;&gt;&lt;img src=x onerror=alert(2)&gt;"');
  });

  it('comes back unchanged, as data, from the JSON model', async () => {
    const model = (await (await ctx.app.request('/api/model')).json()) as { elements: { informationService: Array<{ key: string; name: string }> } };
    expect(model.elements.informationService.find((s) => s.key === 'multidose')?.name).toBe(`Multidose ${payloads.script}`);
  });
});
