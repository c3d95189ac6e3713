import { applicableStatuses, applyProblem, proposalTargetLabel } from '../../../model/consultation-proposals.ts';
import type { Comment, RoundItem } from '../../../model/consultation.ts';
import { elementHref, kindInfo, type ElementKind } from '../../../model/kinds.ts';
import { diffWords } from '../../../model/word-diff.ts';
import { WordDiff } from '../../components/consultation.tsx';
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
  if (c.kind !== 'endringsforslag' || c.proposal === null || item.proposalTarget === null || item.currentText === null || item.elementVersion === null) return null;
  const field = proposalTargetLabel[item.proposalTarget];
  const problem = applyProblem(c, item);
  const waiting = !applicableStatuses.includes(c.status);
  if (problem && !waiting && state === undefined) return null;
  const kind = item.kind as ElementKind;
  const editHref = kind in kindInfo ? `${elementHref(kind, item.key)}/rediger` : null;
  return (
    <section aria-labelledby="innarbeid">
      <h2 class="ds-heading" data-size="sm" id="innarbeid">
        Innarbeid forslaget i {field}
      </h2>
      {state?.elementChangedFrom !== undefined ? (
        <div class="ds-alert" data-color="warning" role="alert" tabindex={-1} autofocus>
          <p class="ds-paragraph">
            {field[0]!.toUpperCase()}
            {field.slice(1)} er endret etter at du åpnet siden (du så versjon {state.elementChangedFrom}, nå er den versjon {item.elementVersion}). Ingenting er lagret. Se
            dagens tekst og forslaget under, og bruk forslaget på nytt om det fortsatt passer.
          </p>
        </div>
      ) : null}
      {state?.commentChanged ? (
        <div class="ds-alert" data-color="warning" role="alert" tabindex={-1} autofocus>
          <p class="ds-paragraph">Kommentaren er endret etter at du åpnet siden. Ingenting er lagret. Les forslaget slik det står nå, og bruk det på nytt om det fortsatt passer.</p>
        </div>
      ) : null}
      {state?.invalid !== undefined ? (
        <div class="ds-alert" data-color="danger" role="alert" tabindex={-1} autofocus>
          <p class="ds-paragraph">
            Forslaget kan ikke brukes som {field} slik det står: {state.invalid} Ingenting er lagret.
            {editHref ? (
              <>
                {' '}
                <a class="ds-link" href={editHref}>
                  Rediger elementet
                </a>{' '}
                for å skrive en tekst som kan brukes.
              </>
            ) : null}
          </p>
        </div>
      ) : null}
      {problem ? (
        <p class="ds-paragraph muted">{waiting ? `Forslaget kan brukes i ${field} når kommentaren er tatt til følge eller delvis tatt til følge.` : problem}</p>
      ) : (
        <>
          <p class="ds-paragraph">
            Slik blir {field} (versjon {item.elementVersion} nå) om du bruker forslaget. Endringen lagres som en vanlig endring av elementet, med en henvisning til denne
            kommentaren i historikken.
          </p>
          <WordDiff segments={diffWords(item.currentText, c.proposal)} />
          <form method="post" action={`${commentHref(c)}/innarbeid`}>
            <input type="hidden" name="elementVersion" value={String(item.elementVersion)} />
            <input type="hidden" name="commentVersion" value={String(c.version)} />
            <button class="ds-button" type="submit">
              Bruk forslaget i {field}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
