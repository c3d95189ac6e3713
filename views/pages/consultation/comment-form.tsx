import { commentKindLabel, commentKinds, commentStatusLabel, type Comment, type CommentBasis, type Round, type RoundItem } from '../../../model/consultation.ts';
import { proposalTargetLabel } from '../../../model/consultation-proposals.ts';
import { itemLabel } from '../../../model/consultation-report.ts';
import type { DiffSegment } from '../../../model/word-diff.ts';
import { PageHeader } from '../../components/common.tsx';
import { Answer, CommentStatusTag, UserText, WordDiff } from '../../components/consultation.tsx';
import { ErrorSummary, Notice, SelectField, TextAreaField, type FieldErrors } from '../../components/form.tsx';
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

const formLabels = { kind: 'Type kommentar', text: 'Kommentar', proposal: 'Foreslått tekst' };

/** Writing or editing a comment. "Vis endringen" posts the same form back and shows the word diff, without saving. */
export function CommentFormPage({ round, item, comment, basis, values, errors, preview, conflict }: CommentFormProps) {
  const action = comment ? commentHref(comment) : `/horing/${round.id}/kommentarer`;
  const title = comment ? `Endre kommentar ${comment.id}` : `Kommenter ${itemLabel(item)}`;
  const formBasis = basis ?? (comment ? { version: comment.version, revision: comment.revision } : undefined);
  const target = item.proposalTarget;
  // A change proposal needs a text to replace; offered for other elements only to a comment that already is one.
  const kinds = commentKinds.filter((k) => k !== 'endringsforslag' || target !== null || values.kind === 'endringsforslag');
  return (
    <>
      <PageHeader title={title} crumbs={[{ href: '/', label: 'Oversikt' }, { href: '/horing', label: 'Høring' }, { href: `/horing/${round.id}`, label: round.title }, { label: comment ? `Kommentar ${comment.id}` : 'Ny kommentar' }]} />
      {comment && conflict ? <ConflictPanel comment={comment} conflict={conflict} /> : null}
      <section aria-labelledby="dagens-tekst">
        <h2 class="ds-heading" data-size="sm" id="dagens-tekst">
          Dagens tekst
        </h2>
        <blockquote class="requirement-text">
          <UserText text={item.currentText ?? ''} />
        </blockquote>
      </section>
      {comment ? <p class="ds-paragraph muted">Den forrige versjonen tas vare på og vises sammen med kommentaren.</p> : null}
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
        <SelectField name="kind" label={formLabels.kind} value={values.kind} errors={errors} options={kinds.map((k) => ({ value: k, label: commentKindLabel[k] }))} />
        <TextAreaField name="text" label={formLabels.text} description="Skrives på vegne av organisasjonen din." value={values.text} errors={errors} rows={6} />
        {target !== null || errors?.proposal ? (
          <TextAreaField
            name="proposal"
            label={formLabels.proposal}
            description={
              target !== null
                ? `Bare for endringsforslag: skriv hele ${proposalTargetLabel[target]} slik dere foreslår den. Vi viser forskjellen fra dagens tekst ord for ord.`
                : 'Elementet har ingen tekst å foreslå ny ordlyd for.'
            }
            value={values.proposal}
            errors={errors}
            rows={5}
          />
        ) : (
          <p class="ds-paragraph muted" data-size="sm">
            Elementet har ingen kravtekst eller beskrivelse, så det kan ikke foreslås ny ordlyd for det. Ønsker dere en endring, beskriv den i kommentaren.
          </p>
        )}
        {/* The word diff: with htmx it is drawn in place (the address stays the form's page); without, the page comes back with it. */}
        <div id="endringen-ord-for-ord" class={preview ? 'proposal' : undefined}>
          {preview ? (
            <>
              <h2 class="ds-heading" data-size="xs" tabindex={-1} autofocus>
                Endringen ord for ord
              </h2>
              <p class="ds-paragraph muted" data-size="sm">
                Slettet tekst er gjennomstreket, ny tekst er understreket.
              </p>
              <WordDiff segments={preview} />
            </>
          ) : null}
        </div>
        <div class="button-row">
          <button class="ds-button" type="submit" name="handling" value="send">
            {comment ? (conflict ? 'Lagre endringen min likevel' : 'Lagre endringen') : 'Send kommentaren'}
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
              Vis endringen ord for ord
            </button>
          ) : null}
          {conflict && comment ? (
            <a class="ds-button" data-variant="tertiary" href={commentHref(comment)}>
              Forkast endringen min
            </a>
          ) : null}
        </div>
      </form>
    </>
  );
}

/** Before an edit of a comment the programme has taken up: what saving will do to its status and answer. */
function TakenUpNotice({ comment: c }: { comment: Comment }) {
  return (
    <Notice color="info">
      Prosjektet har tatt kommentaren til behandling (status: {commentStatusLabel[c.status].toLowerCase()}
      {c.answer !== null ? `, med svar på versjon ${c.answeredVersion ?? c.version}` : ''}). Lagrer du en endring, settes statusen tilbake til «under vurdering», og
      prosjektet svarer på den nye versjonen.{c.answer !== null ? ' Svaret som er gitt, blir stående merket med versjonen det gjaldt.' : ''}
    </Notice>
  );
}

const show = (v: string | null | undefined) => (v && v.trim() !== '' ? v : '–');

/** Nothing was saved: the comment as stored now beside what the writer sent, and the programme's handling now. */
function ConflictPanel({ comment: c, conflict }: { comment: Comment; conflict: EditConflict }) {
  const sent = conflict.submitted;
  const sentKind = commentKinds.find((k) => k === sent.kind);
  const rows: Array<[string, string, string]> = [
    ['Type', sentKind ? commentKindLabel[sentKind] : '–', commentKindLabel[c.kind]],
    ['Kommentar', show(sent.text), show(c.text)],
    ['Foreslått tekst', sentKind === 'endringsforslag' ? show(sent.proposal) : '–', show(c.proposal)],
  ];
  return (
    <section aria-labelledby="konflikt-tittel" class="conflict-panel">
      <div class="ds-alert" data-color="warning" role="alert" tabindex={-1} autofocus>
        <h2 class="ds-heading" data-size="xs" id="konflikt-tittel">
          Kommentaren er endret etter at du åpnet skjemaet
        </h2>
        <p class="ds-paragraph">
          Ingenting er lagret.{' '}
          {c.version !== conflict.from
            ? `Du tok utgangspunkt i versjon ${conflict.from}, men noen i organisasjonen din har lagret versjon ${c.version} i mellomtiden.`
            : 'Prosjektet har endret status eller svar i mellomtiden.'}{' '}
          Se hvordan kommentaren står nå. Endringen din står i skjemaet under; lagre den på nytt om den fortsatt skal gjelde.
        </p>
      </div>
      <div class="table-scroll">
        <table class="ds-table conflict" data-border>
          <caption>Endringen din og kommentaren slik den er lagret nå (versjon {c.version})</caption>
          <thead>
            <tr>
              <th scope="col">Felt</th>
              <th scope="col">Endringen din</th>
              <th scope="col">Lagret nå</th>
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
        Prosjektets behandling nå
      </h3>
      <p class="ds-paragraph">
        Status: <CommentStatusTag status={c.status} />
      </p>
      <Answer comment={c} />
      {c.status !== 'mottatt' || c.answer !== null ? (
        <p class="ds-paragraph muted">Lagrer du endringen, settes statusen tilbake til «under vurdering», og prosjektet svarer på den nye versjonen.</p>
      ) : null}
    </section>
  );
}
