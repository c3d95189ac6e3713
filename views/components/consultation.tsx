import type { Child } from 'hono/jsx';
import type { HtmlEscapedString } from 'hono/utils/html';
import { answersEarlierVersion, commentStatusColor, type Comment, type CommentStatus, type ConsultationMessage, type Novelty, type RoundState } from '../../model/consultation.ts';
import { appliedMessage } from '../../model/consultation-proposals.ts';
import { elementHref, kindInfo, type ElementKind } from '../../model/kinds.ts';
import { diffWords, type DiffSegment } from '../../model/word-diff.ts';
import { useI18n, type I18n } from '../i18n/index.ts';
import { DateTimeText } from './dates.tsx';

/** What a view renders, for the tags of a message (`tx`). */
export type Markup = HtmlEscapedString | Promise<HtmlEscapedString>;

/** A model's message in the reader's language, a comment status among its values put in words. */
export function say(i18n: I18n, message: ConsultationMessage): string {
  const values = { ...message.values, ...(message.status ? { status: i18n.t(`consultation.statusInText.${message.status}`) } : {}) };
  return i18n.t(message.key, values);
}

/** A time inside a message (`<time>{at}</time>`): the `<time>` element with the instant, and the text the message gave it. */
const timeTag = (at: string) => (chunks: Array<string | Markup>) => <time datetime={at}>{chunks}</time>;

const stateColor: Record<RoundState, string> = { planned: 'neutral', open: 'success', closed: 'warning' };

export function RoundStateTag({ state }: { state: RoundState }) {
  return (
    <span class="ds-tag" data-color={stateColor[state]} data-size="sm">
      {useI18n().t(`consultation.state.${state}`)}
    </span>
  );
}

