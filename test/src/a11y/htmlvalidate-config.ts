import type { ConfigData } from 'html-validate';

/**
 * html-validate's recommended preset over every page, with only rules about source style (not
 * about what browsers or assistive technology get) switched off, each with its reason.
 */
export const htmlValidateConfig: ConfigData = {
  extends: ['html-validate:recommended'],
  rules: {
    // hono/jsx writes void elements as `<meta/>` and boolean attributes as `hidden=""`: both are
    // valid HTML, and the way the renderer spells them is not ours to choose.
    'void-style': 'off',
    'attribute-boolean-style': 'off',
    'attribute-empty-style': 'off',
    // Long lines and inline `style` are how the renderer writes markup (one line per page); the
    // styles that exist set computed widths of bars.
    'no-inline-style': 'off',
    'long-title': 'off',
    // Typographic quotes (« ») and apostrophes in Norwegian text are correct, not mistakes.
    'no-raw-characters': 'off',
    // Redundant-but-harmless `role` on landmarks some older screen readers need (role="search" on a form).
    'no-redundant-role': 'off',
    // The source document is shown line by line exactly as it is, trailing spaces included.
    'no-trailing-whitespace': 'off',
    // A group of checkboxes sharing one name is how a form posts several values (the elements of
    // a consultation round, a service's projects): HTML's own pattern, not a duplicate.
    'form-dup-name': ['error', { shared: ['radio', 'checkbox', 'button', 'reset', 'submit'] }],
  },
};
