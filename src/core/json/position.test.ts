// Offset → line/column as editors show them: LF, CRLF and lone CR end lines; columns are
// 1-based UTF-16 units; a leading BOM is not a column.

import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { parseJson } from './parse';
import { LineIndex } from './position';

/** Every offset of `text` (and the end) with its expected line/column, computed naively. */
function naive(text: string): { line: number; column: number }[] {
  const out: { line: number; column: number }[] = [];
  let line = 1;
  let column = 1;
  for (let i = 0; i <= text.length; i++) {
    out.push({ line, column });
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      column = 1;
    } else if (!(i === 0 && c === '\uFEFF')) {
      column++;
    }
  }
  return out;
}

describe('LineIndex.position', () => {
  test('single line', () => {
    const idx = new LineIndex('{"a":1}');
    expect(idx.position(0)).toEqual({ line: 1, column: 1 });
    expect(idx.position(5)).toEqual({ line: 1, column: 6 });
    expect(idx.position(7)).toEqual({ line: 1, column: 8 }); // the end of the text
  });

  test('empty text', () => {
    expect(new LineIndex('').position(0)).toEqual({ line: 1, column: 1 });
  });

  test.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['lone CR', '\r'],
  ])('%s line endings', (_name, eol) => {
    const text = ['{', '  "a": 1,', '  "b": 2', '}'].join(eol) + eol;
    const idx = new LineIndex(text);
    const b = text.indexOf('"b"');
    expect(idx.position(b)).toEqual({ line: 3, column: 3 });
    expect(idx.position(text.indexOf('}'))).toEqual({ line: 4, column: 1 });
    expect(idx.position(text.length)).toEqual({ line: 5, column: 1 });
    // The line ending itself belongs to the line it ends.
    expect(idx.position(text.indexOf(eol))).toEqual({ line: 1, column: 2 });
  });

  test('CRLF counts as one line break, CR CR as two, LF CR as two', () => {
    expect(new LineIndex('a\r\nb').position(3)).toEqual({ line: 2, column: 1 });
    expect(new LineIndex('a\r\rb').position(3)).toEqual({ line: 3, column: 1 });
    expect(new LineIndex('a\n\rb').position(3)).toEqual({ line: 3, column: 1 });
    expect(new LineIndex('a\r\n\r\nb').position(5)).toEqual({ line: 3, column: 1 });
  });

  test('mixed line endings', () => {
    const text = 'a\nb\r\nc\rd\n\ne';
    const idx = new LineIndex(text);
    expect(['a', 'b', 'c', 'd', 'e'].map((ch) => idx.position(text.indexOf(ch)))).toEqual([
      { line: 1, column: 1 },
      { line: 2, column: 1 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
      { line: 6, column: 1 },
    ]);
  });

  test('a BOM is not a column, on line 1 only', () => {
    const text = '\uFEFF{"a":\n1}';
    const idx = new LineIndex(text);
    expect(idx.position(0)).toEqual({ line: 1, column: 1 });
    expect(idx.position(1)).toEqual({ line: 1, column: 1 });
    expect(idx.position(2)).toEqual({ line: 1, column: 2 });
    expect(idx.position(text.indexOf('1'))).toEqual({ line: 2, column: 1 });
    // A U+FEFF further on is an ordinary (if invisible) character.
    const later = new LineIndex('ab\uFEFFc');
    expect(later.position(3)).toEqual({ line: 1, column: 4 });
  });

  test('columns are UTF-16 units', () => {
    const text = '"😀é" x';
    expect(new LineIndex(text).position(text.indexOf('x'))).toEqual({ line: 1, column: 7 }); // " 😀(2) é " space
  });

  test('agrees with a naive count at every offset', () => {
    const text = '\uFEFF{\r\n "a": [1,\r 2],\n\n "b": "😀"\r\n}\r';
    const idx = new LineIndex(text);
    const expected = naive(text);
    for (let i = 0; i <= text.length; i++) expect([i, idx.position(i)]).toEqual([i, expected[i]]);
  });

  test('many lines (binary search)', () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => `line ${i}`);
    const text = lines.join('\n');
    const starts: number[] = [];
    let offset = 0;
    for (const l of lines) {
      starts.push(offset);
      offset += l.length + 1;
    }
    const idx = new LineIndex(text);
    for (const n of [0, 1, 2, 4999, 9998, 9999]) {
      expect(idx.position(starts[n]! + 3)).toEqual({ line: n + 1, column: 4 });
    }
  });
});

describe('LineIndex.lineText', () => {
  test.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['lone CR', '\r'],
  ])('%s: the line without its ending', (_name, eol) => {
    const text = ['{', '  "a": 1,', '  "b": 2', '}'].join(eol);
    const idx = new LineIndex(text);
    expect(idx.lineText(text.indexOf('"a"'))).toBe('  "a": 1,');
    expect(idx.lineText(text.indexOf('"b"') + 2)).toBe('  "b": 2');
    expect(idx.lineText(0)).toBe('{');
    expect(idx.lineText(text.length)).toBe('}'); // last line, no ending
  });

  test('the BOM is not part of the first line', () => {
    const idx = new LineIndex('\uFEFF{"a": 1}\n');
    expect(idx.lineText(3)).toBe('{"a": 1}');
    expect(idx.lineText(0)).toBe('{"a": 1}');
  });

  test('an empty line and the empty line after a final newline', () => {
    const text = 'a\n\nb\n';
    const idx = new LineIndex(text);
    expect(idx.lineText(2)).toBe('');
    expect(idx.lineText(text.length)).toBe('');
  });

  test('lineText can be called before position (lazy index)', () => {
    expect(new LineIndex('x\ny').lineText(2)).toBe('y');
  });
});

describe("the parser's line starts", () => {
  /** The line starts the parser records, as a LineIndex (parse must succeed). */
  function fromParser(text: string): LineIndex {
    const parsed = parseJson(text);
    if (!parsed.ok) throw new Error(`not JSON: ${parsed.fault.reason}`);
    return new LineIndex(text, parsed.lineStarts);
  }

  test('agree with a naive count at every offset: BOM, CRLF, lone CR, blank lines, non-ASCII strings', () => {
    const text = '\uFEFF{\r\n "a": [1,\r 2],\n\n "é😀": "😀é"\r\n\r\r\n}\r';
    const idx = fromParser(text);
    const expected = naive(text);
    for (let i = 0; i <= text.length; i++) expect([i, idx.position(i)]).toEqual([i, expected[i]]);
    expect(idx.lineText(text.indexOf('"a"'))).toBe(' "a": [1,');
  });

  test('any JSON, any line endings and indentation: the same positions as the text scan', () => {
    const eol = fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\r\r\n', ' \t\n');
    fc.assert(
      fc.property(
        fc.jsonValue(),
        // Up to 8: indentations of 4 spaces and more are read four at a time (parse.ts).
        fc.integer({ min: 0, max: 8 }),
        fc.array(eol, { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        (value, indent, eols, bom) => {
          let k = 0;
          const body = JSON.stringify(value, null, indent).replace(/\n/g, () => eols[k++ % eols.length]!);
          const text = (bom ? '\uFEFF' : '') + body;
          const ours = fromParser(text);
          const scan = new LineIndex(text);
          for (let i = 0; i <= text.length; i++) expect(ours.position(i)).toEqual(scan.position(i));
        },
      ),
      { numRuns: 200 },
    );
  });
});