export function CommentStatusTag({ status }: { status: CommentStatus }) {
  return (
    <span class="ds-tag" data-color={commentStatusColor[status]} data-size="sm">
      {useI18n().t(`consultation.status.${status}`)}
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
        {label} <span class="muted">{useI18n().t('consultation.item.deletedMark')}</span>
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
  const { tx } = useI18n();
  const sr = (chunks: Array<string | Markup>) => <span class="ds-sr-only">{chunks}</span>;
  return (
    <div class="word-diff">
      {segments.map((s) =>
        s.op === 'same' ? s.text : s.op === 'del' ? <del>{tx('consultation.diff.deleted', { text: s.text, sr })}</del> : <ins>{tx('consultation.diff.inserted', { text: s.text, sr })}</ins>,
      )}
    </div>
  );
}

export function ProposalDiff({ before, after }: { before: string; after: string }) {
  return (
    <figure class="proposal">
      <figcaption class="muted">{useI18n().t('consultation.diff.caption')}</figcaption>
      <WordDiff segments={diffWords(before, after)} />
    </figure>
  );
}

const noveltyKinds: Array<keyof Novelty> = ['comment', 'edited', 'answered', 'replied'];

export function NoveltyTags({ novelty }: { novelty: Novelty | undefined }) {
  const { t } = useI18n();
  if (!novelty) return null;
  const tags = noveltyKinds.filter((k) => novelty[k]);
  if (tags.length === 0) return null;
  return (
    <>
      {tags.map((k) => (
        <span class="ds-tag" data-color="info" data-size="sm">
          {t(`consultation.novelty.${k}`)}
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

/** "Støtte fra Norsk Sykepleierforbund": the comment's kind and who wrote it. */
export function commentTitle(i18n: I18n, c: Pick<Comment, 'kind' | 'organisationName'>): string {
  return i18n.t('consultation.comment.kindFrom', { kind: i18n.t(`consultation.kind.${c.kind}`), organisation: c.organisationName });
}

/** A comment with its status and the programme's answer, always together. */
export function CommentCard({ comment: c, href, headingLevel = 3, showItem = false, showRound = false, novelty, actions }: CommentCardProps) {
  const i18n = useI18n();
  const { t, tx } = i18n;
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <article class="ds-card comment" id={`kommentar-${c.id}`} aria-labelledby={`kommentar-${c.id}-tittel`}>
      <header class="comment__header">
        <Heading class="ds-heading" data-size="xs" id={`kommentar-${c.id}-tittel`}>
          <a class="ds-link" href={href}>
            {commentTitle(i18n, c)}
          </a>
        </Heading>
        <p class="comment__meta ds-paragraph" data-size="sm">
          <span>{t('consultation.comment.number', { id: c.id })}</span>
          <span>{tx('consultation.comment.written', { at: i18n.dateTime(c.createdAt), time: timeTag(c.createdAt) })}</span>
          {c.version > 1 ? <span>{tx('consultation.comment.edited', { at: i18n.dateTime(c.updatedAt), version: c.version, time: timeTag(c.updatedAt) })}</span> : null}
          {showRound ? <span>{t('consultation.comment.inRound', { round: c.roundTitle })}</span> : null}
        </p>
        <p class="comment__tags">
          <CommentStatusTag status={c.status} />
          {c.hidden ? (
            <span class="ds-tag" data-color="danger" data-size="sm">
              {t('consultation.comment.hiddenTag')}
            </span>
          ) : null}
          <NoveltyTags novelty={novelty} />
        </p>
      </header>
      {showItem ? (
        <p class="ds-paragraph" data-size="sm">
          {tx('consultation.comment.about', { item: () => <ItemName item={c.item} /> })}
        </p>
      ) : null}
      <CommentBody comment={c} />
      <Answer comment={c} />
      <p class="comment__links ds-paragraph" data-size="sm">
        <a class="ds-link" href={href}>
          {t('consultation.comment.open', { count: c.replyCount })}
        </a>
        {actions}
      </p>
    </article>
  );
}

/** The comment's words and proposal, or the notice that they are hidden. */
export function CommentBody({ comment: c }: { comment: Comment }) {
  const i18n = useI18n();
  const { t, tx } = i18n;
  return (
    <>
      {c.hidden ? (
        <div class="ds-alert" data-color="warning" data-size="sm">
          <p class="ds-paragraph" data-size="sm">
            {c.hiddenAt ? tx('consultation.hidden.byAt', { at: i18n.dateTime(c.hiddenAt), time: timeTag(c.hiddenAt) }) : t('consultation.hidden.by')}{' '}
            {c.text === null ? t('consultation.hidden.notShown') : t('consultation.hidden.shown')}
            {c.hiddenReason ? ` ${t('consultation.hidden.reason', { reason: c.hiddenReason })}` : ''}
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
  const i18n = useI18n();
  const { t, tx } = i18n;
  const earlier = answersEarlierVersion(c);
  const className = c.answer === null ? 'answer answer--none' : earlier ? 'answer answer--earlier' : 'answer';
  const strong = (chunks: Array<string | Markup>) => <strong>{chunks}</strong>;
  const named = c.version > 1 && c.answeredVersion !== null;
  return (
    <section class={className} aria-label={t('consultation.answer.label', { id: c.id })}>
      {c.answer !== null ? (
        <>
          <p class="answer__title ds-paragraph" data-size="sm">
            {c.answeredAt
              ? tx(named ? 'consultation.answer.titleVersionAt' : 'consultation.answer.titleAt', { version: c.answeredVersion ?? c.version, at: i18n.dateTime(c.answeredAt), strong, time: timeTag(c.answeredAt) })
              : tx(named ? 'consultation.answer.titleVersion' : 'consultation.answer.title', { version: c.answeredVersion ?? c.version, strong })}
          </p>
          {earlier ? (
            <p class="ds-paragraph" data-size="sm">
              {c.answeredStatus
                ? tx('consultation.answer.earlierStatus', { answered: c.answeredVersion ?? 0, version: c.version, status: t(`consultation.statusInText.${c.answeredStatus}`), strong })
                : tx('consultation.answer.earlier', { answered: c.answeredVersion ?? 0, version: c.version, strong })}
            </p>
          ) : null}
          <UserText text={c.answer} />
        </>
      ) : (
        <p class="ds-paragraph muted" data-size="sm">
          {t('consultation.answer.none')}
        </p>
      )}
      <AppliedNote comment={c} />
    </section>
  );
}

/** That the proposal has been written into the element's text, and which version that made. */
export function AppliedNote({ comment: c }: { comment: Comment }) {
  const i18n = useI18n();
  const message = appliedMessage(c);
  if (!message) return null;
  return (
    <p class="ds-paragraph applied-note" data-size="sm">
      {i18n.tx('consultation.applied.note', { label: say(i18n, message), at: i18n.dateTime(c.applied!.at), strong: (chunks: Array<string | Markup>) => <strong>{chunks}</strong>, time: timeTag(c.applied!.at) })}
    </p>
  );
}

