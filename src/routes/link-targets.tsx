import { Hono } from 'hono';
import { z } from 'zod';
import { say } from '../../model/messages.ts';
import { LinkTargetOptions, LinkTargetPage } from '../../views/pages/link-targets.tsx';
import { linkTargetLimit, searchLinkTargets } from '../db/queries/link-targets.ts';
import type { AppDeps } from '../deps.ts';
import { respond } from '../http/render.tsx';
import { validParams } from '../http/validate.ts';

const text = z.string().max(200, say('validation.linkTarget.tooLong')).optional();
/** The picker's search: what to look for, the text (as `q`, or under the field's own name when htmx sends it), and where to go back to. */
const linkTargetQuerySchema = z.object({
  hva: z.enum(['krav', 'element'], { error: say('validation.linkTarget.scope') }),
  q: text,
  requirement: text,
  target: text,
  // Only a path on this site, so the link back cannot lead elsewhere.
  tilbake: z
    .string()
    .max(300)
    .regex(/^\/(?!\/)[^\s\\]*$/, say('validation.linkTarget.back'))
    .optional(),
});

/** Link targets found by searching (a bounded list), for the pickers on element and requirement pages. */
export function linkTargetRoutes({ db }: AppDeps): Hono {
  const app = new Hono();
  app.get('/koblingsmal', validParams('query', linkTargetQuerySchema), async (c) => {
    const query = c.req.valid('query');
    const text = query.q ?? query.requirement ?? query.target ?? '';
    const targets = text.trim() === '' ? [] : await searchLinkTargets(db, query.hva, text);
    const { t } = c.var.i18n;
    return respond(c, {
      title: t(query.hva === 'krav' ? 'links.picker.findRequirement' : 'links.picker.findElement'),
      body: <LinkTargetPage scope={query.hva} query={text} targets={targets} limit={linkTargetLimit} back={query.tilbake} />,
      fragment: <LinkTargetOptions scope={query.hva} targets={targets} />,
    });
  });
  return app;
}
