import type { RawItem } from '../model';
import { LineIndex } from './lineIndex';
import { parseMetadata } from './metadata';

const TASK = /^([ \t]*(?:>[ \t]*)*(?:[-*+]|\d{1,9}[.)])[ \t]+\[ \][ \t]+)(\S[^\r\n]*)$/gm;
const FENCE = /^[ \t]{0,3}(```|~~~)[^\n]*\n[\s\S]*?(?:^[ \t]{0,3}\1[ \t]*$|(?![\s\S]))/gm;

/**
 * Open Markdown task items (`- [ ] text`, `1. [ ] text`) as items of kind `task`, outside fenced code.
 * Checked ones (`- [x]`) are done, not debt. Metadata (`@owner`, `#123`, a due date) is read as for markers.
 */
export function findTaskItems(text: string): RawItem[] {
  if (!text.includes('[ ]')) return [];
  const fences: [number, number][] = [];
  for (const f of text.matchAll(FENCE)) fences.push([f.index, f.index + f[0].length]);
  const index = new LineIndex(text);
  const items: RawItem[] = [];
  for (const m of text.matchAll(TASK)) {
    if (fences.some(([a, b]) => m.index >= a && m.index < b)) continue;
    const at = index.position(m.index + m[1]!.length);
    items.push({ kind: 'task', tag: 'TASK', line: at.line, column: at.column, endLine: at.line, ...parseMetadata(null, m[2]!.trim()) });
  }
  return items;
}
