import { describe, expect, it } from 'vitest';
import type { Comment, Reply, Round, RoundItem } from '../../model/consultation.ts';
import { buildReport, escapeMarkdown, reportCsv, reportMarkdown, type ReportLanguage } from '../../model/consultation-report.ts';
import { exportFormat } from '../../model/export-format.ts';
import { i18nFor } from '../../views/i18n/index.ts';

/** An export's language as the route builds it from the request's. */
function language(code: 'nb' | 'en'): ReportLanguage {
  const { t, date, dateTime, language: info } = i18nFor(code);
  return { ...exportFormat(info.locale), t, date, dateTime };
}
const nb = language('nb');
const en = language('en');

const round: Round = {
  id: 3,
  title: 'Høring om kravene',
  description: 'Hva mener dere?',
  phase: 'forprosjekt',
  opensOn: '2026-11-01',
  closesOn: '2026-12-15',
  createdAt: '2026-10-01T00:00:00.000Z',
  updatedAt: '2026-10-01T00:00:00.000Z',
};

const item = (id: number, ref: string | null, name: string, currentText: string | null): RoundItem => ({
  id,
  roundId: 3,
  position: id,
  elementId: currentText === null ? null : id * 10,
  kind: ref ? 'requirement' : 'informationService',
  key: ref ? ref.toLowerCase() : 'multidose',
  name,
  ref,
  currentText,
  elementVersion: currentText === null ? null : 1,
  proposalTarget: currentText === null ? null : ref ? 'text' : null,
});

const items = [item(1, 'AKS-0001', 'Alle tjenester', 'Journalen skal omfatte alle tjenester.'), item(2, null, 'Multidose', 'Multidose'), item(3, 'AKS-0009', 'Slettet krav', null)];

let nextId = 1;
function comment(over: Partial<Comment>): Comment {
  const id = nextId++;
  return {
    id,
    roundId: 3,
    roundTitle: round.title,
    itemId: 1,
    item: { kind: 'requirement', key: 'aks-0001', name: 'Alle tjenester', ref: 'AKS-0001', deleted: false },
    organisationId: 1,
    organisationName: 'Norsk Sykepleierforbund',
    authorName: null,
    kind: 'stotte',
    text: `Kommentar ${id}`,
    proposal: null,
    baseText: null,
    version: 1,
    revision: 1,
    createdAt: `2026-11-${String(10 + id).padStart(2, '0')}T12:00:00.000Z`,
    updatedAt: `2026-11-${String(10 + id).padStart(2, '0')}T12:00:00.000Z`,
    status: 'mottatt',
    answer: null,
    answeredAt: null,
    answeredByName: null,
    answeredVersion: null,
    answeredStatus: null,
    hidden: false,
    hiddenAt: null,
    hiddenReason: null,
    applied: null,
    replyCount: 0,
    lastOtherReplyAt: null,
    ...over,
  };
}

const comments = [
  comment({ itemId: 2, organisationId: 2, organisationName: 'Pasientforeningen', kind: 'sporsmal', status: 'under-vurdering' }),
  comment({ kind: 'endringsforslag', proposal: 'Journalen skal omfatte alle kommunale tjenester.', baseText: 'Journalen skal omfatte alle tjenester.', status: 'tatt-til-folge', answer: 'Endret.', answeredAt: '2026-11-30T12:00:00.000Z' }),
  // Hidden, as a reader receives it: marked, its words removed.
  comment({ organisationId: 2, organisationName: 'Pasientforeningen', kind: 'innvending', text: null, hidden: true, hiddenAt: '2026-11-25T12:00:00.000Z', status: 'ikke-tatt-til-folge', answer: 'Skjult fordi den inneholdt personopplysninger.' }),
  comment({ itemId: 3, item: { kind: 'requirement', key: 'aks-0009', name: 'Slettet krav', ref: 'AKS-0009', deleted: true }, replyCount: 2 }),
];
const replies: Reply[] = [
  { id: 1, commentId: 4, authorName: 'Kari', organisationId: 1, organisationName: 'Norsk Sykepleierforbund', text: 'Hvorfor ble kravet slettet?', createdAt: '2026-11-20T09:00:00.000Z' },
  { id: 2, commentId: 4, authorName: 'Ola', organisationId: null, organisationName: null, text: 'Det er slått sammen med AKS-0001.\nSe veikartet.', createdAt: '2026-11-21T09:00:00.000Z' },
];
const report = buildReport(round, items, comments, new Date('2026-12-20T10:00:00Z'), replies);

