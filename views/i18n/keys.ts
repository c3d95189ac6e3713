/**
 * Every message key, from the bokmål catalogue (the reference): `area.key`, where `area` is a file
 * under `nb/` and `key` a key in it. A view asking for a key that is not here fails `tsc`; a
 * catalogue (English, or a future Nynorsk) that lacks a key fails `test/views/i18n.test.ts`.
 *
 * A new area is a pair of files `nb/<area>.json` and `en/<area>.json` and one line below.
 */
type Area<Name extends string, Messages> = `${Name}.${Extract<keyof Messages, string>}`;

export type MessageKey =
  | Area<'layout', typeof import('./nb/layout.json')>
  | Area<'common', typeof import('./nb/common.json')>
  | Area<'kinds', typeof import('./nb/kinds.json')>
  | Area<'scope', typeof import('./nb/scope.json')>
  | Area<'review', typeof import('./nb/review.json')>
  | Area<'consultation', typeof import('./nb/consultation.json')>
  | Area<'api', typeof import('./nb/api.json')>
  | Area<'domain', typeof import('./nb/domain.json')>
  | Area<'search', typeof import('./nb/search.json')>
  | Area<'history', typeof import('./nb/history.json')>
  | Area<'requirement', typeof import('./nb/requirement.json')>
  | Area<'links', typeof import('./nb/links.json')>
  | Area<'import', typeof import('./nb/import.json')>
  | Area<'requirementList', typeof import('./nb/requirementList.json')>
  | Area<'exchange', typeof import('./nb/exchange.json')>
  | Area<'validation', typeof import('./nb/validation.json')>
  | Area<'baselines', typeof import('./nb/baselines.json')>
  | Area<'errors', typeof import('./nb/errors.json')>
  | Area<'gaps', typeof import('./nb/gaps.json')>
  | Area<'auth', typeof import('./nb/auth.json')>
  | Area<'roadmap', typeof import('./nb/roadmap.json')>
  | Area<'diagrams', typeof import('./nb/diagrams.json')>
  | Area<'admin', typeof import('./nb/admin.json')>
  | Area<'portfolio', typeof import('./nb/portfolio.json')>
  | Area<'matrix', typeof import('./nb/matrix.json')>
  // A new area: one line above this comment (keeps merges of areas added side by side simple).
  | never;
