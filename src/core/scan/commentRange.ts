/** A comment's span in a file's text: `[pos, end)` in UTF-16 offsets. */
export interface CommentRange {
  pos: number;
  end: number;
  kind: 'line' | 'block';
  /** Length of the opening delimiter (`#` 1, `<!--` 4); absent for `//` and `/*` (JS/TS). */
  open?: number;
  /** Length of a block comment's closing delimiter; absent for `*\/`. */
  close?: number;
  /** Read for suppression directives only, never for markers (C# `#pragma warning disable`). */
  suppressionOnly?: boolean;
}
