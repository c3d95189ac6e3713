import type { Child } from 'hono/jsx';
import {
  answersEarlierVersion,
  commentKindLabel,
  commentStatusColor,
  commentStatusLabel,
  roundStateLabel,
  type Comment,
  type CommentStatus,
  type Novelty,
  type RoundState,
} from '../../model/consultation.ts';
import { appliedLabel } from '../../model/consultation-proposals.ts';
import { elementHref, kindInfo, type ElementKind } from '../../model/kinds.ts';
import { diffWords, type DiffSegment } from '../../model/word-diff.ts';
import { DateText, DateTimeText } from './dates.tsx';


const stateColor: Record<RoundState, string> = { planned: 'neutral', open: 'success', closed: 'warning' };

export function RoundStateTag({ state }: { state: RoundState }) {
  return (
    <span class="ds-tag" data-color={stateColor[state]} data-size="sm">
      {roundStateLabel[state]}
    </span>
  );
}

export function CommentStatusTag({ status }: { status: CommentStatus }) {
  return (
    <span class="ds-tag" data-color={commentStatusColor[status]} data-size="sm">
      {commentStatusLabel[status]}
    </span>
  );
}

/** A link to the element a comment is about, or its name as it was if it has been deleted. */
export function ItemName({ item }: { item: { kind: string; key: string; name: string; ref: string | null; deleted?: boolean } }) {
  const label = item.ref ? `${item.ref} ${item.name}` : item.name;
  const kind = item.kind as ElementKind;
  if (item.deleted || !(kind in kindInfo)) {
    return (
      <span>
        {label} <span class="muted">(slettet fra omfanget)</span>
      </span>
    );
  }
  return (
    <a class="ds-link" href={elementHref(kind, item.key)}>
      {label}
    </a>
  );
}

/** Text people wrote, with its line breaks. */
export function UserText({ text }: { text: string }) {
  return <div class="user-text">{text}</div>;
}

/**
 * A change proposal as a word diff: deletions struck through, insertions underlined, each also
 * announced in words to screen readers (colour is never the only sign).
 */
export function WordDiff({ segments }: { segments: DiffSegment[] }) {
  return (
    <div class="word-diff">
      {segments.map((s) =>
        s.op === 'same' ? (
          s.text
        ) : s.op === 'del' ? (
          <del>
            <span class="ds-sr-only">[slettet: </span>
            {s.text}
            <span class="ds-sr-only">]</span>
          </del>
        ) : (
          <ins>
            <span class="ds-sr-only">[lagt til: </span>
            {s.text}
            <span class="ds-sr-only">]</span>
          </ins>
        ),
      )}
    </div>
  );
}

export function ProposalDiff({ before, after }: { before: string; after: string }) {
  return (
    <figure class="proposal">
      <figcaption class="muted">Foreslått endring. Slettet tekst er gjennomstreket, ny tekst er understreket.</figcaption>
      <WordDiff segments={diffWords(before, after)} />
    </figure>
  );
}

const noveltyLabels: Array<[keyof Novelty, string]> = [
  ['comment', 'Ny kommentar'],
  ['edited', 'Endret'],
  ['answered', 'Nytt svar fra prosjektet'],
  ['replied', 'Nye innlegg i tråden'],
];

export function NoveltyTags({ novelty }: { novelty: Novelty | undefined }) {
  if (!novelty) return null;
  const tags = noveltyLabels.filter(([k]) => novelty[k]);
  if (tags.length === 0) return null;
  return (
    <>
      {tags.map(([, label]) => (
        <span class="ds-tag" data-color="info" data-size="sm">
          {label}
        </span>
      ))}
    </>
  );
}

export interface CommentCardProps {
  comment: Comment;
  /** Where the comment's own page is. */
  href: string;
  headingLevel?: 3 | 4;
  /** Show which element the comment is about (lists not grouped by element). */
  showItem?: boolean;
  showRound?: boolean;
  novelty?: Novelty | undefined;
  /** Links the viewer may follow (edit, …). */
  actions?: Child;
}

