import { RoundBaselineNote } from '../../components/round-baseline.tsx';
import {
  acceptsComments,
  answersEarlierVersion,
  commentKindLabel,
  commentStatuses,
  commentStatusLabel,
  type Comment,
  type CommentBasis,
  type CommentVersion,
  type Reply,
  type Round,
  type RoundItem,
  type RoundState,
} from '../../../model/consultation.ts';
import { diffWords } from '../../../model/word-diff.ts';
import { Empty, PageHeader } from '../../components/common.tsx';
import { Answer, CommentBody, CommentStatusTag, ItemName, ProposalDiff, RoundStateTag, UserText, WordDiff } from '../../components/consultation.tsx';
import { Pager } from '../../components/pager.tsx';
import { ApplyProposal, type ApplyFormState } from './apply-proposal.tsx';
import { ErrorSummary, Notice, SelectField, TextAreaField, type FieldErrors } from '../../components/form.tsx';
import { DateTimeText } from '../../components/dates.tsx';

/** A form's values as typed and its errors, for re-rendering after a failed validation. */
export interface FormState {
  values: Record<string, string | undefined>;
  errors?: FieldErrors | undefined;
  /** What the form was based on, as posted: a re-rendered form keeps it, so a retry cannot skip past a change. */
  basis?: Partial<CommentBasis> | undefined;
  /** Set when the comment changed after the form was opened: the version the form was based on. Nothing was saved. */
  conflictFrom?: number | undefined;
}

export interface CommentAbilities {
  edit: boolean;
  reply: boolean;
  answer: boolean;
  hide: boolean;
  /** Write an accepted proposal into the element's text. */
  apply: boolean;
}

export interface CommentPageProps {
  round: Round;
  state: RoundState;
  item: RoundItem;
  comment: Comment;
  versions: CommentVersion[];
  replies: Reply[];
  page: number;
  pageSize: number;
  can: CommentAbilities;
  forms?: { reply?: FormState; answer?: FormState; hide?: FormState; apply?: ApplyFormState };
  saved?: string | undefined;
  /** The baseline the round opened on: the wording the comment was written against. */
  baseline?: { id: number; name: string } | null;
}

const savedMessages: Record<string, string> = {
  kommentar: 'Kommentaren er sendt. Prosjektet svarer på den her.',
  endret: 'Endringen er lagret. Den forrige versjonen er tatt vare på.',
  'endret-vurderes':
    'Endringen er lagret, og den forrige versjonen er tatt vare på. Kommentaren er satt tilbake til «under vurdering»: prosjektet svarer på den nye versjonen. Et svar som alt er gitt, står merket med versjonen det gjaldt.',
  uendret: 'Ingenting er endret, så ingenting er lagret.',
  innlegg: 'Innlegget er lagt til i tråden.',
  behandling: 'Status og svar er lagret.',
  skjult: 'Kommentaren er skjult. Teksten vises nå bare for administratorer og organisasjonen som skrev den.',
  innarbeidet: 'Forslaget er brukt i elementets tekst. Endringen står i elementets historikk med henvisning til denne kommentaren.',
};

export const commentHref = (c: Pick<Comment, 'roundId' | 'id'>) => `/horing/${c.roundId}/kommentarer/${c.id}`;

export function CommentPage(props: CommentPageProps) {
  const { round, state, item, comment: c, can } = props;
  const title = `Kommentar ${c.id}: ${commentKindLabel[c.kind]} fra ${c.organisationName}`;
  return (
    <>
      <PageHeader title={title} crumbs={[{ href: '/', label: 'Oversikt' }, { href: '/horing', label: 'Høring' }, { href: `/horing/${round.id}`, label: round.title }, { label: `Kommentar ${c.id}` }]}>
        <p class="element-meta">
          <RoundStateTag state={state} />
          <CommentStatusTag status={c.status} />
          <span>
            Skrevet <DateTimeText at={c.createdAt} />
          </span>
          {c.version > 1 ? (
            <span>
              endret <DateTimeText at={c.updatedAt} /> (versjon {c.version})
            </span>
          ) : null}
        </p>
        <RoundBaselineNote baseline={props.baseline} about="comment" />
      </PageHeader>
      {props.saved && savedMessages[props.saved] ? <Notice color="success">{savedMessages[props.saved]}</Notice> : null}
      <section aria-labelledby="gjelder">
        <h2 class="ds-heading" data-size="sm" id="gjelder">
          Gjelder <ItemName item={{ ...item, deleted: item.currentText === null }} />
        </h2>
        {item.currentText !== null ? (
          <blockquote class="requirement-text">
            <UserText text={item.currentText} />
          </blockquote>
        ) : (
          <p class="ds-paragraph muted">Elementet er slettet fra omfanget. Kommentaren står likevel.</p>
        )}
      </section>
      <section aria-labelledby="kommentaren" class="ds-card comment">
        <h2 class="ds-heading" data-size="sm" id="kommentaren">
          Kommentaren
        </h2>
        {c.proposal !== null && item.currentText !== null && c.baseText !== null && c.baseText !== item.currentText ? (
          <p class="ds-paragraph muted" data-size="sm">
            Teksten er endret etter at forslaget ble skrevet. Endringen under viser forslaget mot teksten slik den var da.
          </p>
        ) : null}
        <CommentBody comment={c} />
        <Answer comment={c} />
        {can.edit ? (
          <p class="ds-paragraph">
            <a class="ds-link" href={`${commentHref(c)}/rediger`}>
              Endre kommentaren
            </a>
          </p>
        ) : null}
      </section>
      <Versions versions={props.versions} comment={c} />
      {can.apply ? <ApplyProposal comment={c} item={item} state={props.forms?.apply} /> : null}
      {can.answer ? <AnswerForm comment={c} versions={props.versions} form={props.forms?.answer} /> : null}
      {can.hide && !c.hidden ? <HideForm comment={c} form={props.forms?.hide} /> : null}
      <Thread {...props} />
    </>
  );
}

