import { describe, expect, it } from 'vitest';
import { FilterSelect } from '../../views/components/form.tsx';

describe('a filter choice', () => {
  const render = (value: string | number | undefined) =>
    String(<FilterSelect id="filter-area" name="area" label="Strategisk område" all="Alle" options={[{ value: '1', label: 'Én' }, { value: '2', label: 'To' }]} value={value} />);

  it('is labelled, starts with the choice that shows everything, and marks the current value (numbers too)', () => {
    const html = render(2);
    expect(html).toContain('<label class="ds-label" for="filter-area">Strategisk område</label>');
    expect(html).toContain('<select class="ds-input" id="filter-area" name="area"><option value="">Alle</option>');
    expect(html).toContain('<option value="2" selected="">To</option>');
    expect(html).not.toContain('<option value="1" selected');
  });

  it('selects nothing but "Alle" when no filter is set', () => {
    expect(render(undefined)).not.toContain('selected');
  });
});
