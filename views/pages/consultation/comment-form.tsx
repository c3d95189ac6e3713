import { commentKinds, type Comment, type CommentBasis, type Round, type RoundItem } from '../../../model/consultation.ts';
import { itemLabel } from '../../../model/consultation-report.ts';
import type { DiffSegment } from '../../../model/word-diff.ts';
import { PageHeader } from '../../components/common.tsx';
import { Answer, CommentStatusTag, UserText, WordDiff } from '../../components/consultation.tsx';
import { ErrorSummary, Notice, SelectField, TextAreaField, type FieldErrors } from '../../components/form.tsx';
import { useI18n } from '../../i18n/index.ts';
import { commentHref } from './comment.tsx';

/** Someone changed the comment after the writer opened the form: what it is now, and what they sent. */
export interface EditConflict {
  /** The version the writer started from. */
  from: number;
  /** The fields as the writer sent them. */
  submitted: Record<string, string | undefined>;
}

export interface CommentFormProps {
  round: Round;
  item: RoundItem;
  /** Set when editing an existing comment: the comment as it is stored now. */
  comment?: Comment | undefined;
  /** What the edit is based on (carried by the form); the stored comment's unless the form was posted back. */
  basis?: CommentBasis | undefined;
  values: Record<string, string | undefined>;
  errors?: FieldErrors | undefined;
  /** The word diff of the proposal, when the writer asked to see it. */
  preview?: DiffSegment[] | undefined;
  conflict?: EditConflict | undefined;
}

/** Writing or editing a comment. "Vis endringen" posts the same form back and shows the word diff, without saving. */
export function CommentFormPage({ round, item, comment, basis, values, errors, preview, conflict }: CommentFormProps) {
  const { t } = useI18n();
  const formLabels = { kind: t('consultation.form.kind'), text: t('consultation.csv.comment'), proposal: t('consultation.csv.proposal') };
  const action = comment ? commentHref(comment) : `/horing/${round.id}/kommentarer`;
  const title = comment ? t('consultation.form.editComment', { id: comment.id }) : t('consultation.form.commentOn', { item: itemLabel(item) });
  const formBasis = basis ?? (comment ? { version: comment.version, revision: comment.revision } : undefined);
  const target = item.proposalTarget;
  // A change proposal needs a text to replace; offered for other elements only to a comment that already is one.
  const kinds = commentKinds.filter((k) => k !== 'endringsforslag' || target !== null || values.kind === 'endringsforslag');
  return (
    <>
      <PageHeader
        title={title}
        crumbs={[
          { href: '/', label: t('consultation.crumb.home') },
          { href: '/horing', label: t('consultation.crumb.consultation') },
          { href: `/horing/${round.id}`, label: round.title },
          { label: comment ? t('consultation.comment.number', { id: comment.id }) : t('consultation.form.newComment') },
        ]}
      />
      {comment && conflict ? <ConflictPanel comment={comment} conflict={conflict} /> : null}
      <section aria-labelledby="dagens-tekst">
        <h2 class="ds-heading" data-size="sm" id="dagens-tekst">
          {t('consultation.form.currentText')}
        </h2>
        <blockquote class="requirement-text">
          <UserText text={item.currentText ?? ''} />
        </blockquote>
      </section>
      {comment ? <p class="ds-paragraph muted">{t('consultation.form.keepsPrevious')}</p> : null}
      {comment && !conflict && (comment.status !== 'mottatt' || comment.answer !== null) ? <TakenUpNotice comment={comment} /> : null}
      <ErrorSummary errors={errors} labels={formLabels} />
      <form method="post" action={action} class="form-narrow form-wide">
        <input type="hidden" name="punkt" value={String(item.id)} />
        {formBasis ? (
          <>
            <input type="hidden" name="version" value={String(formBasis.version)} />
            <input type="hidden" name="revision" value={String(formBasis.revision)} />
          </>
        ) : null}
        <SelectField name="kind" label={formLabels.kind} value={values.kind} errors={errors} options={kinds.map((k) => ({ value: k, label: t(`consultation.kind.${k}`) }))} />
        <TextAreaField name="text" label={formLabels.text} description={t('consultation.form.onBehalf')} value={values.text} errors={errors} rows={6} />
        {target !== null || errors?.proposal ? (
          <TextAreaField
            name="proposal"
            label={formLabels.proposal}
            description={
              target !== null ? t('consultation.form.proposalHint', { target }) : t('consultation.form.proposalNoText')
            }
            value={values.proposal}
            errors={errors}
            rows={5}
          />
        ) : (
          <p class="ds-paragraph muted" data-size="sm">
            {t('consultation.form.noProposal')}
          </p>
        )}
        {/* The word diff: with htmx it is drawn in place (the address stays the form's page); without, the page comes back with it. */}
        <div id="endringen-ord-for-ord" class={preview ? 'proposal' : undefined}>
          {preview ? (
            <>
              <h2 class="ds-heading" data-size="xs" tabindex={-1} autofocus>
                {t('consultation.form.previewHeading')}
              </h2>
              <p class="ds-paragraph muted" data-size="sm">
                {t('consultation.diff.legend')}
              </p>
              <WordDiff segments={preview} />
            </>
          ) : null}
        </div>
        <div class="button-row">
          <button class="ds-button" type="submit" name="handling" value="send">
            {comment ? (conflict ? t('consultation.form.saveAnyway') : t('consultation.form.saveEdit')) : t('consultation.form.send')}
          </button>
          {target !== null ? (
            <button
              class="ds-button"
              data-variant="secondary"
              type="submit"
              name="handling"
              value="forhandsvis"
              hx-post={action}
              hx-target="#endringen-ord-for-ord"
              hx-select="#endringen-ord-for-ord"
              hx-swap="outerHTML"
            >
              {t('consultation.form.preview')}
            </button>
          ) : null}
          {conflict && comment ? (
            <a class="ds-button" data-variant="tertiary" href={commentHref(comment)}>
              {t('consultation.form.discard')}
            </a>
          ) : null}
        </div>
      </form>
    </>
  );
}