describe('the consultation report', () => {
  it('groups every comment by element in the round order, oldest first, and keeps elements without comments', () => {
    expect(report.groups.map((g) => [g.item.id, g.comments.map((c) => c.id)])).toEqual([
      [1, [2, 3]],
      [2, [1]],
      [3, [4]],
    ]);
    expect(report.state).toBe('closed');
  });

  it('counts per status and per organisation, hidden comments included and counted as hidden', () => {
    expect(report.figures.all).toEqual({
      total: 4,
      hidden: 1,
      byStatus: { mottatt: 1, 'under-vurdering': 1, 'tatt-til-folge': 1, 'delvis-tatt-til-folge': 0, 'ikke-tatt-til-folge': 1 },
    });
    expect(report.figures.byOrganisation.map((o) => [o.name, o.total, o.hidden])).toEqual([
      ['Norsk Sykepleierforbund', 2, 0],
      ['Pasientforeningen', 2, 1],
    ]);
    expect(report.figures.byItem.map((t) => [t.itemId, t.total])).toEqual([
      [1, 2],
      [2, 1],
      [3, 1],
    ]);
  });

  it('exports CSV as UTF-8 with a byte-order mark, one line per comment, hidden ones marked and not dropped', () => {
    const csv = reportCsv(report, nb);
    expect(csv.startsWith('\uFEFFHøring,Nr.,Element,Kommentar-id')).toBe(true);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(5);
    const hidden = lines.find((l) => l.includes(',3,Pasientforeningen,'))!;
    expect(hidden).toContain('(Teksten er skjult.)');
    expect(hidden).toContain('Skjult av prosjektet');
    expect(lines.find((l) => l.includes(',2,Norsk'))).toContain('Journalen skal omfatte alle {+kommunale +}tjenester.');
  });

  it('never lets a CSV cell start a formula', () => {
    const evil = buildReport(round, items, [comment({ text: '=HYPERLINK("http://x","klikk")', organisationName: '+47 forening', answer: '@SUM(A1)' })], new Date());
    const line = reportCsv(evil, nb).split('\r\n')[1]!;
    expect(line).toContain(`"'=HYPERLINK(""http://x"",""klikk"")"`);
    expect(line).toContain("'+47 forening");
    expect(line).toContain("'@SUM(A1)");
  });

  it('writes Markdown with the figures, every element and comment, the answer and the hidden mark', () => {
    const md = reportMarkdown(report, nb);
    expect(md).toContain('# Høringsrapport: Høring om kravene');
    expect(md).toContain('| Alle kommentarer | 1 | 1 | 1 | 0 | 1 | 1 | 4 |');
    expect(md).toContain('| Pasientforeningen | 0 | 1 | 0 | 0 | 1 | 1 | 2 |');
    expect(md).toContain('### AKS-0001 Alle tjenester');
    expect(md).toContain('#### Kommentar 3: Innvending fra Pasientforeningen');
    expect(md).toContain('- **Skjult av prosjektet**');
    expect(md).toContain('(Teksten er skjult.)');
    expect(md).toContain('> Skjult fordi den inneholdt personopplysninger.');
    expect(md).toContain('Elementet er slettet fra omfanget.');
    // The thread in full: each reply ("innlegg") under who wrote it, apart from the programme's answer ("svar").
    expect(md).toContain('Innlegg i tråden (2):\n\n**Norsk Sykepleierforbund**, 20. november 2026:\n\n> Hvorfor ble kravet slettet?\n\n**Prosjektet**, 21. november 2026:\n\n> Det er slått sammen med AKS-0001.\n> Se veikartet.');
    expect(md).not.toContain('Svar i tråden');
    expect(md).toContain('Ikke besvart ennå.');
  });
});

