import {
  acceptsComments,
  commentKindLabel,
  commentKinds,
  commentStatuses,
  commentStatusLabel,
  type Comment,
  type CommentVersion,
  type Reply,
  type Round,
  type RoundItem,
  type RoundState,
} from '../../../model/consultation.ts';
import { itemLabel } from '../../../model/consultation-report.ts';
import type { DiffSegment } from '../../../model/word-diff.ts';
import { Empty, PageHeader } from '../../components/common.tsx';
import { Answer, CommentBody, CommentStatusTag, DateTime, ItemName, Pager, ProposalDiff, RoundStateTag, UserText, WordDiff } from '../../components/consultation.tsx';
import { ErrorSummary, Notice, SelectField, TextAreaField, type FieldErrors } from '../../components/form.tsx';

/** A form's values as typed and its errors, for re-rendering after a failed validation. */
export interface FormState {
  values: Record<string, string | undefined>;
  errors?: FieldErrors | undefined;
}

export interface CommentAbilities {
  edit: boolean;
  reply: boolean;
  answer: boolean;
  hide: boolean;
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
  forms?: { reply?: FormState; answer?: FormState; hide?: FormState };
  saved?: string | undefined;
}

const savedMessages: Record<string, string> = {
  kommentar: 'Kommentaren er sendt. Prosjektet svarer på den her.',
  endret: 'Endringen er lagret. Den forrige versjonen er tatt vare på.',
  innlegg: 'Innlegget er lagt til i tråden.',
  behandling: 'Status og svar er lagret.',
  skjult: 'Kommentaren er skjult. Teksten vises nå bare for administratorer og organisasjonen som skrev den.',
};

export const commentHref = (c: Pick<Comment, 'roundId' | 'id'>) => `/horing/${c.roundId}/kommentarer/${c.id}`;

export function CommentPage(props: CommentPageProps) {
  const { round, state, item, comment: c, can } = props;
  const title = `Kommentar ${c.id}: ${commentKindLabel[c.kind]} fra ${c.organisationName}`;
  return (
    <>
      <PageHeader title={title} crumbs={[{ href: '/horing', label: 'Høring' }, { href: `/horing/${round.id}`, label: round.title }, { label: `Kommentar ${c.id}` }]}>
        <p class="element-meta">
          <RoundStateTag state={state} />
          <CommentStatusTag status={c.status} />
          <span>
            Skrevet <DateTime at={c.createdAt} />
          </span>
          {c.version > 1 ? (
            <span>
              endret <DateTime at={c.updatedAt} /> (versjon {c.version})
            </span>
          ) : null}
        </p>
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
      {can.answer ? <AnswerForm comment={c} form={props.forms?.answer} /> : null}
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
            Versjon {v.version}: {commentKindLabel[v.kind]}, skrevet <DateTime at={v.writtenAt} />
          </summary>
          <div>
            <UserText text={v.text} />
            {v.proposal !== null ? <ProposalDiff before={v.baseText ?? ''} after={v.proposal} /> : null}
          </div>
        </details>
      ))}
    </section>
  );
}

function AnswerForm({ comment, form }: { comment: Comment; form: FormState | undefined }) {
  const values = form?.values ?? { status: comment.status, answer: comment.answer ?? '' };
  const labels = { status: 'Status', answer: 'Prosjektets svar' };
  return (
    <section aria-labelledby="behandling">
      <h2 class="ds-heading" data-size="sm" id="behandling">
        Status og svar
      </h2>
      <ErrorSummary errors={form?.errors} labels={labels} />
      <form method="post" action={`${commentHref(comment)}/behandling`} class="form-narrow">
        <SelectField name="status" label={labels.status} value={values.status} errors={form?.errors} options={commentStatuses.map((s) => ({ value: s, label: commentStatusLabel[s] }))} />
        <TextAreaField
          name="answer"
          label={labels.answer}
          description="Svaret vises sammen med kommentaren for alle som kan lese høringen. Det må fylles ut når kommentaren er tatt til følge, delvis tatt til følge eller ikke tatt til følge."
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
      <ErrorSummary errors={form?.errors} labels={{ reason: 'Begrunnelse' }} />
      <form method="post" action={`${commentHref(comment)}/skjul`} class="form-narrow">
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
    <section aria-labelledby="traden" id="traden">
      <h2 class="ds-heading" data-size="sm" id="traden">
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
                <strong>{r.organisationName ?? 'Prosjektet (Direktoratet for e-helse)'}</strong>, <DateTime at={r.createdAt} />
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

export interface CommentFormProps {
  round: Round;
  item: RoundItem;
  /** Set when editing an existing comment. */
  comment?: Comment | undefined;
  values: Record<string, string | undefined>;
  errors?: FieldErrors | undefined;
  /** The word diff of the proposal, when the writer asked to see it. */
  preview?: DiffSegment[] | undefined;
}

const formLabels = { kind: 'Type kommentar', text: 'Kommentar', proposal: 'Foreslått tekst', skjema: 'Skjema' };

/** Writing or editing a comment. "Vis endringen" posts the same form back and shows the word diff, without saving. */
export function CommentFormPage({ round, item, comment, values, errors, preview }: CommentFormProps) {
  const action = comment ? commentHref(comment) : `/horing/${round.id}/kommentarer`;
  const title = comment ? `Endre kommentar ${comment.id}` : `Kommenter ${itemLabel(item)}`;
  return (
    <>
      <PageHeader title={title} crumbs={[{ href: '/horing', label: 'Høring' }, { href: `/horing/${round.id}`, label: round.title }, { label: comment ? `Kommentar ${comment.id}` : 'Ny kommentar' }]} />
      <section aria-labelledby="dagens-tekst">
        <h2 class="ds-heading" data-size="sm" id="dagens-tekst">
          Dagens tekst
        </h2>
        <blockquote class="requirement-text">
          <UserText text={item.currentText ?? ''} />
        </blockquote>
      </section>
      {comment ? <p class="ds-paragraph muted">Den forrige versjonen tas vare på og vises sammen med kommentaren.</p> : null}
      <ErrorSummary errors={errors} labels={formLabels} />
      <form method="post" action={action} class="form-narrow form-wide">
        <input type="hidden" name="punkt" value={String(item.id)} />
        <SelectField name="kind" label={formLabels.kind} value={values.kind} errors={errors} options={commentKinds.map((k) => ({ value: k, label: commentKindLabel[k] }))} />
        <TextAreaField name="text" label={formLabels.text} description="Skrives på vegne av organisasjonen din." value={values.text} errors={errors} rows={6} />
        <TextAreaField
          name="proposal"
          label={formLabels.proposal}
          description="Bare for endringsforslag: skriv hele teksten slik dere foreslår den. Vi viser forskjellen fra dagens tekst ord for ord."
          value={values.proposal}
          errors={errors}
          rows={5}
        />
        {preview ? (
          <div class="proposal" aria-live="polite">
            <h2 class="ds-heading" data-size="xs">
              Endringen ord for ord
            </h2>
            <p class="ds-paragraph muted" data-size="sm">
              Slettet tekst er gjennomstreket, ny tekst er understreket.
            </p>
            <WordDiff segments={preview} />
          </div>
        ) : null}
        <div class="button-row">
          <button class="ds-button" type="submit" name="handling" value="send">
            {comment ? 'Lagre endringen' : 'Send kommentaren'}
          </button>
          <button class="ds-button" data-variant="secondary" type="submit" name="handling" value="forhandsvis">
            Vis endringen ord for ord
          </button>
        </div>
      </form>
    </>
  );
}