function Versions({ versions, comment }: { versions: CommentVersion[]; comment: Comment }) {
  if (versions.length === 0 || comment.text === null) return null;
  return (
    <section aria-labelledby="versjoner">
      <h2 class="ds-heading" data-size="sm" id="versjoner">
        Tidligere versjoner ({versions.length})
      </h2>
      {versions.map((v) => (
        <details class="ds-details">
          <summary>
            Versjon {v.version}: {commentKindLabel[v.kind]}, skrevet <DateTimeText at={v.writtenAt} />
            {v.answer !== null ? ', med svar fra prosjektet' : ''}
          </summary>
          <div>
            <UserText text={v.text} />
            {v.proposal !== null ? <ProposalDiff before={v.baseText ?? ''} after={v.proposal} /> : null}
            {v.answer !== null ? (
              <section class="answer answer--earlier" aria-label={`Svar på versjon ${v.version}`}>
                <p class="answer__title ds-paragraph" data-size="sm">
                  <strong>Svar fra prosjektet på versjon {v.version}</strong>
                  {v.status ? ` (${commentStatusLabel[v.status].toLowerCase()})` : ''}
                  {v.answeredAt ? (
                    <>
                      {', '}
                      <DateTimeText at={v.answeredAt} />
                    </>
                  ) : null}
                </p>
                <UserText text={v.answer} />
              </section>
            ) : null}
          </div>
        </details>
      ))}
    </section>
  );
}

const basisInputs = (basis: Partial<CommentBasis>) => (
  <>
    <input type="hidden" name="version" value={String(basis.version ?? '')} />
    {basis.revision !== undefined ? <input type="hidden" name="revision" value={String(basis.revision)} /> : null}
  </>
);

/**
 * The architect's status and answer, for the wording on the page: the form carries the comment's
 * version and revision, and a save after the comment changed is refused (then this form comes
 * back with the architect's words and a note of what changed). An answer to an earlier wording is
 * not offered for re-saving: the new wording needs its own.
 */
function AnswerForm({ comment, versions, form }: { comment: Comment; versions: CommentVersion[]; form: FormState | undefined }) {
  const earlier = answersEarlierVersion(comment);
  const values = form?.values ?? { status: comment.status, answer: earlier ? '' : (comment.answer ?? '') };
  const basis = form?.basis ?? { version: comment.version, revision: comment.revision };
  const labels = { status: 'Status', answer: 'Prosjektets svar' };
  return (
    <section aria-labelledby="behandling">
      <h2 class="ds-heading" data-size="sm" id="behandling">
        Status og svar
      </h2>
      {form?.conflictFrom !== undefined ? <AnswerConflict comment={comment} from={form.conflictFrom} versions={versions} /> : null}
      <ErrorSummary errors={form?.errors} labels={labels} />
      {earlier && form?.conflictFrom === undefined ? (
        <p class="ds-paragraph">
          Svaret som står, gjaldt versjon {comment.answeredVersion}. Skriv svaret på versjon {comment.version}; det forrige svaret blir stående under «Tidligere versjoner».
        </p>
      ) : null}
      <form method="post" action={`${commentHref(comment)}/behandling`} class="form-narrow">
        {basisInputs(basis)}
        <SelectField name="status" label={labels.status} value={values.status} errors={form?.errors} options={commentStatuses.map((s) => ({ value: s, label: commentStatusLabel[s] }))} />
        <TextAreaField
          name="answer"
          label={labels.answer}
          description={`Svaret gjelder versjon ${basis.version ?? comment.version} av kommentaren og vises sammen med den for alle som kan lese høringen. Det må fylles ut når kommentaren er tatt til følge, delvis tatt til følge eller ikke tatt til følge.`}
          value={values.answer}
          errors={form?.errors}
          rows={5}
        />
        <button class="ds-button" type="submit">
          Lagre status og svar
        </button>
      </form>
    </section>
  );
}

