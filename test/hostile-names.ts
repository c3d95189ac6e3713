/**
 * Names users might give scope elements that would break a naive diagram: Mermaid syntax,
 * HTML, entity codes, directives, keywords, line breaks, emoji, Norwegian letters and a name
 * of the longest length allowed (500). Shared by the generator tests and the browser test.
 */
export const longName = `Lang ${'blåbærsyltetøy og '.repeat(30)}`.slice(0, 497) + ' ÆØ';

export const hostileNames: string[] = [
  'Sitat "dobbelt" og \'enkelt\'',
  'Klammer [a] {b} (c) <d> [[e]] ((f))',
  'Emneknagg #1; semikolon; #quot; #35; #lt;',
  '<script>alert(1)</script><img src=x onerror=alert(2)>',
  'A & B &amp; C &lt; D &#60;',
  'end',
  'subgraph end',
  'Linje 1\nLinje 2\r\nLinje 3\tfane\u2028skille',
  '😀 Emoji 👩‍👩‍👧 og 🇳🇴',
  'Æøå ÆØÅ – «sitat» ‘typografisk’',
  longName,
  '%%{init: {"theme":"dark","securityLevel":"loose"}}%%',
  'click n0 call alert(1)',
  'section Ny seksjon: 2020-01-01',
  'classDef farlig fill:#f00;',
  'style n0 fill:#f00;',
  'A --> B --- C -.-> D',
  '`markdown` **fet** _kursiv_',
  'ﬂ°°35¶ß og ﬂ°lt¶ß',
  'Pipe | og backslash \\ og tilde ~',
  '2020-01-01 dato først',
  'title Falsk tittel',
  ':kolon først: og til slutt:',
  'javascript:alert(1)',
  '   ',
];
