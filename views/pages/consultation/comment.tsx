import type { Child } from 'hono/jsx';
import { RoundBaselineNote } from '../../components/round-baseline.tsx';
import {
  acceptsComments,
  answersEarlierVersion,
  commentStatuses,
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
import { Answer, CommentBody, CommentStatusTag, commentTitle, ItemName, ProposalDiff, RoundStateTag, UserText, WordDiff, type Markup } from '../../components/consultation.tsx';
import { Pager } from '../../components/pager.tsx';
import { ApplyProposal, type ApplyFormState } from './apply-proposal.tsx';
import { ErrorSummary, Notice, SelectField, TextAreaField, type FieldErrors } from '../../components/form.tsx';
import { DateTimeText } from '../../components/dates.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.ts';

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

/** The notice after a save, by the `lagret` the redirect carries. */
const savedMessages = {
  kommentar: 'consultation.saved.comment',
  endret: 'consultation.saved.edited',
  'endret-vurderes': 'consultation.saved.editedReopened',
  uendret: 'consultation.saved.unchanged',
  innlegg: 'consultation.saved.reply',
  behandling: 'consultation.saved.answer',
  skjult: 'consultation.saved.hidden',
  innarbeidet: 'consultation.saved.applied',
} as const satisfies Record<string, MessageKey>;
const savedMessage = (saved: string | undefined): MessageKey | undefined => (saved && saved in savedMessages ? savedMessages[saved as keyof typeof savedMessages] : undefined);

const strong = (chunks: Array<string | Markup>) => <strong>{chunks}</strong>;
const timeTag = (at: string) => (chunks: Array<string | Markup>) => <time datetime={at}>{chunks}</time>;

export const commentHref = (c: Pick<Comment, 'roundId' | 'id'>) => `/horing/${c.roundId}/kommentarer/${c.id}`;

export function CommentPage(props: CommentPageProps) {
  const { round, state, item, comment: c, can } = props;
  const i18n = useI18n();
  const { t, tx } = i18n;
  const title = t('consultation.comment.numbered', { id: c.id, title: commentTitle(i18n, c) });
  const saved = savedMessage(props.saved);
  return (
    <>
      <PageHeader
        title={title}
        crumbs={[
          { href: '/', label: t('consultation.crumb.home') },
          { href: '/horing', label: t('consultation.crumb.consultation') },
          { href: `/horing/${round.id}`, label: round.title },
          { label: t('consultation.comment.number', { id: c.id }) },
        ]}
      >
        <p class="element-meta">
          <RoundStateTag state={state} />
          <CommentStatusTag status={c.status} />
          <span>{tx('consultation.comment.writtenCapital', { at: i18n.dateTime(c.createdAt), time: timeTag(c.createdAt) })}</span>
          {c.version > 1 ? <span>{tx('consultation.comment.edited', { at: i18n.dateTime(c.updatedAt), version: c.version, time: timeTag(c.updatedAt) })}</span> : null}
        </p>
        <RoundBaselineNote baseline={props.baseline} about="comment" />
      </PageHeader>
      {saved ? <Notice color="success">{t(saved)}</Notice> : null}
      <section aria-labelledby="gjelder">
        <h2 class="ds-heading" data-size="sm" id="gjelder">
          {tx('consultation.comment.aboutHeading', { item: () => <ItemName item={{ ...item, deleted: item.currentText === null }} /> })}
        </h2>
        {item.currentText !== null ? (
          <blockquote class="requirement-text">
            <UserText text={item.currentText} />
          </blockquote>
        ) : (
          <p class="ds-paragraph muted">{t('consultation.comment.itemDeleted')}</p>
        )}
      </section>
      <section aria-labelledby="kommentaren" class="ds-card comment">
        <h2 class="ds-heading" data-size="sm" id="kommentaren">
          {t('consultation.comment.heading')}
        </h2>
        {c.proposal !== null && item.currentText !== null && c.baseText !== null && c.baseText !== item.currentText ? (
          <p class="ds-paragraph muted" data-size="sm">
            {t('consultation.comment.textChanged')}
          </p>
        ) : null}
        <CommentBody comment={c} />
        <Answer comment={c} />
        {can.edit ? (
          <p class="ds-paragraph">
            <a class="ds-link" href={`${commentHref(c)}/rediger`}>
              {t('consultation.comment.edit')}
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
  const i18n = useI18n();
  const { t, tx } = i18n;
  if (versions.length === 0 || comment.text === null) return null;
  return (
    <section aria-labelledby="versjoner">
      <h2 class="ds-heading" data-size="sm" id="versjoner">
        {t('consultation.versions.heading', { count: versions.length })}
      </h2>
      {versions.map((v) => (
        <details class="ds-details">
          <summary>
            {tx(v.answer !== null ? 'consultation.versions.summaryAnswered' : 'consultation.versions.summary', {
              version: v.version,
              kind: t(`consultation.kind.${v.kind}`),
              at: i18n.dateTime(v.writtenAt),
              time: timeTag(v.writtenAt),
            })}
          </summary>
          <div>
            <UserText text={v.text} />
            {v.proposal !== null ? <ProposalDiff before={v.baseText ?? ''} after={v.proposal} /> : null}
            {v.answer !== null ? (
              <section class="answer answer--earlier" aria-label={t('consultation.versions.answerLabel', { version: v.version })}>
                <p class="answer__title ds-paragraph" data-size="sm">
                  {tx('consultation.answer.titleVersion', { version: v.version, strong })}
                  {v.status ? ` (${t(`consultation.statusInText.${v.status}`)})` : ''}
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
  const { t } = useI18n();
  const labels = { status: t('consultation.list.status'), answer: t('consultation.answerForm.answer') };
  return (
    <section aria-labelledby="behandling">
      <h2 class="ds-heading" data-size="sm" id="behandling">
        {t('consultation.answerForm.heading')}
      </h2>
      {form?.conflictFrom !== undefined ? <AnswerConflict comment={comment} from={form.conflictFrom} versions={versions} /> : null}
      <ErrorSummary errors={form?.errors} labels={labels} />
      {earlier && form?.conflictFrom === undefined ? (
        <p class="ds-paragraph">
          {t('consultation.answerForm.earlier', { answered: comment.answeredVersion ?? 0, version: comment.version })}
        </p>
      ) : null}
      <form method="post" action={`${commentHref(comment)}/behandling`} class="form-narrow">
        {basisInputs(basis)}
        <SelectField name="status" label={labels.status} value={values.status} errors={form?.errors} options={commentStatuses.map((s) => ({ value: s, label: t(`consultation.status.${s}`) }))} />
        <TextAreaField
          name="answer"
          label={labels.answer}
          description={t('consultation.answerForm.hint', { version: basis.version ?? comment.version })}
          value={values.answer}
          errors={form?.errors}
          rows={5}
        />
        <button class="ds-button" type="submit">
          {t('consultation.answerForm.save')}
        </button>
      </form>
    </section>
  );
}

/** Nothing was saved: how the comment changed since the architect opened it, and its handling now. */
function AnswerConflict({ comment: c, from, versions }: { comment: Comment; from: number; versions: CommentVersion[] }) {
  const seen = versions.find((v) => v.version === from);
  const { t } = useI18n();
  return (
    <div class="ds-alert" data-color="warning" role="alert" tabindex={-1} autofocus>
      <h3 class="ds-heading" data-size="xs">
        {t('consultation.answerConflict.heading')}
      </h3>
      {c.version !== from ? (
        <>
          <p class="ds-paragraph">{t('consultation.answerConflict.newVersion', { from, version: c.version })}</p>
          {seen && c.text !== null ? <WordDiff segments={diffWords(seen.text, c.text)} /> : null}
        </>
      ) : (
        <p class="ds-paragraph">{t('consultation.answerConflict.handled')}</p>
      )}
      <p class="ds-paragraph">
        {t('consultation.answerConflict.statusNow', { status: t(`consultation.status.${c.status}`) })}{' '}
        {c.answer === null
          ? t('consultation.answerConflict.noAnswer')
          : answersEarlierVersion(c)
            ? t('consultation.answerConflict.answerEarlier', { answered: c.answeredVersion ?? 0 })
            : t('consultation.answerConflict.answerNow')}
      </p>
      {c.answer !== null ? <UserText text={c.answer} /> : null}
      <p class="ds-paragraph">{t('consultation.answerConflict.yours')}</p>
    </div>
  );
}

function HideForm({ comment, form }: { comment: Comment; form: FormState | undefined }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="skjul">
      <h2 class="ds-heading" data-size="sm" id="skjul">
        {t('consultation.hide.heading')}
      </h2>
      <p class="ds-paragraph muted">{t('consultation.hide.lead')}</p>
      {form?.conflictFrom !== undefined ? <Notice color="warning">{t('consultation.hide.conflict', { version: comment.version, from: form.conflictFrom })}</Notice> : null}
      <ErrorSummary errors={form?.errors} labels={{ reason: t('consultation.hide.reason') }} />
      <form method="post" action={`${commentHref(comment)}/skjul`} class="form-narrow">
        {basisInputs({ version: form?.basis?.version ?? comment.version })}
        <TextAreaField name="reason" label={t('consultation.hide.reason')} value={form?.values.reason} errors={form?.errors} />
        <button class="ds-button" data-color="danger" type="submit">
          {t('consultation.hide.heading')}
        </button>
      </form>
    </section>
  );
}

function Thread({ comment: c, replies, page, pageSize, can, forms, state }: CommentPageProps) {
  const hiddenThread = c.hidden && c.text === null;
  const { t } = useI18n();
  return (
    <section aria-labelledby="traden-tittel" id="traden">
      <h2 class="ds-heading" data-size="sm" id="traden-tittel">
        {t('consultation.thread.heading', { count: c.replyCount })}
      </h2>
      {hiddenThread ? (
        <Empty>{t('consultation.thread.hidden')}</Empty>
      ) : replies.length === 0 ? (
        <Empty>{c.replyCount === 0 ? t('consultation.thread.none') : t('consultation.thread.nonePage', { page })}</Empty>
      ) : (
        <ol class="thread">
          {replies.map((r) => (
            <li class="thread__reply" id={`innlegg-${r.id}`}>
              <p class="ds-paragraph" data-size="sm">
                <strong>{r.organisationName ?? t('consultation.thread.programme')}</strong>, <DateTimeText at={r.createdAt} />
              </p>
              {r.text !== null ? <UserText text={r.text} /> : <p class="muted">{t('consultation.thread.replyHidden')}</p>}
            </li>
          ))}
        </ol>
      )}
      <Pager page={page} pageSize={pageSize} total={hiddenThread ? 0 : c.replyCount} href={(p) => `${commentHref(c)}${p > 1 ? `?side=${p}` : ''}#traden`} label={t('consultation.pager.thread')} />
      {can.reply && acceptsComments(state) && !c.hidden ? (
        <>
          <ErrorSummary errors={forms?.reply?.errors} labels={{ text: t('consultation.thread.new') }} />
          <form method="post" action={`${commentHref(c)}/svar`} class="form-narrow">
            <TextAreaField name="text" label={t('consultation.thread.new')} description={t('consultation.thread.newHint')} value={forms?.reply?.values.text} errors={forms?.reply?.errors} rows={4} />
            <button class="ds-button" data-variant="secondary" type="submit">
              {t('consultation.thread.add')}
            </button>
          </form>
        </>
      ) : null}
    </section>
  );
}
