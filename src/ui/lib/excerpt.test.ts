import { describe, expect, test } from 'vitest';
import { excerptAt, splitLines } from './excerpt';

describe('splitLines', () => {
  test('LF, CRLF and a lone CR end a line, as the core counts them', () => {
    expect(splitLines('a\nb\r\nc\rd')).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('excerptAt', () => {
  const lines = splitLines('{\n  "siret": 123,\n\t"x": true\n}');

  test('the line without its indentation, with a caret under the column', () => {
    expect(excerptAt(lines, 2, 12)).toEqual({ line: 2, text: '"siret": 123,', caret: '         ^' });
    // A tab-indented line too.
    expect(excerptAt(lines, 3, 7)).toEqual({ line: 3, text: '"x": true', caret: '     ^' });
  });

  test('a column inside the indentation keeps the blanks up to it', () => {
    expect(excerptAt(['      "a": 1'], 1, 3)).toEqual({ line: 1, text: '    "a": 1', caret: '^' });
  });

  test('tabs are kept in the caret line so that it aligns', () => {
    expect(excerptAt(['"a":\t\t"b"'], 1, 7)?.caret).toBe('    \t\t^');
  });

  test('a long indented line is cut after its indentation, not marked as cut there', () => {
    const e = excerptAt(['        "x": "' + 'y'.repeat(30) + '"'], 1, 14, 40)!;
    expect(e.text.startsWith('"x": ')).toBe(true);
    expect(e.text[e.caret.length - 1]).toBe('"');
  });

  test('a column past the end points just after the last character', () => {
    expect(excerptAt(lines, 4, 9)).toEqual({ line: 4, text: '}', caret: ' ^' });
  });

  test('no excerpt for a line that does not exist', () => {
    expect(excerptAt(lines, 9, 1)).toBeUndefined();
    expect(excerptAt(lines, 0, 1)).toBeUndefined();
  });

  test('a long line is cut around the column, with … where it was cut', () => {
    const long = 'a'.repeat(500) + 'X' + 'b'.repeat(500);
    const e = excerptAt([long], 1, 501, 40)!;
    expect(e.text.startsWith('…')).toBe(true);
    expect(e.text.endsWith('…')).toBe(true);
    expect(e.text.length).toBe(42);
    // The caret stands under the X.
    expect(e.text[e.caret.length - 1]).toBe('X');
  });

  test('the start of a long line is not cut before the column', () => {
    const e = excerptAt(['X' + 'b'.repeat(200)], 1, 1, 40)!;
    expect(e.text.startsWith('X')).toBe(true);
    expect(e.caret).toBe('^');
  });

  test('control characters are shown as dots (one column each)', () => {
    expect(excerptAt(['a\u0001b'], 1, 3)).toEqual({ line: 1, text: 'a·b', caret: '  ^', invisible: 'caractère de contrôle U+0001' });
  });

  test('invisible characters are marked (one column each) and named', () => {
    expect(excerptAt(['"nom": "DUPONT\u00a0",'], 1, 9)).toEqual({
      line: 1,
      text: '"nom": "DUPONT⍽",',
      caret: '        ^',
      invisible: 'espace insécable U+00A0',
    });
    expect(excerptAt(['"a": "0000\u200b1", "b": "N\u0092GUYEN"'], 1, 6)).toEqual({
      line: 1,
      text: '"a": "0000¤1", "b": "N¤GUYEN"',
      caret: '     ^',
      invisible: 'espace sans chasse U+200B, caractère de contrôle C1 U+0092',
    });
    expect(excerptAt(['"nom": "DUPONT"'], 1, 1)).not.toHaveProperty('invisible');
  });
});