/** A comment with its status and the programme's answer, always together. */
export function CommentCard({ comment: c, href, headingLevel = 3, showItem = false, showRound = false, novelty, actions }: CommentCardProps) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <article class="ds-card comment" id={`kommentar-${c.id}`} aria-labelledby={`kommentar-${c.id}-tittel`}>
      <header class="comment__header">
        <Heading class="ds-heading" data-size="xs" id={`kommentar-${c.id}-tittel`}>
          <a class="ds-link" href={href}>
            {commentKindLabel[c.kind]} fra {c.organisationName}
          </a>
        </Heading>
        <p class="comment__meta ds-paragraph" data-size="sm">
          <span>Kommentar {c.id}</span>
          <span>
            skrevet <DateTimeText at={c.createdAt} />
          </span>
          {c.version > 1 ? (
            <span>
              endret <DateTimeText at={c.updatedAt} /> (versjon {c.version})
            </span>
          ) : null}
          {showRound ? <span>i «{c.roundTitle}»</span> : null}
        </p>
        <p class="comment__tags">
          <CommentStatusTag status={c.status} />
          {c.hidden ? (
            <span class="ds-tag" data-color="danger" data-size="sm">
              Skjult
            </span>
          ) : null}
          <NoveltyTags novelty={novelty} />
        </p>
      </header>
      {showItem ? (
        <p class="ds-paragraph" data-size="sm">
          Gjelder: <ItemName item={c.item} />
        </p>
      ) : null}
      <CommentBody comment={c} />
      <Answer comment={c} />
      <p class="comment__links ds-paragraph" data-size="sm">
        <a class="ds-link" href={href}>
          {c.replyCount === 0 ? 'Åpne kommentaren' : `Åpne tråden (${c.replyCount} innlegg)`}
        </a>
        {actions}
      </p>
    </article>
  );
}

/** The comment's words and proposal, or the notice that they are hidden. */
export function CommentBody({ comment: c }: { comment: Comment }) {
  return (
    <>
      {c.hidden ? (
        <div class="ds-alert" data-color="warning" data-size="sm">
          <p class="ds-paragraph" data-size="sm">
            Kommentaren er skjult av prosjektet
            {c.hiddenAt ? (
              <>
                {' '}
                <DateTimeText at={c.hiddenAt} />
              </>
            ) : null}
            .{c.text === null ? ' Teksten vises ikke.' : ' Du ser teksten fordi den er skrevet av din organisasjon, eller fordi du er administrator.'}
            {c.hiddenReason ? ` Begrunnelse: ${c.hiddenReason}` : ''}
          </p>
        </div>
      ) : null}
      {c.text !== null ? <UserText text={c.text} /> : null}
      {c.proposal !== null ? <ProposalDiff before={c.baseText ?? ''} after={c.proposal} /> : null}
    </>
  );
}

/**
 * The programme's answer, always with the comment. Once a comment has more than one version the
 * answer names the version it answers; an answer to an earlier wording says so in words (not only
 * by its colour), with the status it was given then.
 */
export function Answer({ comment: c }: { comment: Comment }) {
  const earlier = answersEarlierVersion(c);
  const className = c.answer === null ? 'answer answer--none' : earlier ? 'answer answer--earlier' : 'answer';
  return (
    <section class={className} aria-label={`Svar på kommentar ${c.id}`}>
      {c.answer !== null ? (
        <>
          <p class="answer__title ds-paragraph" data-size="sm">
            <strong>Svar fra prosjektet{c.version > 1 && c.answeredVersion !== null ? ` på versjon ${c.answeredVersion}` : ''}</strong>
            {c.answeredAt ? (
              <>
                {', '}
                <DateTimeText at={c.answeredAt} />
              </>
            ) : null}
          </p>
          {earlier ? (
            <p class="ds-paragraph" data-size="sm">
              <strong>Svaret gjaldt versjon {c.answeredVersion}</strong>
              {c.answeredStatus ? ` (status da: ${commentStatusLabel[c.answeredStatus].toLowerCase()})` : ''}. Kommentaren er endret etter svaret, og prosjektet har ikke svart
              på versjon {c.version} ennå.
            </p>
          ) : null}
          <UserText text={c.answer} />
        </>
      ) : (
        <p class="ds-paragraph muted" data-size="sm">
          Ikke besvart ennå.
        </p>
      )}
      <AppliedNote comment={c} />
    </section>
  );
}

/** That the proposal has been written into the element's text, and which version that made. */
export function AppliedNote({ comment: c }: { comment: Comment }) {
  const label = appliedLabel(c);
  if (!label) return null;
  return (
    <p class="ds-paragraph applied-note" data-size="sm">
      <strong>{label}</strong>, <DateTimeText at={c.applied!.at} />
    </p>
  );
}

