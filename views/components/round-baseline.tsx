import { useI18n } from '../i18n/index.ts';

/** Which baseline's wording a round (or a comment in it) refers to, linked to what has changed since (issue 13). */
export function RoundBaselineNote({ baseline, about }: { baseline: { id: number; name: string } | null | undefined; about: 'round' | 'comment' }) {
  const { tx } = useI18n();
  if (!baseline) return null;
  return (
    <p class="ds-paragraph round-baseline" data-size="sm">
      {tx(about === 'round' ? 'requirement.round.openedOn' : 'requirement.round.commentedOn', {
        name: baseline.name,
        link: (chunks) => (
          <a class="ds-link" href={`/baselines/sammenlign?fra=${baseline.id}&til=naa`}>
            {chunks}
          </a>
        ),
      })}
    </p>
  );
}