/** Before an edit of a comment the programme has taken up: what saving will do to its status and answer. */
function TakenUpNotice({ comment: c }: { comment: Comment }) {
  const { t } = useI18n();
  const status = t(`consultation.statusInText.${c.status}`);
  return (
    <Notice color="info">
      {c.answer !== null ? t('consultation.form.takenUpAnswered', { status, version: c.answeredVersion ?? c.version }) : t('consultation.form.takenUp', { status })}
    </Notice>
  );
}

const show = (v: string | null | undefined) => (v && v.trim() !== '' ? v : '–');

/** Nothing was saved: the comment as stored now beside what the writer sent, and the programme's handling now. */
function ConflictPanel({ comment: c, conflict }: { comment: Comment; conflict: EditConflict }) {
  const { t } = useI18n();
  const sent = conflict.submitted;
  const sentKind = commentKinds.find((k) => k === sent.kind);
  const rows: Array<[string, string, string]> = [
    [t('consultation.csv.kind'), sentKind ? t(`consultation.kind.${sentKind}`) : '–', t(`consultation.kind.${c.kind}`)],
    [t('consultation.csv.comment'), show(sent.text), show(c.text)],
    [t('consultation.csv.proposal'), sentKind === 'endringsforslag' ? show(sent.proposal) : '–', show(c.proposal)],
  ];
  return (
    <section aria-labelledby="konflikt-tittel" class="conflict-panel">
      <div class="ds-alert" data-color="warning" role="alert" tabindex={-1} autofocus>
        <h2 class="ds-heading" data-size="xs" id="konflikt-tittel">
          {t('consultation.editConflict.heading')}
        </h2>
        <p class="ds-paragraph">
          {c.version !== conflict.from ? t('consultation.editConflict.newVersion', { from: conflict.from, version: c.version }) : t('consultation.editConflict.handled')}
        </p>
      </div>
      <div class="table-scroll">
        <table class="ds-table conflict" data-border>
          <caption>{t('consultation.editConflict.caption', { version: c.version })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('consultation.editConflict.field')}</th>
              <th scope="col">{t('consultation.editConflict.yours')}</th>
              <th scope="col">{t('consultation.editConflict.stored')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, mine, theirs]) => (
              <tr>
                <th scope="row">{label}</th>
                <td class="conflict__mine">
                  <UserText text={mine} />
                </td>
                <td class="conflict__theirs">
                  <UserText text={theirs} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 class="ds-heading" data-size="2xs">
        {t('consultation.editConflict.handling')}
      </h3>
      <p class="ds-paragraph">
        {t('consultation.list.status')}: <CommentStatusTag status={c.status} />
      </p>
      <Answer comment={c} />
      {c.status !== 'mottatt' || c.answer !== null ? (
        <p class="ds-paragraph muted">{t('consultation.editConflict.reopens')}</p>
      ) : null}
    </section>
  );
}
