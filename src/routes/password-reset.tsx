import { Hono, type Context } from 'hono';
import { landingPath, newPasswordSchema, type Invite, type UserSummary } from '../../model/accounts.ts';
import { NewPasswordPage } from '../../views/pages/password-reset.tsx';
import type { FieldErrors } from '../../views/components/form.tsx';
import { callerOf } from '../auth/context.ts';
import { writeSessionCookie } from '../auth/cookie.ts';
import { resetPath } from '../auth/password-reset.ts';
import { usePasswordReset } from '../commands/passwords.ts';
import { endSession } from '../commands/sessions.ts';
import { userById } from '../db/queries/accounts.ts';
import { inviteByToken, inviteUsable } from '../db/queries/invites.ts';
import type { AppDeps } from '../deps.ts';
import { fieldErrors, formInput } from '../http/forms.ts';
import { respond, respondError } from '../http/render.tsx';


/** Choosing a new password with the one-time link an administrator made (`/admin/brukere/:id`). */
export function passwordResetRoutes({ db, config }: AppDeps): Hono {
  const app = new Hono();

  /** The link and its user, or the page that says the link does not work. */
  const usableReset = async (c: Context): Promise<{ invite: Invite; user: UserSummary } | Response> => {
    const found = await inviteByToken(db, c.req.param('token') ?? '');
    const invite = found?.purpose === 'reset' ? found : undefined;
    const user = invite?.userId ? await userById(db, invite.userId) : undefined;
    if (invite && user && user.disabledAt === null && inviteUsable(invite, c.var.clock())) return { invite, user };
    return respondError(c, { status: invite ? 410 : 404, title: c.var.i18n.t('auth.link.brokenTitle'), message: c.var.i18n.t('auth.reset.broken') });
  };

  const page = (c: Context, user: UserSummary, errors?: FieldErrors) =>
    respond(c, {
      title: c.var.i18n.t('auth.reset.page'),
      status: errors ? 422 : 200,
      body: <NewPasswordPage action={resetPath(c.req.param('token') ?? '')} name={user.name} email={user.email} errors={errors} />,
    });

  app.get('/nytt-passord/:token', async (c) => {
    const found = await usableReset(c);
    if (found instanceof Response) return found;
    return page(c, found.user);
  });

  app.post('/nytt-passord/:token', async (c) => {
    const found = await usableReset(c);
    if (found instanceof Response) return found;
    const parsed = newPasswordSchema.safeParse(await formInput(c));
    if (!parsed.success) return page(c, found.user, fieldErrors(parsed.error));
    const result = await usePasswordReset(db, callerOf(c), found.invite, parsed.data.password);
    if (result.kind === 'gone') return respondError(c, { status: 410, title: c.var.i18n.t('auth.link.brokenTitle'), message: c.var.i18n.t('auth.reset.broken') });
    // Someone else signed in in this browser is signed out (the user's own sessions ended already).
    const previous = c.var.viewer;
    if (previous) await endSession(db, callerOf(c), previous.sessionId, 'replaced');
    writeSessionCookie(c, config, result.token);
    return c.redirect(landingPath(result.role), 303);
  });

  return app;
}
