import { describe, expect, it } from 'vitest';
import { appliedMessage, proposalRefusal, proposalTargetOf } from '../../model/consultation-proposals.ts';
import { say } from '../../views/components/consultation.tsx';
import { i18nFor } from '../../views/i18n/index.ts';

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
    const label = (c: Parameters<typeof appliedMessage>[0], code: 'nb' | 'en' = 'nb') => {
      const message = appliedMessage(c);
      return message && say(i18nFor(code), message);
    };
    expect(appliedMessage({ item, version: 1, applied: null })).toBeNull();
    const now = { item, version: 1, applied: { commentVersion: 1, elementVersion: 4, at: '2026-11-26T12:00:00.000Z' } };
    expect(label(now)).toBe('Innarbeidet i kravteksten (versjon 4)');
    expect(label(now, 'en')).toBe('Written into the requirement text (version 4)');
    const earlier = { item: { ...item, kind: 'goal' }, version: 2, applied: { commentVersion: 1, elementVersion: 3, at: '2026-11-26T12:00:00.000Z' } };
    expect(label(earlier)).toBe('Versjon 1 av forslaget ble innarbeidet i beskrivelsen (versjon 3)');
    expect(label(earlier, 'en')).toBe('Version 1 of the proposal was written into the description (version 3)');
  });
});
