import { z } from 'zod';
import { say } from '../messages.ts';
import { roundServiceIdSchema, stances } from './schemas.ts';

/** How many comments the dashboard shows at a time: enough to read, few enough to load fast. */
export const commentPageSize = 20;

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** The dashboard's comment list in a query string: one service's or one stance's comments, and which page. */
export const commentListQuery = {
  tjeneste: z.preprocess(blank, roundServiceIdSchema.optional()),
  standpunkt: z.preprocess(blank, z.enum(stances, { error: say('review.error.stanceFilter') }).optional()),
  side: z.preprocess(blank, z.coerce.number({ error: say('validation.page.number') }).int(say('validation.page.integer')).positive(say('validation.page.positive')).optional()),
};

export interface CommentPaging {
  page: number;
  pages: number;
  offset: number;
  /** The positions shown, counted from 1: "21–40". */
  first: number;
  last: number;
}

/** Which page to show of `total` comments: a page past the end shows the last one. */
export function commentPaging(total: number, requested = 1, size = commentPageSize): CommentPaging {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(requested, pages);
  const offset = (page - 1) * size;
  return { page, pages, offset, first: total === 0 ? 0 : offset + 1, last: Math.min(total, offset + size) };
}
