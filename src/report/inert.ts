// A reporter's words, made safe to show a person. Terminals act on escape sequences (OSC 52 writes
// the clipboard, OSC 8 plants a link, CSI clears the screen), a carriage return overwrites the line,
// C1 controls are read as escapes by some terminals, and bidirectional overrides reorder what a
// reader sees ("gnp.exe" shown as "exe.png"). Each becomes a visible mark such as [U+001B], so the
// team reads exactly what was typed and nothing acts on it. Newline and tab stay: people use them.

// C0 controls but tab and newline, DEL, C1, the bidi marks, embeddings, overrides and isolates,
// the line and paragraph separators, the byte-order mark and interlinear annotation marks.
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb]/g;

const mark = (c: string) => `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`;

/** Text for a terminal, an email or a web page: line breaks kept (CRLF as LF), every other control visible. */
export function inert(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(ACTIVE, mark);
}

/**
 * JSON whose bytes are all inert, for output a person may print or page through (the export, a
 * webhook body in a log). It parses back to exactly the same value: only the escaping differs.
 */
export function inertJson(value: unknown): string {
  return JSON.stringify(value).replace(ACTIVE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
