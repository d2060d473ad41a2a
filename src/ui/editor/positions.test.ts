import { describe, expect, test } from 'vitest';
import { simulateFile } from '../../simulator';
import { Text } from '@codemirror/state';
import { decodeLines, lineSeparatorOf, TextPositions, type DocText } from './positions';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('lineSeparatorOf', () => {
  test('CRLF, a lone CR, else LF', () => {
    expect(lineSeparatorOf(utf8('{\r\n}\r\n'))).toBe('\r\n');
    expect(lineSeparatorOf(utf8('{\r}\r'))).toBe('\r');
    expect(lineSeparatorOf(utf8('{\n}\n'))).toBe('\n');
    expect(lineSeparatorOf(utf8('{}'))).toBe('\n');
    // A CRLF anywhere wins over lone CRs before it.
    expect(lineSeparatorOf(utf8('{\r"é": 1\r\n}'))).toBe('\r\n');
  });
});

/** The editor's document for `text` (CodeMirror splits at the separator only, as the editor does). */
const docOf = (text: string, separator: string) => Text.of(text.split(separator));
const positionsOf = (text: string, separator: '\r\n' | '\r' | '\n') => new TextPositions(docOf(text, separator), separator);

describe('TextPositions', () => {
  test("a finding's (line, column) is the offset the core counted, BOM and CRLF included", () => {
    const text = '\uFEFF{\r\n  "a": 1,\r\n  "b": "x"\r\n}\r\n';
    const positions = positionsOf(text, '\r\n');
    // Line 1, column 1 is the "{" after the BOM.
    expect(text[positions.offsetOf(1, 1)]).toBe('{');
    expect(text.slice(positions.offsetOf(3, 8), positions.offsetOf(3, 11))).toBe('"x"');
    // Past the end of a line: clamped to it.
    expect(positions.offsetOf(2, 99)).toBe(text.indexOf('\r\n  "b"'));
  });

  test("lines as the core counts them, whatever the editor's separator (a lone CR in an LF file)", () => {
    const text = '{\n  "a": 1,\r  "b": 2\n}';
    const positions = positionsOf(text, '\n');
    expect(text.slice(positions.offsetOf(3, 8), positions.offsetOf(3, 9))).toBe('2');
  });

  test('the editor counts a CRLF as one position', () => {
    const text = 'a\r\nbc\r\nd';
    const crlf = positionsOf(text, '\r\n');
    expect(crlf.positionOf(0)).toBe(0);
    expect(crlf.positionOf(1)).toBe(1); // the CR: the end of line 1
    expect(crlf.positionOf(3)).toBe(2); // "b"
    expect(crlf.positionOf(4)).toBe(3); // "c"
    expect(crlf.positionOf(7)).toBe(5); // "d"
    expect(crlf.positionOf(text.length)).toBe(6);
    expect(crlf.positionOf(text.length + 5)).toBe(6);
    expect(crlf.positionOf(-1)).toBe(0);
    // LF (or lone CR) files: positions are the offsets.
    expect(positionsOf('a\nb', '\n').positionOf(2)).toBe(2);
    expect(positionsOf('a\rb', '\r').positionOf(2)).toBe(2);
  });

  test('every offset of a CRLF text lands where counting its CRLFs puts it', () => {
    const text = '\uFEFF{\r\n\r\n  "a": "é😀",\r\n  "b": [1, 2]\r\n}';
    const positions = positionsOf(text, '\r\n');
    for (let offset = 0; offset <= text.length; offset++) {
      const crlfsBefore = text.slice(0, offset).split('\r\n').length - 1;
      expect(positions.positionOf(offset), `offset ${offset}`).toBe(offset - crlfsBefore);
    }
  });

  test('the range of a value: a whole string, number or literal; one character otherwise', () => {
    const text = '{"a": "x\\"y", "b": -10.5e2, "c": true, "d": {}}';
    const p = positionsOf(text, '\n');
    const slice = (at: number) => {
      const { from, to } = p.rangeAt(at);
      return text.slice(from, to);
    };
    expect(slice(text.indexOf('"x'))).toBe('"x\\"y"');
    expect(slice(text.indexOf('-10'))).toBe('-10.5e2');
    expect(slice(text.indexOf('true'))).toBe('true');
    expect(slice(text.indexOf('{}'))).toBe('{');
    expect(p.rangeAt(text.length)).toEqual({ from: text.length, to: text.length });
  });

  test('ranges are editor positions; a line end (or the LF of a CRLF) gives an empty range there', () => {
    const text = '{\r\n  "a": "xy",\r\n  "b": 12\r\n}';
    const p = positionsOf(text, '\r\n');
    const doc = docOf(text, '\r\n');
    const range = p.rangeAt(text.indexOf('"xy"'));
    expect(doc.sliceString(range.from, range.to)).toBe('"xy"');
    const number = p.rangeAt(text.indexOf('12'));
    expect(doc.sliceString(number.from, number.to)).toBe('12');
    // After "xy", (a missing comma would be placed there): the end of line 2, not the next line.
    const end = text.indexOf('\r\n  "b"');
    expect(p.rangeAt(end)).toEqual({ from: doc.line(2).to, to: doc.line(2).to });
    expect(p.rangeAt(end + 1)).toEqual({ from: doc.line(3).from, to: doc.line(3).from });
  });

  test('a string cut by the end of its line stops there', () => {
    const text = '{"a": "xy\n}';
    const { from, to } = positionsOf(text, '\n').rangeAt(text.indexOf('"xy'));
    expect(text.slice(from, to)).toBe('"xy');
  });

  test('placing a finding by its offset reads its token, never the whole text', () => {
    const line = '    "nomMedecin": "HÉBERT",';
    const text = ['{', ...Array.from({ length: 5000 }, () => line), '}'].join('\r\n');
    const doc = docOf(text, '\r\n');
    const read: number[] = [];
    const spy: DocText = {
      length: doc.length,
      lines: doc.lines,
      line: (n) => doc.line(n),
      lineAt: (pos) => doc.lineAt(pos),
      sliceString: (from, to, sep) => {
        read.push((to ?? doc.length) - from);
        return doc.sliceString(from, to, sep);
      },
    };
    const p = new TextPositions(spy, '\r\n');
    const at = text.lastIndexOf('"HÉBERT"');
    const { from, to } = p.rangeAt(at);
    expect(doc.sliceString(from, to)).toBe('"HÉBERT"');
    expect(p.positionOf(at)).toBe(from);
    expect(Math.max(0, ...read)).toBeLessThan(line.length);
  });

  test("the core's findings land on their values (a real check), by offset as by line and column", () => {
    const text = '\uFEFF' + '{\r\n  "impId": null,\r\n  "numeroAns": 12,\r\n  "siret": "123"\r\n}';
    const result = simulateFile(new TextEncoder().encode(text), { type: 'avance', dsr: 'MDV-LGC' });
    const issues = result.globalErrors.length > 0 ? result.globalErrors : result.requests.flatMap((r) => r.errors);
    const p = positionsOf(text, '\r\n');
    const doc = docOf(text, '\r\n');
    const numeroAns = issues.find((i) => i.path === '/numeroAns');
    expect(numeroAns, JSON.stringify(issues)).toBeDefined();
    expect(numeroAns!.offset).toBeDefined();
    const byOffset = p.rangeAt(numeroAns!.offset!);
    expect(doc.sliceString(byOffset.from, byOffset.to)).toBe('12');
    expect(p.rangeAt(p.offsetOf(numeroAns!.line, numeroAns!.column))).toEqual(byOffset);
  });
});