/** Nothing was saved: how the comment changed since the architect opened it, and its handling now. */
function AnswerConflict({ comment: c, from, versions }: { comment: Comment; from: number; versions: CommentVersion[] }) {
  const seen = versions.find((v) => v.version === from);
  return (
    <div class="ds-alert" data-color="warning" role="alert" tabindex={-1} autofocus>
      <h3 class="ds-heading" data-size="xs">
        Kommentaren er endret etter at du åpnet den. Svaret ditt er ikke lagret.
      </h3>
      {c.version !== from ? (
        <>
          <p class="ds-paragraph">
            Du svarte på versjon {from}, men organisasjonen har lagret versjon {c.version} i mellomtiden. Les den nye teksten over før du svarer. Slik er kommentarteksten endret:
          </p>
          {seen && c.text !== null ? <WordDiff segments={diffWords(seen.text, c.text)} /> : null}
        </>
      ) : (
        <p class="ds-paragraph">Noen har endret status eller svar i mellomtiden.</p>
      )}
      <p class="ds-paragraph">
        Status nå: {commentStatusLabel[c.status]}. {c.answer === null ? 'Ingen svar ennå.' : answersEarlierVersion(c) ? `Svaret som står, gjaldt versjon ${c.answeredVersion}:` : 'Svaret som står:'}
      </p>
      {c.answer !== null ? <UserText text={c.answer} /> : null}
      <p class="ds-paragraph">Svaret du skrev, står i skjemaet under. Lagre det på nytt om det fortsatt passer.</p>
    </div>
  );
}

function HideForm({ comment, form }: { comment: Comment; form: FormState | undefined }) {
  return (
    <section aria-labelledby="skjul">
      <h2 class="ds-heading" data-size="sm" id="skjul">
        Skjul kommentaren
      </h2>
      <p class="ds-paragraph muted">
        For eksempel når den inneholder personopplysninger. Kommentaren står fortsatt i høringen og rapporten, merket som skjult; teksten og tråden vises bare for
        administratorer og organisasjonen som skrev den. Begrunnelsen vises for administratorer.
      </p>
      {form?.conflictFrom !== undefined ? (
        <Notice color="warning">
          Kommentaren er ikke skjult: organisasjonen har lagret versjon {comment.version} etter at du åpnet den (du så versjon {form.conflictFrom}). Les den nye teksten over, og skjul
          den på nytt om det fortsatt trengs.
        </Notice>
      ) : null}
      <ErrorSummary errors={form?.errors} labels={{ reason: 'Begrunnelse' }} />
      <form method="post" action={`${commentHref(comment)}/skjul`} class="form-narrow">
        {basisInputs({ version: form?.basis?.version ?? comment.version })}
        <TextAreaField name="reason" label="Begrunnelse" value={form?.values.reason} errors={form?.errors} />
        <button class="ds-button" data-color="danger" type="submit">
          Skjul kommentaren
        </button>
      </form>
    </section>
  );
}

function Thread({ comment: c, replies, page, pageSize, can, forms, state }: CommentPageProps) {
  const hiddenThread = c.hidden && c.text === null;
  return (
    <section aria-labelledby="traden-tittel" id="traden">
      <h2 class="ds-heading" data-size="sm" id="traden-tittel">
        Tråden ({c.replyCount} innlegg)
      </h2>
      {hiddenThread ? (
        <Empty>Tråden er skjult sammen med kommentaren.</Empty>
      ) : replies.length === 0 ? (
        <Empty>{c.replyCount === 0 ? 'Ingen innlegg ennå.' : `Ingen innlegg på side ${page}.`}</Empty>
      ) : (
        <ol class="thread">
          {replies.map((r) => (
            <li class="thread__reply" id={`innlegg-${r.id}`}>
              <p class="ds-paragraph" data-size="sm">
                <strong>{r.organisationName ?? 'Prosjektet (Direktoratet for e-helse)'}</strong>, <DateTimeText at={r.createdAt} />
              </p>
              {r.text !== null ? <UserText text={r.text} /> : <p class="muted">Innlegget er skjult.</p>}
            </li>
          ))}
        </ol>
      )}
      <Pager page={page} pageSize={pageSize} total={hiddenThread ? 0 : c.replyCount} href={(p) => `${commentHref(c)}${p > 1 ? `?side=${p}` : ''}#traden`} label="Sider i tråden" />
      {can.reply && acceptsComments(state) && !c.hidden ? (
        <>
          <ErrorSummary errors={forms?.reply?.errors} labels={{ text: 'Nytt innlegg' }} />
          <form method="post" action={`${commentHref(c)}/svar`} class="form-narrow">
            <TextAreaField name="text" label="Nytt innlegg" description="Innlegget vises i tråden for alle som kan lese høringen." value={forms?.reply?.values.text} errors={forms?.reply?.errors} rows={4} />
            <button class="ds-button" data-variant="secondary" type="submit">
              Legg til innlegget
            </button>
          </form>
        </>
      ) : null}
    </section>
  );
}
