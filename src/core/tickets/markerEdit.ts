/** A one-line change to a source file. */
export interface LineEdit {
  /** POSIX path relative to the scan root. */
  file: string;
  /** 1-based line. */
  line: number;
  before: string;
  after: string;
  /** 0-based UTF-16 range on the line that changes (for editors' range edits). */
  start: number;
  end: number;
  /** Text replacing the range. */
  insert: string;
}

/**
 * Puts a ticket into the marker at `column` (1-based) of `lineText`: `<tag>: x` becomes `<tag>(#812): x`,
 * and `<tag>(@ann): x` becomes `<tag>(@ann, #812): x`. Null when the tag is no longer there (the file moved on).
 */
export function addTicketToMarker(lineText: string, column: number, tag: string, ticket: string): Omit<LineEdit, 'file' | 'line'> | null {
  const at = column - 1;
  if (lineText.slice(at, at + tag.length).toUpperCase() !== tag.toUpperCase()) return null;
  const after = at + tag.length;
  if (lineText[after] === '(') {
    const close = lineText.indexOf(')', after);
    if (close < 0) return null;
    const inner = lineText.slice(after + 1, close);
    const insert = inner.trim() === '' ? ticket : `, ${ticket}`;
    const start = inner.trim() === '' ? after + 1 : close;
    return { before: lineText, after: lineText.slice(0, start) + insert + lineText.slice(close), start, end: close, insert: insert };
  }
  const insert = `(${ticket})`;
  return { before: lineText, after: lineText.slice(0, after) + insert + lineText.slice(after), start: after, end: after, insert };
}
