import { roles, type Role } from '../../model/accounts.ts';
import { kindPathParam } from '../../model/kinds.ts';

/**
 * The authorisation policy, in one place: which action each route is, and which roles (and
 * anonymous visitors) may take each action. `src/auth/middleware.ts` consults it on every
 * request; `test/src/policy.test.ts` walks every registered route against it, so a route
 * without an entry here fails the tests.
 *
 * To add a route: register it in its route module, add `'METHOD /hono/:path'` → action to
 * `routePolicy` below, and if it is a new kind of action, add the action to `actions` with
 * the grant for every role that may take it (anything not granted is denied).
 */

export type Subject = Role | 'anonymous';
export const subjects: readonly Subject[] = ['anonymous', ...roles];

/**
 * - `allow`: always.
 * - `public-read`: anonymous visitors only when PUBLIC_READ is true.
 * - `own-municipality`: only for the municipality the user is bound to. A route with a
 *   `:kommune` parameter is checked by the middleware; otherwise the handler calls
 *   `requireOwnership(c, { municipalityNumber })` once it knows the resource.
 * - `own-organisation`: only for what belongs to the user's organisation (e.g. its comments);
 *   the handler calls `requireOwnership(c, { organisationId })`.
 */
export type Grant = 'allow' | 'public-read' | 'own-municipality' | 'own-organisation';

interface ActionRule {
  /** What the action is, in Norwegian, for the administrators' overview. */
  label: string;
  grants: Partial<Record<Subject, Grant>>;
}

const everyone = Object.fromEntries(subjects.map((s) => [s, 'allow'])) as Record<Subject, 'allow'>;
const signedIn = Object.fromEntries(roles.map((r) => [r, 'allow'])) as Record<Role, 'allow'>;

export const actions = {
  /** Files and the health check: open, and never depend on who asks (no session lookup). */
  static: { label: 'Filer og helsesjekk', grants: everyone },
  /** Signing in and out, accepting an invitation, choosing a new password with a link. */
  open: { label: 'Innlogging, utlogging, invitasjoner og nytt passord med lenke', grants: everyone },
  'scope.read': { label: 'Lese det publiserte omfanget', grants: { anonymous: 'public-read', ...signedIn } },
  'scope.edit': { label: 'Endre omfanget: elementer, koblinger, krav og rekkefølge', grants: { architect: 'allow' } },
  'requirements.edit': {
    label: 'Endre kravsporing og kravstruktur: koblinger, kapitler, kravtyper og baselines',
    grants: { architect: 'allow', administrator: 'allow' },
  },
  /** Reading files in (spreadsheets, ReqIF, ArchiMate, JSON): always a dry run first, then applied as one import. */
  'exchange.import': {
    label: 'Importere krav og modell fra filer (regneark, ReqIF, ArchiMate, JSON) etter en prøvekjøring',
    grants: { architect: 'allow', administrator: 'allow' },
  },
  'account.tokens': { label: 'Lage og trekke tilbake egne API-tokener', grants: signedIn },
  'admin.read': { label: 'Se administrasjonssidene', grants: { administrator: 'allow' } },
  'users.manage': { label: 'Administrere brukere og invitasjoner', grants: { administrator: 'allow' } },
  'organisations.manage': { label: 'Administrere organisasjoner', grants: { administrator: 'allow' } },
  'audit.read': { label: 'Lese revisjonsloggen', grants: { administrator: 'allow' } },
  'consultation.read': { label: 'Lese høringer, kommentarer og svar', grants: { anonymous: 'public-read', ...signedIn } },
  'consultation.manage': { label: 'Opprette og endre høringsrunder', grants: { architect: 'allow' } },
  'consultation.comment': { label: 'Kommentere i en høring på vegne av sin organisasjon', grants: { organisation: 'allow' } },
  'consultation.edit': { label: 'Endre sin organisasjons kommentarer', grants: { organisation: 'own-organisation' } },
  'consultation.reply': { label: 'Svare i tråden under en kommentar', grants: { organisation: 'allow', architect: 'allow' } },
  'consultation.answer': { label: 'Gi kommentarer status og prosjektets svar', grants: { architect: 'allow' } },
  'consultation.hide': { label: 'Skjule en kommentar med begrunnelse', grants: { architect: 'allow' } },
  'consultation.apply': { label: 'Bruke et endringsforslag som er tatt til følge, i kravteksten eller beskrivelsen', grants: { architect: 'allow' } },
  /** Recording that the user has seen a round, for "new since your last visit": a POST from the round page. */
  'consultation.visit': { label: 'Merke en høring som sett (nytt siden forrige besøk)', grants: signedIn },
  /** The rounds, their frozen lists and the aggregated figures: never a draft, never a comment. */
  'review.read': { label: 'Se vurderingsrunder, listene og de samlede tallene', grants: { anonymous: 'public-read', ...signedIn } },
  'review.manage': { label: 'Åpne, lukke og gjenåpne vurderingsrunder og innsendte vurderinger', grants: { architect: 'allow' } },
  /** A municipality's own review, drafts included; architects see every submitted review. */
  'review.view': { label: 'Se en kommunes vurdering', grants: { municipality: 'own-municipality', architect: 'allow' } },
  'review.write': { label: 'Lagre og sende inn kommunens vurdering', grants: { municipality: 'own-municipality' } },
  'review.results': { label: 'Se og laste ned alle vurderinger med kommentarer', grants: { architect: 'allow' } },
  'intention.list': { label: 'Se alle kommuners intensjonserklæringer', grants: { architect: 'allow' } },
  'intention.edit': { label: 'Se og registrere en kommunes intensjonserklæring', grants: { municipality: 'own-municipality', architect: 'allow' } },
} satisfies Record<string, ActionRule>;

