import { describe, expect, it } from 'vitest';
import { inviteInputSchema, landingPath, loginInputSchema, returnPathSchema, userInputSchema } from '../../model/accounts.ts';
import { fieldChanges } from '../../model/audit.ts';
import { i18nFor } from '../../views/i18n/index.ts';
import { issueText } from '../../views/i18n/issues.ts';

describe('account input', () => {
  it('only ever returns to a page on this site after sign-in; anything else counts as no return path', () => {
    expect(returnPathSchema.parse('/krav?status=utkast')).toBe('/krav?status=utkast');
    const elsewhere = ['//angriper.example', '/\\angriper.example', 'https://angriper.example', 'javascript:alert(1)', '', '/ mellomrom', 'angriper.example', '/\0', '/a\u2028//b', undefined];
    for (const path of elsewhere) expect(returnPathSchema.parse(path), String(path)).toBeUndefined();
  });

  it('starts each role where it works', () => {
    expect(landingPath('municipality')).toBe('/vurdering');
    expect(landingPath('organisation')).toBe('/horing');
    for (const role of ['administrator', 'architect', 'reader'] as const) expect(landingPath(role)).toBe('/');
  });

  it('normalises e-mail addresses and takes an empty binding field as none', () => {
    expect(loginInputSchema.parse({ email: ' Kari@Oslo.Kommune.NO ', password: 'x' }).email).toBe('kari@oslo.kommune.no');
    expect(inviteInputSchema.parse({ email: 'a@b.no', role: 'reader', municipality: '', organisation: '' })).toEqual({
      email: 'a@b.no',
      role: 'reader',
      municipalityNumber: null,
      organisationId: null,
    });
    expect(userInputSchema.parse({ name: ' Kari ', email: 'a@b.no', role: 'municipality', municipality: '0301', organisation: '', active: 'on' })).toEqual({
      name: 'Kari',
      email: 'a@b.no',
      role: 'municipality',
      municipalityNumber: '0301',
      organisationId: null,
      active: true,
    });
  });

  it('refuses a binding the role cannot have beside its field, rather than dropping it', () => {
    const issues = (input: Record<string, string>) => inviteInputSchema.safeParse({ email: 'a@b.no', ...input }).error?.issues.map((i) => i.path.join('.'));
    expect(issues({ role: 'reader', municipality: '0301', organisation: '4' })).toEqual(['municipality', 'organisation']);
    expect(issues({ role: 'organisation', municipality: '0301', organisation: '4' })).toEqual(['municipality']);
    expect(issues({ role: 'municipality', municipality: '0301', organisation: '4' })).toEqual(['organisation']);
    expect(issues({ role: 'organisation' })).toEqual(['organisation']);
    expect(issues({ role: 'municipality' })).toEqual(['municipality']);
  });

  it('says which field is missing for a bound role', () => {
    const result = inviteInputSchema.safeParse({ email: 'a@b.no', role: 'municipality', municipality: '12' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), issueText(i, i18nFor('nb'))])).toEqual([['municipality', 'Kommunenummeret har fire sifre, for eksempel 0301.']]);
    expect(result.error?.issues.map((i) => issueText(i, i18nFor('en')))).toEqual(['The municipality number has four digits, for example 0301.']);
    // A role that belongs to no municipality is named in the reader's language.
    const architect = inviteInputSchema.safeParse({ email: 'a@b.no', role: 'architect', municipality: '0301' });
    expect(architect.error?.issues.map((i) => issueText(i, i18nFor('nb')))).toEqual(['Rollen Arkitekt hører ikke til en kommune. Velg «Ingen kommune», eller velg rollen Kommune.']);
    expect(architect.error?.issues.map((i) => issueText(i, i18nFor('en')))).toEqual(['The role Architect does not belong to a municipality. Choose “No municipality”, or choose the role Municipality.']);
  });
});

describe('field changes in an audit event', () => {
  it('lists what a change altered, a creation sets and a deletion clears', () => {
    expect(fieldChanges({ name: 'A', tier: 1, tags: ['x'] }, { name: 'B', tier: 1, tags: ['x', 'y'] })).toEqual([
      { field: 'name', before: 'A', after: 'B' },
      { field: 'tags', before: ['x'], after: ['x', 'y'] },
    ]);
    expect(fieldChanges(null, { name: 'Ny', parent: null })).toEqual([{ field: 'name', before: null, after: 'Ny' }]);
    expect(fieldChanges({ name: 'Borte' }, null)).toEqual([{ field: 'name', before: 'Borte', after: null }]);
    expect(fieldChanges({ name: 'Lik' }, { name: 'Lik' })).toEqual([]);
  });
});
