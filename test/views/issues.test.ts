import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { say } from '../../model/messages.ts';
import { i18nFor } from '../../views/i18n/index.ts';
import { issueText } from '../../views/i18n/issues.ts';

describe('validation messages from the model', () => {
  const schema = z.object({
    name: z.string().min(1, say('validation.required')),
    tags: z.array(z.string()).max(2, say('validation.atMost')),
    lines: z.string().superRefine((_, ctx) => ctx.addIssue({ code: 'custom', message: say('validation.atMost'), params: { maximum: 2000 } })),
  });
  const issues = schema.safeParse({ name: '', tags: ['a', 'b', 'c'], lines: 'x' }).error!.issues;

  it('are said in the reader language, with the values the model gave', () => {
    expect(issues.map((i) => issueText(i, i18nFor('nb')))).toEqual(['Må fylles ut.', 'Høyst 2 kan velges.', 'Høyst 2\u00a0000 kan velges.']);
    expect(issues.map((i) => issueText(i, i18nFor('en')))).toEqual(['Required.', 'At most 2 can be chosen.', 'At most 2,000 can be chosen.']);
  });

  it('shows a message that is not a catalogue key as it is', () => {
    expect(issueText({ message: 'Ukjent parameter: x.' }, i18nFor('en'))).toBe('Ukjent parameter: x.');
  });
});
