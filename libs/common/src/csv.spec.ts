import fc from 'fast-check';
import { CSV_BOM, csvCell, csvDocument, csvRow } from './csv';

/** A strict RFC 4180 reader (CRLF rows, quoted cells with doubled quotes), to read back what the writer wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"' && cell === '') {
      i += 1;
      for (;;) {
        if (i >= text.length) {
          throw new Error('unterminated quote');
        }
        if (text[i] === '"' && text[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (text[i] === '"') {
          i += 1;
          break;
        } else {
          cell += text[i];
          i += 1;
        }
      }
    } else if (text[i] === ',') {
      row.push(cell);
      cell = '';
      i += 1;
    } else if (text.startsWith('\r\n', i)) {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 2;
    } else if (text[i] === '"' || text[i] === '\r' || text[i] === '\n') {
      throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
    } else {
      cell += text[i];
      i += 1;
    }
  }
  if (cell !== '' || row.length > 0) {
    throw new Error('last row not CRLF-terminated');
  }
  return rows;
}

describe('csv', () => {
  it('should neutralize every cell a spreadsheet would read as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+1 555')).toBe("'+1 555");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvCell("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
  });

  it('should neutralize a phone number in international format too (the apostrophe shows; nothing runs)', () => {
    expect(csvCell('+998 71 234 56 78')).toBe("'+998 71 234 56 78");
  });

  it('should leave other text as it is, a formula character after the first one included', () => {
    expect(csvCell('Erkin Yuldashev')).toBe('Erkin Yuldashev');
    expect(csvCell('Эркин Юлдашев')).toBe('Эркин Юлдашев');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(" '=1")).toBe(" '=1");
    expect(csvCell('')).toBe('');
  });

  it('should quote cells with a comma, a quote or a line break, doubling the quotes', () => {
    expect(csvCell('Tashkent, UZ')).toBe('"Tashkent, UZ"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
  });

  it('should write dates as ISO 8601 UTC, numbers and booleans as text, null and undefined as empty cells', () => {
    expect(csvRow([new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6)), 42, true, null, undefined])).toBe(
      '2026-01-02T03:04:05.006Z,42,true,,\r\n',
    );
  });

  it('should end every row with CRLF and start a document with the UTF-8 BOM', () => {
    const document = csvDocument(
      ['id', 'name'],
      [
        ['1', 'Aigul'],
        ['2', '=1+1'],
      ],
    );
    expect(document).toBe(`${CSV_BOM}id,name\r\n1,Aigul\r\n2,'=1+1\r\n`);
    expect(Buffer.from(document, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('should read back as the same cells, neutralized, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', maxLength: 20 }), { minLength: 1, maxLength: 5 }),
        (cells) => {
          const [parsed] = parseCsv(csvRow(cells));
          expect(parsed).toEqual(cells.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)));
          for (const cell of parsed) {
            expect(cell).not.toMatch(/^[=+\-@\t\r]/);
          }
        },
      ),
    );
  });
});
