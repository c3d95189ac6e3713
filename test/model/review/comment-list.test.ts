import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { commentListQuery, commentPaging } from '../../../model/review/comment-list.ts';
import { issueMessage } from '../../../src/http/forms.ts';

describe('paging the dashboard’s comments', () => {
  it('shows 20 at a time, and the last page for a page past the end', () => {
    expect(commentPaging(57, 1)).toEqual({ page: 1, pages: 3, offset: 0, first: 1, last: 20 });
    expect(commentPaging(57, 3)).toEqual({ page: 3, pages: 3, offset: 40, first: 41, last: 57 });
    expect(commentPaging(57, 9)).toMatchObject({ page: 3, first: 41 });
    expect(commentPaging(0)).toEqual({ page: 1, pages: 1, offset: 0, first: 0, last: 0 });
  });

  it('reads the filter from a query string, refusing what is not one in Norwegian (outside a request, the default language)', () => {
    const schema = z.object(commentListQuery);
    expect(schema.parse({ tjeneste: '7', standpunkt: 'opposes', side: '2' })).toEqual({ tjeneste: 7, standpunkt: 'opposes', side: 2 });
    expect(schema.parse({ tjeneste: '', standpunkt: '' })).toEqual({});
    expect(issueMessage(schema.safeParse({ standpunkt: 'kanskje' }).error?.issues[0])).toBe('Standpunkt må være ett av supports, supports-with-changes, opposes, no-opinion.');
    expect(issueMessage(schema.safeParse({ side: '0' }).error?.issues[0])).toBe('Siden må være 1 eller mer.');
  });
});
