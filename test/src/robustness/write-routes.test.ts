import { describe, expect, it } from 'vitest';
import { kindPathParam } from '../../../model/kinds.ts';
import { testApp } from '../../helpers.ts';

// The kinds' list paths, as the routes are registered (a new kind adds itself).
const kinds = `/${kindPathParam}`;

/**
 * Every route that writes, and the version it checks before writing: the field the form carries
 * and what it is compared with. `none:` says why a route has none (it makes something new, acts
 * on the caller's own session, or is guarded by a state it re-reads in its transaction), and
 * `open:` marks shared state that still has no version check.
 */
const versionChecked: Record<string, string> = {
  'POST /login': 'none: starts a session for the caller',
  'POST /logg-ut': 'none: ends the caller’s own session',
  'POST /sprak': 'none: the caller’s own language',
  'POST /invitasjon/:token': 'none: a one-time link, used up in the same transaction',
  'POST /nytt-passord/:token': 'none: a one-time link, used up in the same transaction',
  'POST /admin/brukere/:id': 'version: the user’s fields as the form showed them (model/versions.ts userVersion)',
  'POST /admin/brukere/:id/nytt-passord': 'none: makes a new link; refused for a disabled user',
  'POST /admin/invitasjoner': 'none: makes a new invitation',
  'POST /admin/invitasjoner/:id/trekk-tilbake': 'none: withdrawing twice is refused (used or withdrawn already)',
  'POST /admin/organisasjoner': 'none: makes a new organisation (unique name)',
  'POST /admin/organisasjoner/:id': 'version: the organisation’s name, kind and contact as shown',
  'POST /vurdering/runder': 'none: opens a new round',
  'POST /vurdering/runder/:id/lukk': 'state: refused unless the round is still open (re-read in the transaction)',
  'POST /vurdering/runder/:id/gjenapne': 'state: refused unless the round is closed (re-read in the transaction)',
  'POST /vurdering/runder/:id/kommuner/:kommune': 'vist-N: each answer’s fingerprint as shown (mergeAnswers; conflicts 409)',
  'POST /vurdering/runder/:id/kommuner/:kommune/gjenapne': 'state: refused unless the review is submitted',
  'POST /vurdering/runder/:id/kommuner/:kommune/tjenester/:tjeneste': 'vist-N: the answer’s fingerprint as shown (autosave; 409 with both answers)',
  'POST /vurdering/runder/:id/kommuner/:kommune/send-inn': 'bekreft: the fingerprint of the draft the confirmation showed',
  'POST /vurdering/runder/:id/kommuner/:kommune/logg-inn': 'vist-N: signs in and saves through the whole-form merge',
  'POST /vurdering/intensjon/:kommune': 'version: the declaration’s status, date and reference as shown',
  'POST /horing': 'none: opens a new round',
  'POST /horing/ny': 'none: writes nothing; shows the new-round form again with an element added',
  'POST /horing/:id/rediger': 'none: writes nothing; shows the edit form again with an element added, its version passed on to the save',
  'POST /baselines': 'none: freezes a new baseline of the model as it is',
  'POST /horing/:id': 'version: the round’s fields and elements as shown',
  'POST /horing/:id/besok': 'none: the caller’s own visit mark',
  'POST /horing/:id/kommentarer': 'none: a new comment',
  'POST /horing/:id/kommentarer/:kommentar': 'version: the comment’s version counter',
  'POST /horing/:id/kommentarer/:kommentar/svar': 'none: a new reply (append-only thread)',
  'POST /horing/:id/kommentarer/:kommentar/behandling': 'version + revision: the comment’s version and the answer’s revision',
  'POST /horing/:id/kommentarer/:kommentar/skjul': 'version: the comment’s version counter',
  'POST /horing/:id/kommentarer/:kommentar/innarbeid': 'commentVersion: the comment version whose proposal is applied',
  [`POST ${kinds}`]: 'none: a new element',
  [`POST ${kinds}/:key`]: 'version: the element’s version counter (409 with both values)',
  [`POST ${kinds}/:key/slett`]: 'version: the element’s version counter and the impact fingerprint confirmed',
  [`POST ${kinds}/:key/flytt`]: 'version: the place the list showed, field plass (409 with the list as it is now)',
  [`POST ${kinds}/:key/krav`]: 'version: the element’s version counter, required (409; both ends move on)',
  [`POST ${kinds}/:key/krav/fjern`]: 'version: the element’s version counter, required (409; both ends move on)',
  'POST /krav/kapitler': 'none: a new chapter, at the end of its parent’s list',
  'POST /krav/kapitler/:id': 'version: the chapter’s version counter (409 with both values)',
  'POST /krav/kapitler/:id/flytt': 'version: the chapter’s version counter',
  'POST /krav/typer': 'none: a new requirement type (unique name)',
  'POST /krav/typer/:key': 'version: the type’s name as the form showed it (409 with both values)',
  'POST /krav/:key/koblinger': 'version: the requirement’s version counter, required (409; both ends move on)',
  'POST /krav/:key/koblinger/fjern': 'version: the requirement’s version counter, required (409; both ends move on)',
  'POST /krav/masse': 'version: every requirement the preview showed, as id.version pairs (409 if any changed or went)',
  'POST /matriser/personellgrupper/celle': 'version: the cell’s value as the editor showed it, field vist (409 with the value now)',
  'POST /matriser/aktorer/celle': 'version: the cell’s modes and need levels as the editor showed them (exchangeCellVersion; 409)',
  'POST /informasjonstjenester/:key/koblinger': 'version: the service’s version counter',
  [`POST ${kinds}/:key/relasjoner`]: 'version: the element’s version counter (both ends move on)',
  [`POST ${kinds}/:key/relasjoner/fjern`]: 'version: the element’s version counter (both ends move on)',
  'POST /koblinger/kildegrunnlag': 'version: the link’s level, reason and lines as shown (contentVersion)',
  'POST /informasjonstjenester/flytt': 'version: each ticked service’s version counter as key:version (409 naming the changed ones)',
  'POST /konto/tokener': 'none: makes a new token for the caller',
  'POST /konto/tokener/:id/trekk-tilbake': 'none: the caller’s own token; revoking twice changes nothing',
  'POST /import': 'none: stores a new upload for its dry run',
  'POST /import/:id/bruk': 'bekreft: the fingerprint of the dry-run plan the report showed; re-planned in the transaction, a different plan writes nothing',
  'POST /api/requirements/:key/links': 'version: the requirement’s version counter (409 with both versions)',
  'POST /api/requirements': 'none: a new requirement, with the next number from the counter',
  'PUT /api/requirements/:key': 'version: the requirement’s version counter (409 JSON with both versions)',
};

// Issue 12: "walk every write route and list, in a test, which version each checks".
describe('every write route', () => {
  it('is listed with the version it checks (or why it has none), and the list has no route that does not exist', async () => {
    const ctx = await testApp({ seed: false });
    const writes = [...new Set(ctx.app.routes.filter((r) => !['ALL', 'GET', 'HEAD', 'OPTIONS'].includes(r.method)).map((r) => `${r.method} ${r.path}`))];
    expect(writes.filter((r) => !(r in versionChecked))).toEqual([]);
    expect(Object.keys(versionChecked).filter((r) => !writes.includes(r))).toEqual([]);
    for (const [route, how] of Object.entries(versionChecked)) expect(how, route).toMatch(/^(none|state|open|version|vist-N|bekreft|commentVersion|version \+ revision): /);
    await ctx.db.destroy();
  });
});
