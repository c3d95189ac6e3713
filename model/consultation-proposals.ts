import { z } from 'zod';
import { commentStatusLabel, type Comment, type CommentStatus, type RoundItem } from './consultation.ts';

/**
 * Change proposals (endringsforslag) and the text they replace. A proposal is the whole new
 * wording of one field of the element: a requirement's text, or another element's description.
 * An element with neither (only a name) has no text to propose against, so it takes no proposal.
 * Once the programme has accepted a proposal, an architect can write it into that field.
 */

export type ProposalTarget = 'text' | 'description';

/** The field a proposal replaces, as the sentence "Innarbeidet i …" names it. */
export const proposalTargetLabel: Record<ProposalTarget, string> = { text: 'kravteksten', description: 'beskrivelsen' };

/**
 * The field a proposal on an element replaces: a requirement's text, otherwise a description that
 * is not empty. This is the text `commentableText` shows and the word diff compares against.
 */
export function proposalTargetOf(kind: string, description: string, requirementText: string | null): ProposalTarget | null {
  if (kind === 'requirement' && requirementText !== null) return 'text';
  return description.trim() !== '' ? 'description' : null;
}

/** The field a comment's item is about, from its kind (a requirement's proposal is always about its text). */
export const targetOfComment = (c: Pick<Comment, 'item'>): ProposalTarget => (c.item.kind === 'requirement' ? 'text' : 'description');

/**
 * A comment form's proposal where the element has no text to replace: refused beside the field
 * that carries it (the proposal if one was sent, otherwise the kind). Undefined when acceptable.
 */
export function proposalRefusal(form: { kind?: string | undefined; proposal?: string | undefined }, target: ProposalTarget | null): Record<string, string> | undefined {
  if (target !== null) return undefined;
  if ((form.proposal ?? '').trim() !== '') {
    return { proposal: 'Elementet har ingen kravtekst eller beskrivelse som et forslag kan erstatte. Beskriv endringen i selve kommentaren i stedet.' };
  }
  if (form.kind === 'endringsforslag') {
    return { kind: 'Et endringsforslag foreslår ny ordlyd for en tekst, og dette elementet har ingen kravtekst eller beskrivelse. Velg en annen type kommentar.' };
  }
  return undefined;
}

/** A proposal that has been written into the element: which wording, and the element version it made. */
export interface AppliedProposal {
  commentVersion: number;
  elementVersion: number;
  at: string;
}

/** The statuses that let an architect apply a proposal. */
export const applicableStatuses: readonly CommentStatus[] = ['tatt-til-folge', 'delvis-tatt-til-folge'];

/** "Innarbeidet i kravteksten (versjon 4)", naming the comment's wording if it has been rewritten since. */
export function appliedLabel(c: Pick<Comment, 'item' | 'applied' | 'version'>): string | null {
  if (!c.applied) return null;
  const where = `${proposalTargetLabel[targetOfComment(c)]} (versjon ${c.applied.elementVersion})`;
  return c.applied.commentVersion === c.version ? `Innarbeidet i ${where}` : `Versjon ${c.applied.commentVersion} av forslaget ble innarbeidet i ${where}`;
}

/** Why a comment's proposal cannot be applied now (a 409), or undefined when it can. */
export function applyProblem(c: Comment, item: RoundItem): string | undefined {
  if (c.kind !== 'endringsforslag' || c.proposal === null) {
    return c.hidden ? 'Kommentaren er skjult, og forslaget kan ikke innarbeides.' : 'Kommentaren er ikke et endringsforslag, så den har ingen tekst å innarbeide.';
  }
  if (c.hidden) return 'Kommentaren er skjult, og forslaget kan ikke innarbeides.';
  if (item.currentText === null || item.elementVersion === null) return 'Elementet er slettet fra omfanget, så forslaget kan ikke innarbeides.';
  if (item.proposalTarget === null) return 'Elementet har ingen kravtekst eller beskrivelse som forslaget kan erstatte.';
  if (!applicableStatuses.includes(c.status)) {
    return `Bare forslag som er tatt til følge eller delvis tatt til følge, kan innarbeides. Kommentaren har status «${commentStatusLabel[c.status].toLowerCase()}». Ingenting er endret.`;
  }
  if (c.applied && c.applied.commentVersion === c.version) return `${appliedLabel(c)}. Det er ikke noe mer å innarbeide.`;
  if (c.proposal.replace(/\s+/g, ' ').trim() === item.currentText.replace(/\s+/g, ' ').trim()) {
    const field = proposalTargetLabel[item.proposalTarget];
    return `${field[0]!.toUpperCase()}${field.slice(1)} er allerede lik forslaget. Ingenting er endret.`;
  }
  return undefined;
}

const formNumber = z
  .string({ error: 'Skjemaet mangler versjon; last siden på nytt.' })
  .trim()
  .regex(/^[1-9]\d{0,8}$/, 'Skjemaet har en ugyldig versjon; last siden på nytt.')
  .transform(Number);

/** What the architect saw when choosing to apply: the element's version and the comment's wording. */
export const applyBasisSchema = z.object({ elementVersion: formNumber, commentVersion: formNumber });
export type ApplyBasis = z.infer<typeof applyBasisSchema>;