describe('decodeLines', () => {
  /** The batches of `bytes`, decoded `step` bytes at a time. */
  const batches = (bytes: Uint8Array, separator: string, step: number, fatal = true) => [...decodeLines(bytes, separator, fatal, step)];

  test('every line once, in order, whatever the step: a CRLF or a character cut between two steps', () => {
    const text = '\uFEFF{\r\n  "a": "é😀",\r\n\r\n  "b": "x\ry\nz"\r\n}\r\n';
    const bytes = utf8(text);
    for (let step = 1; step <= bytes.length + 1; step++) {
      const lines = batches(bytes, '\r\n', step).flat();
      expect(lines, `step ${step}`).toEqual(text.split('\r\n'));
    }
    expect(batches(utf8('a\nb\rc'), '\n', 2).flat()).toEqual(['a', 'b\rc']);
    expect(batches(utf8('a\rb\r'), '\r', 1).flat()).toEqual(['a', 'b', '']);
  });

  test('a batch per step: the document is built a step at a time', () => {
    const bytes = utf8('{\n  "a": 1,\n  "b": 2\n}');
    expect(batches(bytes, '\n', 8)).toEqual([['{'], ['  "a": 1,'], ['  "b": 2', '}']]);
    expect(batches(utf8('{"abcdefgh": 1}\n'), '\n', 4)).toEqual([[], [], [], ['{"abcdefgh": 1}', '']]);
  });

  test('an empty file is one empty line', () => {
    expect(batches(new Uint8Array(), '\n', 4)).toEqual([['']]);
  });

  test('keeps the BOM as character 0', () => {
    expect(batches(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]), '\n', 2).flat()).toEqual(['\uFEFF{}']);
  });

  test('invalid UTF-8: a TypeError when fatal, else replaced', () => {
    const bytes = new Uint8Array([0x7b, 0x0a, 0xe9, 0x7d]);
    expect(() => batches(bytes, '\n', 2)).toThrow(TypeError);
    expect(batches(bytes, '\n', 2, false).flat()).toEqual(['{', '\uFFFD}']);
  });
});