export type Action = keyof typeof actions;

/** Every route the app registers, as `METHOD path` with Hono's path pattern, and its action. */
export const routePolicy: Record<string, Action> = {
  'GET /healthz': 'static',
  'GET /livez': 'static',
  'GET /assets/:name': 'static',

  'GET /login': 'open',
  'POST /login': 'open',
  'POST /logg-ut': 'open',
  'POST /sprak': 'open',
  'GET /invitasjon/:token': 'open',
  'POST /invitasjon/:token': 'open',
  'GET /nytt-passord/:token': 'open',
  'POST /nytt-passord/:token': 'open',

  'GET /': 'scope.read',
  'GET /elementer': 'scope.read',
  'GET /gapanalyse': 'scope.read',
  'GET /funksjonsomrader': 'scope.read',
  'GET /veikart': 'scope.read',
  'GET /portefolje': 'scope.read',
  'GET /krav': 'scope.read',
  'GET /krav/masse': 'requirements.edit',
  'POST /krav/masse': 'requirements.edit',
  'GET /informasjonstjenester': 'scope.read',
  'GET /matriser': 'scope.read',
  'GET /matriser/personellgrupper': 'scope.read',
  'GET /matriser/aktorer': 'scope.read',
  'GET /matriser/personellgrupper/dekning': 'scope.read',
  'GET /matriser/aktorer/dekning': 'scope.read',
  'GET /kommuner': 'scope.read',
  'GET /personellgrupper': 'scope.read',
  'GET /personellgrupper/:key': 'scope.read',
  'GET /kilde': 'scope.read',
  'GET /kilde/:document': 'scope.read',
  [`GET /${kindPathParam}`]: 'scope.read',
  [`GET /${kindPathParam}/:key`]: 'scope.read',
  'GET /api/model': 'scope.read',
  'GET /api/openapi.json': 'scope.read',
  'GET /konto/tokener': 'account.tokens',
  'POST /api/requirements/:key/links': 'requirements.edit',
  'POST /api/requirements': 'scope.edit',
  'PUT /api/requirements/:key': 'scope.edit',
  'POST /konto/tokener': 'account.tokens',
  'POST /konto/tokener/:id/trekk-tilbake': 'account.tokens',
  'GET /api/dokumentasjon': 'scope.read',
  'GET /eksport/archimate.xml': 'scope.read',
  'GET /eksport/krav.csv': 'scope.read',
  'GET /eksport/krav.xlsx': 'scope.read',
  'GET /import': 'exchange.import',
  'POST /import': 'exchange.import',
  'GET /import/:id': 'exchange.import',
  'POST /import/:id/bruk': 'exchange.import',
  /** An import job's progress (phase and counts only), by its random id, without a session lookup: see src/exchange/import-jobs.ts. */
  'GET /import/jobb/:id': 'static',
  'GET /eksport/krav.reqif': 'scope.read',
  'GET /sok': 'scope.read',
  'GET /gapanalyse/panel': 'scope.read',

  [`GET /${kindPathParam}/ny`]: 'scope.edit',
  [`POST /${kindPathParam}`]: 'scope.edit',
  [`GET /${kindPathParam}/:key/rediger`]: 'scope.edit',
  [`POST /${kindPathParam}/:key`]: 'scope.edit',
  [`POST /${kindPathParam}/:key/slett`]: 'scope.edit',
  [`POST /${kindPathParam}/:key/flytt`]: 'scope.edit',
  [`POST /${kindPathParam}/:key/relasjoner`]: 'scope.edit',
  [`POST /${kindPathParam}/:key/relasjoner/fjern`]: 'scope.edit',
  // Requirement links are the requirements editors'; the use case asks scope.edit for the other links.
  'POST /koblinger/kildegrunnlag': 'requirements.edit',
  'GET /matriser/personellgrupper/celle': 'scope.edit',
  'POST /matriser/personellgrupper/celle': 'scope.edit',
  'GET /matriser/aktorer/celle': 'scope.edit',
  'POST /matriser/aktorer/celle': 'scope.edit',
  'GET /informasjonstjenester/:key/koblinger': 'scope.edit',
  'POST /informasjonstjenester/:key/koblinger': 'scope.edit',
  'POST /informasjonstjenester/flytt': 'scope.edit',
  'GET /baselines': 'scope.read',
  'POST /baselines': 'requirements.edit',
  'GET /baselines/sammenlign': 'scope.read',
  'GET /baselines/sammenlign.csv': 'scope.read',
  'GET /baselines/sammenlign.md': 'scope.read',
  'GET /api/baselines': 'scope.read',
  'GET /api/baselines/:id': 'scope.read',
  'GET /api/baselines/:from/diff/:to': 'scope.read',
  'GET /krav/kapitler': 'scope.read',
  'POST /krav/kapitler': 'requirements.edit',
  'POST /krav/kapitler/:id': 'requirements.edit',
  'POST /krav/kapitler/:id/flytt': 'requirements.edit',
  'GET /krav/typer': 'scope.read',
  'GET /krav/sporbarhet': 'scope.read',
  'GET /koblingsmal': 'scope.read',
  'POST /krav/typer': 'requirements.edit',
  'POST /krav/typer/:key': 'requirements.edit',
  'POST /krav/:key/koblinger': 'requirements.edit',
  'POST /krav/:key/koblinger/fjern': 'requirements.edit',
  [`POST /${kindPathParam}/:key/krav`]: 'requirements.edit',
  [`POST /${kindPathParam}/:key/krav/fjern`]: 'requirements.edit',
  'GET /diagrammer': 'scope.read',
  'GET /diagrammer/omfang': 'scope.read',
  'GET /diagrammer/omfang.mmd': 'scope.read',
  'GET /diagrammer/samhandling': 'scope.read',
  'GET /diagrammer/samhandling.mmd': 'scope.read',
  'GET /diagrammer/forste-leveranse': 'scope.read',
  'GET /diagrammer/forste-leveranse.mmd': 'scope.read',
  'GET /diagrammer/avhengigheter': 'scope.read',
  'GET /diagrammer/avhengigheter.mmd': 'scope.read',
  'GET /diagrammer/veikart': 'scope.read',
  'GET /diagrammer/veikart.mmd': 'scope.read',
  'GET /diagrammer/tjeneste': 'scope.read',
  'GET /diagrammer/tjeneste/:file{[a-z0-9-]+\\.mmd}': 'scope.read',
  'GET /diagrammer/tjeneste/:key': 'scope.read',

  'GET /admin': 'admin.read',
  'GET /admin/brukere': 'users.manage',
  'GET /admin/brukere/:id': 'users.manage',
  'POST /admin/brukere/:id': 'users.manage',
  'POST /admin/brukere/:id/nytt-passord': 'users.manage',
  'GET /admin/invitasjoner': 'users.manage',
  'POST /admin/invitasjoner': 'users.manage',
  'POST /admin/invitasjoner/:id/trekk-tilbake': 'users.manage',
  'GET /admin/organisasjoner': 'organisations.manage',
  'POST /admin/organisasjoner': 'organisations.manage',
  'GET /admin/organisasjoner/:id': 'organisations.manage',
  'POST /admin/organisasjoner/:id': 'organisations.manage',
  'GET /admin/logg': 'audit.read',
  'GET /admin/logg.csv': 'audit.read',

  'GET /horing': 'consultation.read',
  'GET /horing/ny': 'consultation.manage',
  'POST /horing/ny': 'consultation.manage',
  'POST /horing': 'consultation.manage',
  'GET /horing/organisasjon/:id': 'consultation.read',
  'GET /horing/:id': 'consultation.read',
  'POST /horing/:id/besok': 'consultation.visit',
  'GET /horing/:id/rediger': 'consultation.manage',
  'POST /horing/:id/rediger': 'consultation.manage',
  'POST /horing/:id': 'consultation.manage',
  'GET /horing/:id/rapport': 'consultation.read',
  'GET /horing/:id/rapport.csv': 'consultation.read',
  'GET /horing/:id/rapport.md': 'consultation.read',
  'GET /horing/:id/kommentarer/ny': 'consultation.comment',
  'POST /horing/:id/kommentarer': 'consultation.comment',
  'GET /horing/:id/kommentarer/:kommentar': 'consultation.read',
  'GET /horing/:id/kommentarer/:kommentar/rediger': 'consultation.edit',
  'POST /horing/:id/kommentarer/:kommentar': 'consultation.edit',
  'POST /horing/:id/kommentarer/:kommentar/svar': 'consultation.reply',
  'POST /horing/:id/kommentarer/:kommentar/behandling': 'consultation.answer',
  'POST /horing/:id/kommentarer/:kommentar/skjul': 'consultation.hide',
  'POST /horing/:id/kommentarer/:kommentar/innarbeid': 'consultation.apply',
  'GET /vurdering': 'review.read',
  'POST /vurdering/runder': 'review.manage',
  'GET /vurdering/runder/:id': 'review.read',
  'GET /vurdering/runder/:id/lukk': 'review.manage',
  'POST /vurdering/runder/:id/lukk': 'review.manage',
  'POST /vurdering/runder/:id/gjenapne': 'review.manage',
  'GET /vurdering/runder/:id/eksport.csv': 'review.results',
  'GET /vurdering/runder/:id/kommuner/:kommune': 'review.view',
  'POST /vurdering/runder/:id/kommuner/:kommune': 'review.write',
  'POST /vurdering/runder/:id/kommuner/:kommune/tjenester/:tjeneste': 'review.write',
  'GET /vurdering/runder/:id/kommuner/:kommune/send-inn': 'review.write',
  'POST /vurdering/runder/:id/kommuner/:kommune/send-inn': 'review.write',
  // Signing in again after a session timed out, from the page that kept the typed answers.
  'POST /vurdering/runder/:id/kommuner/:kommune/logg-inn': 'open',
  'POST /vurdering/runder/:id/kommuner/:kommune/gjenapne': 'review.manage',
  'GET /vurdering/dashbord': 'review.read',
  'GET /vurdering/dashbord/eksport.csv': 'review.read',
  'GET /vurdering/intensjon': 'intention.list',
  'GET /vurdering/intensjon/:kommune': 'intention.edit',
  'POST /vurdering/intensjon/:kommune': 'intention.edit',
};

