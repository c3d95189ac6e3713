import { Hono, type Context } from 'hono';
import { acceptInviteSchema, acceptSetupSchema, landingPath, loginInputSchema, returnPathSchema } from '../../model/accounts.ts';
import { AcceptInvitePage } from '../../views/pages/invite.tsx';
import { LoginPage, throttledText, type LoginPageProps } from '../../views/pages/login.tsx';
import { callerOf } from '../auth/context.ts';
import { clearSessionCookie, readSessionToken, writeSessionCookie } from '../auth/cookie.ts';
import { invitePath } from '../auth/invites.ts';
import { acceptInvite } from '../commands/invites.ts';
import { endSession } from '../commands/sessions.ts';
import { signIn } from '../commands/sign-in.ts';
import type { Invite } from '../../model/accounts.ts';
import { inviteByToken, inviteUsable } from '../db/queries/invites.ts';
import { activeAdministratorCount } from '../db/queries/accounts.ts';
import type { AppDeps } from '../deps.ts';
import { fieldErrors, formInput } from '../http/forms.ts';
import { respond, respondError } from '../http/render.tsx';
import { passwordResetRoutes } from './password-reset.tsx';
import { said } from './consultation/common.ts';

/** Signing in and out, accepting an invitation (or the first-start setup link), choosing a new password. */
export function authRoutes(deps: AppDeps): Hono {
  const { db, config } = deps;
  const app = new Hono();
  app.route('/', passwordResetRoutes(deps));

  const loginPage = (c: Context, props: LoginPageProps, status: 200 | 401 | 422 | 429 = 200) =>
    respond(c, { title: c.var.i18n.t('auth.login.title'), status, body: <LoginPage {...props} signedInAs={c.var.viewer?.name} /> });

  app.get('/login', (c) => {
    const next = returnPathSchema.parse(c.req.query('neste'));
    const notice = c.req.query('utlogget') !== undefined ? ({ color: 'success', text: c.var.i18n.t('auth.login.signedOut') } as const) : undefined;
    return loginPage(c, { next, notice });
  });

  app.post('/login', async (c) => {
    const form = await formInput(c);
    const next = returnPathSchema.parse(form.neste);
    const parsed = loginInputSchema.safeParse(form);
    if (!parsed.success) return loginPage(c, { next, email: form.email ?? '', errors: fieldErrors(parsed.error) }, 422);

    const actor = callerOf(c);
    const result = await signIn(db, config, actor, { ...parsed.data, previousToken: readSessionToken(c, config) });
    if (result.kind === 'limited') {
      c.header('Retry-After', String(Math.ceil((result.until.getTime() - actor.at.getTime()) / 1000)));
      const text = throttledText(c.var.i18n.t, result.until, actor.at);
      return loginPage(c, { next, email: parsed.data.email, notice: { color: 'danger', text } }, 429);
    }
    if (result.kind === 'failed') {
      const text = c.var.i18n.t('auth.wrongCredentials');
      return loginPage(c, { next, email: parsed.data.email, notice: { color: 'danger', text } }, 401);
    }
    writeSessionCookie(c, config, result.token);
    return c.redirect(next ?? landingPath(result.role), 303);
  });

  app.post('/logg-ut', async (c) => {
    const viewer = c.var.viewer;
    if (viewer) await endSession(db, callerOf(c), viewer.sessionId, 'signed-out');
    clearSessionCookie(c, config);
    return c.redirect('/login?utlogget', 303);
  });

  /** The invitation behind a link, or the page that says it no longer works. A reset link is not an invitation. */
  const usableInvite = async (c: Context) => {
    const found = await inviteByToken(db, c.req.param('token') ?? '');
    const invite = found?.purpose === 'reset' ? undefined : found;
    if (invite?.purpose === 'setup' && (await activeAdministratorCount(db)) > 0) {
      // The setup link only ever creates the first administrator: once one exists it is used up,
      // whether or not this link made it.
      return respondError(c, {
        status: 410,
        title: c.var.i18n.t('auth.invite.usedUpTitle'),
        message: c.var.i18n.t('auth.invite.usedUp'),
      });
    }
    if (invite && inviteUsable(invite, c.var.clock())) return invite;
    return respondError(c, {
      status: invite ? 410 : 404,
      title: c.var.i18n.t('auth.link.brokenTitle'),
      message: c.var.i18n.t('auth.invite.broken'),
    });
  };

  const acceptPage = (
    c: Context,
    invite: Invite,
    extra: { values?: { email?: string; name?: string }; errors?: Record<string, string> } = {},
    status: 200 | 422 = 200,
  ) =>
    respond(c, {
      title: c.var.i18n.t(invite.purpose === 'setup' ? 'auth.invite.pageSetup' : 'auth.invite.page'),
      status,
      body: (
        <AcceptInvitePage
          action={invitePath(c.req.param('token') ?? '')}
          setup={invite.purpose === 'setup'}
          email={invite.email}
          role={invite.role}
          boundTo={invite.municipalityName ?? invite.organisationName}
          {...extra}
        />
      ),
    });

  app.get('/invitasjon/:token', async (c) => {
    const invite = await usableInvite(c);
    if (invite instanceof Response) return invite;
    return acceptPage(c, invite);
  });

  app.post('/invitasjon/:token', async (c) => {
    const invite = await usableInvite(c);
    if (invite instanceof Response) return invite;
    const form = await formInput(c);
    const values = { email: form.email ?? '', name: form.name ?? '' };
    const parsed =
      invite.purpose === 'setup'
        ? acceptSetupSchema.safeParse(form)
        : acceptInviteSchema.transform((v) => ({ ...v, email: invite.email ?? '' })).safeParse(form);
    if (!parsed.success) return acceptPage(c, invite, { values, errors: fieldErrors(parsed.error) }, 422);

    const { email, name, password } = parsed.data;
    const result = await acceptInvite(db, callerOf(c), invite, { email, name, password });
    if (result.kind === 'problems') return acceptPage(c, invite, { values, errors: said(c, result.errors) }, 422);
    if (result.kind === 'gone') {
      return respondError(c, { status: 410, title: c.var.i18n.t('auth.link.brokenTitle'), message: c.var.i18n.t('auth.invite.taken') });
    }
    const previous = c.var.viewer;
    if (previous) await endSession(db, callerOf(c), previous.sessionId, 'replaced');
    writeSessionCookie(c, config, result.token);
    return c.redirect(landingPath(invite.role), 303);
  });

  return app;
}
