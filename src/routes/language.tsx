import { Hono } from 'hono';
import { z } from 'zod';
import { returnPathSchema } from '../../model/accounts.ts';
import { say } from '../../model/messages.ts';
import { isLanguage } from '../../views/i18n/index.ts';
import { issueText } from '../../views/i18n/issues.ts';
import { callerOf } from '../auth/context.ts';
import { saveLanguage } from '../commands/own.ts';
import type { AppDeps } from '../deps.ts';
import { formInput } from '../http/forms.ts';
import { rememberLanguage } from '../http/language.ts';
import { respondError } from '../http/render.tsx';

const languageChoiceSchema = z.object({
  sprak: z.string().refine(isLanguage, say('layout.language.unknown')),
  tilbake: returnPathSchema,
});

/** The language switch on every page: saved for a signed-in user, remembered by the browser otherwise. */
export function languageRoutes({ db }: AppDeps): Hono {
  const app = new Hono();
  app.post('/sprak', async (c) => {
    const parsed = languageChoiceSchema.safeParse(await formInput(c));
    if (!parsed.success) {
      return respondError(c, { status: 422, title: c.var.i18n.t('layout.language.label'), message: parsed.error.issues[0] ? issueText(parsed.error.issues[0], c.var.i18n) : '' });
    }
    const { sprak, tilbake } = parsed.data;
    await saveLanguage(db, callerOf(c), sprak);
    rememberLanguage(c, sprak);
    return c.redirect(tilbake ?? '/', 303);
  });
  return app;
}
