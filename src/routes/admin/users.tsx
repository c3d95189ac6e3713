import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { bindingChoiceSchema, userInputSchema, type UserSummary } from '../../../model/accounts.ts';
import { say } from '../../../model/messages.ts';
import { shownVersionSchema, versionField } from '../../../model/versions.ts';
import { BindingChoiceFields } from '../../../views/pages/admin/binding.tsx';
import { UserEditPage, userFormValues, userStaleFields, type UserEditPageProps, type UserFormValues } from '../../../views/pages/admin/user-edit.tsx';
import { UsersPage } from '../../../views/pages/admin/users.tsx';
import { callerOf } from '../../auth/context.ts';
import { resetPath } from '../../auth/password-reset.ts';
import { createPasswordReset, updateUser } from '../../commands/admin.ts';
import { listOrganisations, listUsers, municipalityOptions, userById } from '../../db/queries/accounts.ts';
import { pendingResetFor } from '../../db/queries/invites.ts';
import type { Db } from '../../db/index.ts';
import type { AppDeps } from '../../deps.ts';
import { fieldErrors, formInput } from '../../http/forms.ts';
import { isFragmentRequest, notFound, respond } from '../../http/render.tsx';
import { validParams } from '../../http/validate.ts';
import { said } from '../consultation/common.ts';
import { issueText } from '../../../views/i18n/issues.ts';

export const idParam = validParams('param', z.object({ id: z.coerce.number({ error: say('admin.id.notNumber') }).int(say('admin.id.notPositive')).positive(say('admin.id.notPositive')) }));

/** What a role can be bound to: the lists the binding fields offer. */
export async function bindingChoices(db: Db) {
  const [municipalities, organisations] = await Promise.all([municipalityOptions(db), listOrganisations(db)]);
  return { municipalities, organisations };
}

/** Administrators manage users: role, binding, active or not, and a link for a new password. */
export function userRoutes({ db, config }: AppDeps): Hono {
  const app = new Hono();

  type Extra = Partial<Pick<UserEditPageProps, 'values' | 'errors' | 'resetLink' | 'resetRefused' | 'stale'>>;
  const editPage = async (c: Context, user: UserSummary, extra: Extra = {}, status: 200 | 409 | 422 = 200) => {
    const [choices, pendingReset] = await Promise.all([bindingChoices(db), pendingResetFor(db, user.id, c.var.clock())]);
    return respond(c, {
      title: user.name,
      status,
      body: (
        <UserEditPage user={user} values={userFormValues(user)} pendingReset={pendingReset} resetHours={config.PASSWORD_RESET_HOURS} {...choices} {...extra} />
      ),
    });
  };

  app.get('/admin/brukere', async (c) => {
    const users = await listUsers(db);
    const saved = users.find((u) => String(u.id) === c.req.query('lagret'))?.name;
    return respond(c, { title: c.var.i18n.t('admin.nav.users'), body: <UsersPage users={users} saved={saved} /> });
  });

  app.get('/admin/brukere/:id', idParam, async (c) => {
    // htmx asks for the binding field again when the role in the form changes.
    if (isFragmentRequest(c)) {
      const fields = <BindingChoiceFields values={bindingChoiceSchema.parse(c.req.query())} fallback={false} {...await bindingChoices(db)} />;
      return respond(c, { title: c.var.i18n.t('admin.users.fragmentTitle'), body: fields, fragment: fields });
    }
    const user = await userById(db, c.req.valid('param').id);
    if (!user) return notFound(c, c.var.i18n.t('admin.users.notFound'));
    return editPage(c, user);
  });

  app.post('/admin/brukere/:id', idParam, async (c) => {
    const { id } = c.req.valid('param');
    const user = await userById(db, id);
    if (!user) return notFound(c, c.var.i18n.t('admin.users.notFound'));
    const form = await formInput(c);
    const values: UserFormValues = { ...form, active: form.active === 'on' };
    const parsed = userInputSchema.safeParse(form);
    const shown = shownVersionSchema.safeParse(form[versionField]);
    if (!shown.success) return editPage(c, user, { values, errors: { skjema: shown.error.issues[0] ? issueText(shown.error.issues[0], c.var.i18n) : '' } }, 422);
    if (!parsed.success) return editPage(c, user, { values, errors: fieldErrors(parsed.error) }, 422);
    const result = await updateUser(db, callerOf(c), id, parsed.data, shown.data);
    if (result.kind === 'stale') {
      const stored = userFormValues(result.current);
      const stale = userStaleFields(values, stored, await listOrganisations(db), c.var.i18n);
      return editPage(c, result.current, { values: { ...values, version: stored.version }, stale }, 409);
    }
    if (result.kind === 'problems') return editPage(c, user, { values, errors: said(c, result.errors) }, 422);
    return c.redirect(`/admin/brukere?lagret=${id}`, 303);
  });

  app.post('/admin/brukere/:id/nytt-passord', idParam, async (c) => {
    const { id } = c.req.valid('param');
    const result = await createPasswordReset(db, callerOf(c), config, id);
    const user = await userById(db, id);
    if (!user) return notFound(c, c.var.i18n.t('admin.users.notFound'));
    if (result.kind === 'disabled') {
      return editPage(c, user, { resetRefused: c.var.i18n.t('admin.reset.refused') }, 409);
    }
    const origin = config.PUBLIC_URL ?? new URL(c.req.url).origin;
    // The link is in this response only; a reload must not resend it from a cache.
    c.header('Cache-Control', 'no-store');
    return editPage(c, user, { resetLink: { link: origin + resetPath(result.token), email: result.email, expiresAt: result.expiresAt.toISOString() } });
  });

  return app;
}
