import { describe, expect, test } from 'vitest';
import { simulateFile } from '../../simulator';
import { decodeForEditing, lineSeparatorOf, TextPositions } from './positions';

describe('lineSeparatorOf', () => {
  test('CRLF, a lone CR, else LF', () => {
    expect(lineSeparatorOf('{\r\n}\r\n')).toBe('\r\n');
    expect(lineSeparatorOf('{\r}\r')).toBe('\r');
    expect(lineSeparatorOf('{\n}\n')).toBe('\n');
    expect(lineSeparatorOf('{}')).toBe('\n');
  });
});

describe('TextPositions', () => {
  test("a finding's (line, column) is the offset the core counted, BOM and CRLF included", () => {
    const text = '\uFEFF{\r\n  "a": 1,\r\n  "b": "x"\r\n}\r\n';
    const positions = new TextPositions(text, '\r\n');
    // Line 1, column 1 is the "{" after the BOM.
    expect(text[positions.offsetOf(1, 1)]).toBe('{');
    expect(text.slice(positions.offsetOf(3, 8), positions.offsetOf(3, 11))).toBe('"x"');
    // Past the end of a line: clamped to it.
    expect(positions.offsetOf(2, 99)).toBe(text.indexOf('\r\n  "b"'));
  });

  test('the editor counts a CRLF as one position', () => {
    const text = 'a\r\nbc\r\nd';
    const crlf = new TextPositions(text, '\r\n');
    expect(crlf.positionOf(0)).toBe(0);
    expect(crlf.positionOf(3)).toBe(2); // "b"
    expect(crlf.positionOf(7)).toBe(5); // "d"
    expect(crlf.positionOf(text.length)).toBe(6);
    // LF (or lone CR) files: positions are the offsets.
    expect(new TextPositions('a\nb', '\n').positionOf(2)).toBe(2);
  });

  test('the range of a value: a whole string, number or literal; one character otherwise', () => {
    const text = '{"a": "x\\"y", "b": -10.5e2, "c": true, "d": {}}';
    const p = new TextPositions(text, '\n');
    const slice = (at: number) => {
      const { from, to } = p.tokenAt(at);
      return text.slice(from, to);
    };
    expect(slice(text.indexOf('"x'))).toBe('"x\\"y"');
    expect(slice(text.indexOf('-10'))).toBe('-10.5e2');
    expect(slice(text.indexOf('true'))).toBe('true');
    expect(slice(text.indexOf('{}'))).toBe('{');
    expect(p.tokenAt(text.length)).toEqual({ from: text.length, to: text.length });
  });

  test("the core's findings land on their values (a real check)", () => {
    const text = '\uFEFF' + '{\r\n  "impId": null,\r\n  "numeroAns": 12,\r\n  "siret": "123"\r\n}';
    const result = simulateFile(new TextEncoder().encode(text), { type: 'avance', dsr: 'MDV-LGC' });
    const issues = result.globalErrors.length > 0 ? result.globalErrors : result.requests.flatMap((r) => r.errors);
    const p = new TextPositions(text, '\r\n');
    const numeroAns = issues.find((i) => i.path === '/numeroAns');
    expect(numeroAns, JSON.stringify(issues)).toBeDefined();
    const { from, to } = p.tokenAt(p.offsetOf(numeroAns!.line, numeroAns!.column));
    expect(text.slice(from, to)).toBe('12');
  });
});

describe('decodeForEditing', () => {
  test('keeps the BOM as character 0', () => {
    const { text, lossy } = decodeForEditing(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]));
    expect(text).toBe('\uFEFF{}');
    expect(lossy).toBe(false);
  });
  test('invalid UTF-8: replaced, and said', () => {
    const { text, lossy } = decodeForEditing(new Uint8Array([0x7b, 0xe9, 0x7d]));
    expect(text).toBe('{\uFFFD}');
    expect(lossy).toBe(true);
  });
});
