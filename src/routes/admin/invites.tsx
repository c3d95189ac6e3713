import { Hono, type Context } from 'hono';
import { bindingChoiceSchema, inviteInputSchema } from '../../../model/accounts.ts';
import { BindingChoiceFields } from '../../../views/pages/admin/binding.tsx';
import { InvitesPage } from '../../../views/pages/admin/invites.tsx';
import { callerOf } from '../../auth/context.ts';
import { invitePath } from '../../auth/invites.ts';
import { createInvite, withdrawInvite } from '../../commands/admin.ts';
import { pendingInvites } from '../../db/queries/invites.ts';
import type { AppDeps } from '../../deps.ts';
import { fieldErrors, formInput } from '../../http/forms.ts';
import { isFragmentRequest, respond, respondError } from '../../http/render.tsx';
import { bindingChoices, idParam } from './users.tsx';
import { said } from '../consultation/common.ts';

/** Administrators invite new users with one-time links, and revoke links not yet used. */
export function inviteRoutes({ db, config }: AppDeps): Hono {
  const app = new Hono();

  const invitesPage = async (c: Context, extra: Partial<Parameters<typeof InvitesPage>[0]> = {}, status: 200 | 422 = 200) => {
    const [pending, choices] = await Promise.all([pendingInvites(db, c.var.clock()), bindingChoices(db)]);
    return respond(c, {
      title: c.var.i18n.t('admin.nav.invites'),
      status,
      body: <InvitesPage pending={pending} inviteHours={config.INVITE_HOURS} {...choices} {...extra} />,
    });
  };

  app.get('/admin/invitasjoner', async (c) => {
    // htmx asks for the binding field again when the role in the form changes.
    if (isFragmentRequest(c)) {
      const fields = <BindingChoiceFields values={bindingChoiceSchema.parse(c.req.query())} fallback={false} {...await bindingChoices(db)} />;
      return respond(c, { title: c.var.i18n.t('admin.nav.invites'), body: fields, fragment: fields });
    }
    return invitesPage(c, { revoked: c.req.query('trukket') !== undefined });
  });

  app.post('/admin/invitasjoner', async (c) => {
    const form = await formInput(c);
    const parsed = inviteInputSchema.safeParse(form);
    if (!parsed.success) return invitesPage(c, { values: form, errors: fieldErrors(parsed.error) }, 422);
    const result = await createInvite(db, callerOf(c), config, parsed.data);
    if (result.kind === 'problems') return invitesPage(c, { values: form, errors: said(c, result.errors) }, 422);
    const origin = config.PUBLIC_URL ?? new URL(c.req.url).origin;
    // The link is in this response only; a reload must not resend it from a cache.
    c.header('Cache-Control', 'no-store');
    return invitesPage(c, { created: { link: origin + invitePath(result.token), email: parsed.data.email, expiresAt: result.expiresAt.toISOString() } });
  });

  app.post('/admin/invitasjoner/:id/trekk-tilbake', idParam, async (c) => {
    const { id } = c.req.valid('param');
    const revoked = await withdrawInvite(db, callerOf(c), id);
    if (!revoked) {
      return respondError(c, { status: 409, title: c.var.i18n.t('admin.invites.cannotRevokeTitle'), message: c.var.i18n.t('admin.invites.cannotRevoke') });
    }
    return c.redirect('/admin/invitasjoner?trukket', 303);
  });

  return app;
}