export function actionFor(method: string, path: string): Action | undefined {
  return routePolicy[`${method} ${path}`];
}

/** The grant a subject has for an action, or undefined: denied. */
export function grantFor(action: Action, subject: Subject, options: { publicRead: boolean }): Grant | undefined {
  const grant = (actions[action].grants as Partial<Record<Subject, Grant>>)[subject];
  if (grant === 'public-read') return options.publicRead ? 'allow' : undefined;
  return grant;
}

/** Who owns the resource a request acts on, as far as the route or the handler knows it. */
export interface Owner {
  municipalityNumber?: string | null;
  organisationId?: number | null;
}

export interface Principal {
  role: Role;
  municipalityNumber: string | null;
  organisationId: number | null;
}

/** Whether a grant lets this user act on a resource with this owner. */
export function ownershipHolds(grant: Grant, user: Principal | null, owner: Owner): boolean {
  if (grant === 'allow' || grant === 'public-read') return true;
  if (!user) return false;
  if (grant === 'own-municipality') {
    return user.municipalityNumber !== null && owner.municipalityNumber === user.municipalityNumber;
  }
  return user.organisationId !== null && owner.organisationId === user.organisationId;
}

/** The route parameter that names a municipality; routes with it get their ownership checked up front. */
export const municipalityParam = 'kommune';
