import type { Child } from 'hono/jsx';
import { applicableStatuses, applyProblem } from '../../../model/consultation-proposals.ts';
import type { Comment, RoundItem } from '../../../model/consultation.ts';
import { elementHref, kindInfo, type ElementKind } from '../../../model/kinds.ts';
import { diffWords } from '../../../model/word-diff.ts';
import { say, WordDiff, type Markup } from '../../components/consultation.tsx';
import { useI18n } from '../../i18n/index.ts';
import { commentHref } from './comment.tsx';

/** How the last attempt to apply went, when it wrote nothing. */
export interface ApplyFormState {
  /** The element changed after the page was opened: the version the architect saw. */
  elementChangedFrom?: number;
  /** The comment's wording or handling changed after the page was opened. */
  commentChanged?: boolean;
  /** The element's rules refused the proposed text (422). */
  invalid?: string;
}

/**
 * For architects: writing an accepted change proposal into the requirement's text (or the
 * element's description), shown as the word diff from today's text. The form carries the element
 * version and the comment wording on the page, so nothing is applied over a change nobody saw.
 */
export function ApplyProposal({ comment: c, item, state }: { comment: Comment; item: RoundItem; state: ApplyFormState | undefined }) {
  const i18n = useI18n();
  const { t, tx } = i18n;
  if (c.kind !== 'endringsforslag' || c.proposal === null || item.proposalTarget === null || item.currentText === null || item.elementVersion === null) return null;
  const target = item.proposalTarget;
  const problem = applyProblem(c, item);
  const waiting = !applicableStatuses.includes(c.status);
  if (problem && !waiting && state === undefined) return null;
  const kind = item.kind as ElementKind;
  const editHref = kind in kindInfo ? `${elementHref(kind, item.key)}/rediger` : null;
  return (
    <section aria-labelledby="innarbeid">
      <h2 class="ds-heading" data-size="sm" id="innarbeid">
        {t('consultation.apply.heading', { target })}
      </h2>
      {state?.elementChangedFrom !== undefined ? (
        <div class="ds-alert" data-color="warning" role="alert" tabindex={-1} autofocus>
          <p class="ds-paragraph">{t('consultation.apply.elementChanged', { target, from: state.elementChangedFrom, version: item.elementVersion })}</p>
        </div>
      ) : null}
      {state?.commentChanged ? (
        <div class="ds-alert" data-color="warning" role="alert" tabindex={-1} autofocus>
          <p class="ds-paragraph">{t('consultation.apply.commentChanged')}</p>
        </div>
      ) : null}
      {state?.invalid !== undefined ? (
        <div class="ds-alert" data-color="danger" role="alert" tabindex={-1} autofocus>
          <p class="ds-paragraph">
            {t('consultation.apply.invalid', { target, problem: state.invalid })}
            {editHref ? (
              <>
                {' '}
                {tx('consultation.apply.editElement', {
                  link: (chunks: Array<string | Markup>) => (
                    <a class="ds-link" href={editHref}>
                      {chunks}
                    </a>
                  ),
                })}
              </>
            ) : null}
          </p>
        </div>
      ) : null}
      {problem ? (
        <p class="ds-paragraph muted">{waiting ? t('consultation.apply.waiting', { target }) : say(i18n, problem)}</p>
      ) : (
        <>
          <p class="ds-paragraph">{t('consultation.apply.preview', { target, version: item.elementVersion })}</p>
          <WordDiff segments={diffWords(item.currentText, c.proposal)} />
          <form method="post" action={`${commentHref(c)}/innarbeid`}>
            <input type="hidden" name="elementVersion" value={String(item.elementVersion)} />
            <input type="hidden" name="commentVersion" value={String(c.version)} />
            <button class="ds-button" type="submit">
              {t('consultation.apply.button', { target })}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
