import { describe, expect, it } from 'vitest';
import { appliedLabel, proposalRefusal, proposalTargetOf } from '../../model/consultation-proposals.ts';

describe('what a change proposal replaces', () => {
  it("is a requirement's text, otherwise a description that is not blank, otherwise nothing", () => {
    expect(proposalTargetOf('requirement', '', 'Løsningen skal …')).toBe('text');
    expect(proposalTargetOf('informationService', 'Beskrivelse.', null)).toBe('description');
    expect(proposalTargetOf('actor', '  ', null)).toBeNull();
  });

  it('refuses a proposal, or the change-proposal kind, for an element without such a text', () => {
    expect(proposalRefusal({ kind: 'endringsforslag', proposal: 'Nytt navn' }, null)).toHaveProperty('proposal');
    expect(proposalRefusal({ kind: 'innvending', proposal: 'Nytt navn' }, null)).toHaveProperty('proposal');
    expect(proposalRefusal({ kind: 'endringsforslag', proposal: ' ' }, null)).toHaveProperty('kind');
    expect(proposalRefusal({ kind: 'stotte', proposal: '' }, null)).toBeUndefined();
    expect(proposalRefusal({ kind: 'endringsforslag', proposal: 'Ny tekst' }, 'text')).toBeUndefined();
  });
});

describe('the applied mark', () => {
  const item = { kind: 'requirement', key: 'aks-0001', name: 'Krav', ref: 'AKS-0001', deleted: false };
  it('names the field and the element version, and the wording applied once the comment has been rewritten', () => {
    expect(appliedLabel({ item, version: 1, applied: null })).toBeNull();
    expect(appliedLabel({ item, version: 1, applied: { commentVersion: 1, elementVersion: 4, at: '2026-11-26T12:00:00.000Z' } })).toBe('Innarbeidet i kravteksten (versjon 4)');
    expect(appliedLabel({ item: { ...item, kind: 'goal' }, version: 2, applied: { commentVersion: 1, elementVersion: 3, at: '2026-11-26T12:00:00.000Z' } })).toBe(
      'Versjon 1 av forslaget ble innarbeidet i beskrivelsen (versjon 3)',
    );
  });
});
