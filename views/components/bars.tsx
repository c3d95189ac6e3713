export interface Bar {
  label: string;
  value: number;
  href?: string;
  /** A colour class from app.css, e.g. `bar--green`. */
  tone?: string;
}

/**
 * Horizontal bars drawn as SVG (so no inline styles are needed under the CSP), each labelled with
 * its text and value so the chart reads the same without seeing it. `valueText` says the value as a
 * counted message ("1 prosjekt", "2 prosjekter"); `unit` only appends a unit that does not inflect.
 */
export function BarList({ bars, max, unit = '', valueText }: { bars: Bar[]; max?: number; unit?: string; valueText?: (value: number) => string }) {
  const top = Math.max(1, max ?? Math.max(0, ...bars.map((b) => b.value)));
  return (
    <ul class="bar-list">
      {bars.map((bar) => {
        const width = Math.round((bar.value / top) * 1000) / 10;
        return (
          <li class="bar-list__item">
            <span class="bar-list__label">{bar.href ? <a class="ds-link" href={bar.href}>{bar.label}</a> : bar.label}</span>
            <svg class="bar-list__bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
              <rect class="bar-list__track" x="0" y="0" width="100" height="10" />
              <rect class={`bar-list__fill ${bar.tone ?? ''}`} x="0" y="0" width={String(width)} height="10" />
            </svg>
            <span class="bar-list__value">{valueText ? valueText(bar.value) : `${bar.value}${unit}`}</span>
          </li>
        );
      })}
    </ul>
  );
}
