import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { inviteInputSchema, userInputSchema } from '../../../model/accounts.ts';
import { InvitesPage } from '../../../views/pages/admin/invites.tsx';
import { UserEditPage, UsersPage, userFormValues, type UserFormValues } from '../../../views/pages/admin/users.tsx';
import type { FieldErrors } from '../../../views/components/form.tsx';
import { auditActor } from '../../auth/context.ts';
import { createInvite, invitePath } from '../../auth/invites.ts';
import { updateUser } from '../../auth/users.ts';
import { listOrganisations, listUsers, municipalityOptions, userById } from '../../db/queries/accounts.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { pendingInvites, revokeInvite } from '../../db/queries/invites.ts';
import type { AppDeps } from '../../deps.ts';
import { fieldErrors, formInput } from '../../http/forms.ts';
import { notFound, respond, respondError } from '../../http/render.tsx';
import { validParams } from '../../http/validate.ts';

export const idParam = validParams('param', z.object({ id: z.coerce.number({ error: 'Id-en må være et tall.' }).int().positive('Id-en må være et positivt tall.') }));

/** Administrators manage users (role, binding, active) and invite new ones. */
export function userRoutes({ db, config }: AppDeps): Hono {
  const app = new Hono();
  const choices = async () => {
    const [municipalities, organisations] = await Promise.all([municipalityOptions(db), listOrganisations(db)]);
    return { municipalities, organisations };
  };

  app.get('/admin/brukere', async (c) => {
    const users = await listUsers(db);
    const saved = users.find((u) => String(u.id) === c.req.query('lagret'))?.name;
    return respond(c, { title: 'Brukere', body: <UsersPage users={users} saved={saved} /> });
  });

  app.get('/admin/brukere/:id', idParam, async (c) => {
    const user = await userById(db, c.req.valid('param').id);
    if (!user) return notFound(c, 'Det finnes ingen bruker med den id-en.');
    return respond(c, { title: user.name, body: <UserEditPage user={user} values={userFormValues(user)} {...await choices()} /> });
  });

  app.post('/admin/brukere/:id', idParam, async (c) => {
    const { id } = c.req.valid('param');
    const user = await userById(db, id);
    if (!user) return notFound(c, 'Det finnes ingen bruker med den id-en.');
    const form = await formInput(c);
    const values: UserFormValues = { ...form, active: form.active === 'on' };
    const again = async (errors: FieldErrors) =>
      respond(c, { title: user.name, status: 422, body: <UserEditPage user={user} values={values} errors={errors} {...await choices()} /> });
    const parsed = userInputSchema.safeParse(form);
    if (!parsed.success) return again(fieldErrors(parsed.error));
    const result = await updateUser(db, id, parsed.data, auditActor(c));
    if (result.kind === 'missing') return notFound(c, 'Det finnes ingen bruker med den id-en.');
    if (result.kind === 'problems') return again(result.errors);
    return c.redirect(`/admin/brukere?lagret=${id}`, 303);
  });

  const invitesPage = async (c: Context, extra: Partial<Parameters<typeof InvitesPage>[0]> = {}, status: 200 | 422 = 200) => {
    const pending = await pendingInvites(db, c.var.clock());
    return respond(c, {
      title: 'Invitasjoner',
      status,
      body: <InvitesPage pending={pending} inviteHours={config.INVITE_HOURS} {...await choices()} {...extra} />,
    });
  };

  app.get('/admin/invitasjoner', (c) => invitesPage(c, { revoked: c.req.query('trukket') !== undefined }));

  app.post('/admin/invitasjoner', async (c) => {
    const form = await formInput(c);
    const parsed = inviteInputSchema.safeParse(form);
    if (!parsed.success) return invitesPage(c, { values: form, errors: fieldErrors(parsed.error) }, 422);
    const viewer = c.var.viewer!;
    const result = await createInvite(db, config, parsed.data, { ...auditActor(c), userId: viewer.id });
    if (result.kind === 'problems') return invitesPage(c, { values: form, errors: result.errors }, 422);
    const origin = config.PUBLIC_URL ?? new URL(c.req.url).origin;
    // The link is in this response only; a reload must not resend it from a cache.
    c.header('Cache-Control', 'no-store');
    return invitesPage(c, { created: { link: origin + invitePath(result.token), email: parsed.data.email, expiresAt: result.expiresAt.toISOString() } });
  });

  app.post('/admin/invitasjoner/:id/trekk-tilbake', idParam, async (c) => {
    const { id } = c.req.valid('param');
    const actor = auditActor(c);
    const revoked = await db.transaction().execute(async (trx) => {
      if (!(await revokeInvite(trx, id, actor.at))) return false;
      await recordAudit(trx, { ...actor, action: 'invite.revoke', entity: 'invite', entityId: id });
      return true;
    });
    if (!revoked) {
      return respondError(c, { status: 409, title: 'Kan ikke trekke tilbake', message: 'Invitasjonen finnes ikke, er allerede brukt eller er trukket tilbake.' });
    }
    return c.redirect('/admin/invitasjoner?trukket', 303);
  });

  return app;
}
