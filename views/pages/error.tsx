import type { Child } from 'hono/jsx';
import { useI18n } from '../i18n/index.ts';

export interface ErrorPanelProps {
  status: number;
  title: string;
  message: Child;
  details?: string[];
  /** 1 when the panel is the page, 2 when htmx swaps it into a page that has its own heading. */
  level?: 1 | 2;
}

export function ErrorPanel({ status, title, message, details, level = 1 }: ErrorPanelProps) {
  const { tx } = useI18n();
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <section class="error-panel" aria-labelledby="feil-tittel">
      <div class="ds-alert" data-color={status >= 500 ? 'danger' : 'warning'} role="alert">
        <Heading id="feil-tittel" class="ds-heading" data-size="sm">
          {title}
        </Heading>
        <p class="ds-paragraph">{message}</p>
        {details && details.length > 0 ? (
          <ul class="ds-list">
            {details.map((d) => (
              <li>{d}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <p class="ds-paragraph">
        {tx('errors.way.back', {
          status,
          home: (text) => (
            <a class="ds-link" href="/">
              {text}
            </a>
          ),
        })}
      </p>
    </section>
  );
}
