// Text from a file, shown visibly: the characters a terminal or a text layout acts on rather than
// shows are written as escapes (issue 15). Pure; used by the CLI's text report and the app.

/**
 * Characters that act rather than show: C0 controls (newline, ESC…), DEL, C1 controls, the line
 * and paragraph separators, and the bidirectional embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069) — with which a file could clear a terminal, forge a report line
 * or reorder a message.
 */
export const ACTING_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const SHORT: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * `text` with each acting character written as an escape — `\n`, `\r`, `\t`, else `\uXXXX` in
 * upper-case hex (`\u001B`, `\u202E`) — so that it reads on one line, in its own order. Other
 * characters (accents, «», €) are kept. Idempotent: the result holds no acting character.
 */
export function visible(text: string): string {
  return text.replace(ACTING_CHARACTERS, (c) =>
    Object.hasOwn(SHORT, c) ? SHORT[c]! : `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}
