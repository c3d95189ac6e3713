import { describe, expect, it } from 'vitest';
import { createSetupLink } from '../../../src/commands/invites.ts';
import { signIn, testApp, textOf } from '../../helpers.ts';

// Finding 5: the setup link's form was still shown once an administrator existed (only the POST was refused).
describe('the first-start setup link once an administrator exists', () => {
  it('says on GET that the link is used up, and shows no form', async () => {
    const ctx = await testApp();
    const token = (await createSetupLink(ctx.db, ctx.config, ctx.clock.now()))!;
    await signIn(ctx, 'administrator'); // made another way, e.g. `npm run user -- add`
    const page = await ctx.app.request(`/invitasjon/${token}`);
    expect(page.status).toBe(410);
    const html = await page.text();
    expect(textOf(html)).toContain('Det finnes allerede en administrator, så oppsettlenken virker ikke lenger.');
    expect(html).not.toContain('name="password"');
    await ctx.db.destroy();
  });
});
