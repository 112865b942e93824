/** A comment's span in a file's text: `[pos, end)` in UTF-16 offsets. */
export interface CommentRange {
  pos: number;
  end: number;
  kind: 'line' | 'block';
}
