import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { LedgerItem } from '../core/model';
import { computeResilienceFixes } from '../core/scan/scanner';
import type { Suggestion } from './formatters/formatter';
import { utf8Column } from './formatters/rdjsonFormatter';

/**
 * Lines of scanned files, read once per file on demand, for byte columns and fixes. Only regular files
 * under the size limit; anything else (gone, a FIFO, huge) reads as null.
 */
export function sourceReader(root: string, maxFileSize: number): { text: (file: string) => string | null; line: (file: string, line: number) => string | null } {
  const texts = new Map<string, string | null>();
  const lines = new Map<string, string[]>();
  const text = (file: string): string | null => {
    if (!texts.has(file)) {
      const abs = path.join(root, file);
      let value: string | null = null;
      try {
        const st = statSync(abs);
        if (st.isFile() && st.size <= maxFileSize) value = readFileSync(abs, 'utf8');
      } catch {
        value = null;
      }
      texts.set(file, value);
    }
    return texts.get(file) ?? null;
  };
  const line = (file: string, n: number): string | null => {
    const t = text(file);
    if (t === null) return null;
    if (!lines.has(file)) lines.set(file, t.split(/\r\n|\r|\n/));
    return lines.get(file)![n - 1] ?? null;
  };
  return { text, line };
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return -1;
    offset = next + 1;
  }
  return offset + column - 1;
}

function positionOf(text: string, offset: number): { line: number; utf16: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, utf16: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/**
 * The quick fixes that make a resilience finding go away (the preferred ones, not the ignore comment),
 * as reviewdog suggestions in byte columns. Loads the compiler only when a resilience item is present.
 */
export function suggestionsFor(items: readonly LedgerItem[], reader: ReturnType<typeof sourceReader>, timeoutMs: number): Map<string, Suggestion[]> {
  const out = new Map<string, Suggestion[]>();
  for (const item of items) {
    if (item.kind !== 'resilience' || !item.rule) continue;
    const text = reader.text(item.file);
    if (text === null) continue;
    const offset = offsetOf(text, item.line, item.column);
    if (offset < 0) continue;
    const suggestions: Suggestion[] = [];
    for (const fix of computeResilienceFixes(item.file, text, offset, item.rule, item.client ?? '', timeoutMs)) {
      if (!fix.preferred) continue;
      for (const e of fix.edits) {
        const s = positionOf(text, e.start);
        const t = positionOf(text, e.end);
        suggestions.push({ range: { start: { line: s.line, column: utf8Column(reader.line(item.file, s.line), s.utf16) }, end: { line: t.line, column: utf8Column(reader.line(item.file, t.line), t.utf16) } }, text: e.newText });
      }
    }
    if (suggestions.length > 0) out.set(item.id, suggestions);
  }
  return out;
}