describe('the exports for people', () => {
  // Written at 00:30 on 21 November in Norway (23:30 UTC the day before), answered at 13:00 Norwegian time.
  const late = comment({
    text: 'AKS-0002 gjelder helse- og omsorgstjenester. Se punkt 3.2 i planen.',
    createdAt: '2026-11-20T23:30:00.000Z',
    updatedAt: '2026-11-20T23:30:00.000Z',
    status: 'tatt-til-folge',
    answer: 'Tatt inn i AKS-0003.',
    answeredAt: '2026-11-30T12:00:00.000Z',
  });
  const lateReport = buildReport(round, items, [late], new Date('2026-12-20T10:00:00Z'), [
    { id: 9, commentId: late.id, authorName: null, organisationId: null, organisationName: null, text: 'Takk for innspillet.', createdAt: '2026-11-21T09:00:00.000Z' },
  ]);

  it('write times as a clock and a calendar in Norway show them, not in UTC', () => {
    const csv = reportCsv(lateReport, nb).trimEnd().split('\r\n');
    expect(csv[1]).toContain(',2026-11-30 13:00:00,');
    expect(csv[1]).toContain(',2026-11-21 00:30:00,2026-11-21 00:30:00,');
    expect(csv[1]).toContain('Prosjektet (2026-11-21 10:00:00): Takk for innspillet.');
    // The exact instants, for programs, in the last two columns.
    expect(csv[0]).toMatch(/,Skrevet \(ISO 8601 UTC\),Besvart \(ISO 8601 UTC\)$/);
    expect(csv[1]).toMatch(/,2026-11-20T23:30:00\.000Z,2026-11-30T12:00:00\.000Z$/);
    const md = reportMarkdown(lateReport, nb);
    expect(md).toContain('- Skrevet: 21. november 2026\n');
    expect(md).toContain('- Laget: 20. desember 2026 kl. 11:00\n');
    expect(md).toContain('- Høringsperiode: 1. november 2026 til og med 15. desember 2026 (avsluttet)');
    expect(md).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it('leave user text as written where Markdown would not act on it: no "AKS\\-0002", "helse\\- og" or "\\." in the report', () => {
    const md = reportMarkdown(lateReport, nb);
    expect(md).toContain('> AKS-0002 gjelder helse- og omsorgstjenester. Se punkt 3.2 i planen.\n');
    expect(md).toContain('> Tatt inn i AKS-0003.\n');
    expect(md).not.toMatch(/\\[-.]/);
  });

  it('are in English for an English reader, with the thread replies in full and the answer apart from them', () => {
    const csv = reportCsv(lateReport, en);
    expect(csv.startsWith('\uFEFFConsultation,Ref.,Element,Comment id,Organisation,Kind,Comment,')).toBe(true);
    expect(csv).toContain(',Replies in the thread,Written,Last edited,Version,');
    expect(csv).toContain(',Support,');
    expect(csv).toContain(',Accepted,Tatt inn i AKS-0003.,');
    expect(csv).toContain('The programme (21/11/2026, 10:00:00): Takk for innspillet.'.replace('21/11/2026, 10:00:00', '2026-11-21 10:00:00'));
    const md = reportMarkdown(lateReport, en);
    expect(md).toContain('# Consultation report: Høring om kravene');
    expect(md).toContain('- Consultation period: 1 November 2026 to 15 December 2026 inclusive (closed)');
    expect(md).toContain('| All | Received | Under consideration | Accepted | Partly accepted | Not accepted | Hidden | Total |');
    expect(md).toContain(`#### Comment ${late.id}: Support from Norsk Sykepleierforbund`);
    expect(md).toContain('- Written: 21 November 2026\n');
    expect(md).toContain('Answer from the programme (30 November 2026):\n\n> Tatt inn i AKS-0003.');
    expect(md).toContain('Reply in the thread (1):\n\n**The programme**, 21 November 2026:\n\n> Takk for innspillet.');
    expect(md).not.toMatch(/[æøå]/i.source ? /Svar|Innlegg|Skrevet|Høringsrapport/ : /x/);
  });
});

describe('an answer to an earlier wording in the exports', () => {
  const rewritten = comment({
    kind: 'stotte',
    text: 'Vi støtter kravet fullt ut.',
    version: 2,
    status: 'under-vurdering',
    answer: 'Enig, vi fjerner kravet.',
    answeredAt: '2026-11-30T12:00:00.000Z',
    answeredVersion: 1,
    answeredStatus: 'tatt-til-folge',
  });
  const answeredNow = comment({ version: 2, status: 'tatt-til-folge', answer: 'Tatt inn.', answeredAt: '2026-11-30T12:00:00.000Z', answeredVersion: 2, answeredStatus: 'tatt-til-folge' });
  const exported = buildReport(round, items, [rewritten, answeredNow], new Date('2026-12-20T10:00:00Z'));

  it('says in the CSV which version the answer answered and the status it had then', () => {
    const lines = reportCsv(exported, nb).trimEnd().split('\r\n');
    expect(lines[0]).toContain(',Status,Svar,Svaret gjelder versjon,Status da svaret ble gitt,Besvart,');
    expect(lines[1]).toContain(',Under vurdering,"Enig, vi fjerner kravet.",1,Tatt til følge,2026-11-30 13:00:00,');
    expect(lines[2]).toContain(',Tatt til følge,Tatt inn.,2,Tatt til følge,');
  });

  it('labels it in the Markdown, and names the version of a current answer once there is more than one', () => {
    const md = reportMarkdown(exported, nb);
    expect(md).toContain('- Status: Under vurdering');
    expect(md).toContain('Svar fra prosjektet (30. november 2026, på versjon 1):\n\n**Svaret gjaldt versjon 1** (status da: tatt til følge). Kommentaren er endret etter svaret, og prosjektet har ikke svart på versjon 2 ennå.');
    expect(md).toContain('Svar fra prosjektet (30. november 2026, på versjon 2):\n\n> Tatt inn.');
    expect(md.match(/Svaret gjaldt/g)).toHaveLength(1);
  });
});

describe('Markdown escaping of user text', () => {
  it('turns links, images, HTML, headings, lists, emphasis and autolinks into plain text', () => {
    const attempts = [
      '[klikk her](javascript:alert(1))',
      '![bilde](http://x/y.png)',
      '<img src=x onerror=alert(1)>',
      '# Overskrift',
      '1. liste',
      '- punkt',
      '**fet** _kursiv_ `kode`',
      'https://example.com og www.example.com og navn@example.com',
      '| tabell | celle |',
      '&lt;script&gt;',
    ];
    for (const text of attempts) {
      const escaped = escapeMarkdown(text);
      // Nothing that makes a link, image, emphasis, code or table cell, anywhere.
      expect(escaped, text).not.toMatch(/(^|[^\\])[[\]*_`|]/);
      // Nothing that makes a heading or a list at the start of a line.
      expect(escaped, text).not.toMatch(/^\s*([#+=-]|\d+[.)])/m);
      expect(escaped, text).not.toMatch(/[<>]/);
      expect(escaped, text).not.toMatch(/https?:\/\/|www\.|(^|[^\\])@/);
    }
    expect(escapeMarkdown('[a](b)')).toBe('\\[a\\](b)');
    expect(escapeMarkdown('<b>&amp;')).toBe('&lt;b&gt;&amp;amp;');
  });

  it('leaves alone what Markdown does not act on: hyphens, full stops and brackets in running text', () => {
    const text = 'AKS-0002 gjelder helse- og omsorgstjenester (alle). Se punkt 3.2 i planen!';
    expect(escapeMarkdown(text)).toBe(text);
  });

  it('keeps Norwegian letters and line breaks', () => {
    expect(escapeMarkdown('Blåbær og rød grøt\r\nNy linje')).toBe('Blåbær og rød grøt\nNy linje');
  });

  it('keeps a comment inside its block quote, whatever it contains', () => {
    const md = reportMarkdown(buildReport(round, items, [comment({ text: 'Første linje\n\n# Falsk overskrift\n</blockquote><script>alert(1)</script>\n[lenke](http://ondt.example)' })], new Date()), nb);
    const quoted = md.split('\n').filter((l) => l.includes('Falsk') || l.includes('script') || l.includes('lenke'));
    expect(quoted).toEqual(['> \\# Falsk overskrift', '> &lt;/blockquote&gt;&lt;script&gt;alert(1)&lt;/script&gt;', '> \\[lenke\\](http\\://ondt.example)']);
  });
});
