import { findNodeAtLocation, parseTree, type JSONPath } from 'jsonc-parser';
import { LineIndex } from '../scan/lineIndex';
import type { ConfigError } from './resolveConfig';

/** A 0-based range in a text, as editors use. */
export interface TextRange {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** `tags[2]` -> ['tags', 2]. */
export function parseErrorPath(errorPath: string): JSONPath {
  const parts: JSONPath = [];
  for (const m of errorPath.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) parts.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return parts;
}

/**
 * Where in the configuration text an error belongs: `line:column` for syntax errors, the offending
 * key's value (or the key itself, for unknown keys) otherwise; the first line when nothing matches.
 */
export function locateConfigError(text: string, error: ConfigError): TextRange {
  const syntax = /^(\d+):(\d+)$/.exec(error.path);
  if (syntax) {
    const line = Number(syntax[1]) - 1;
    const column = Number(syntax[2]) - 1;
    return { startLine: line, startColumn: column, endLine: line, endColumn: column + 1 };
  }
  const tree = parseTree(text);
  const node = tree && error.path ? findNodeAtLocation(tree, parseErrorPath(error.path)) : undefined;
  // For an unknown key, point at the key (the property node's first child), not its value.
  const target = node && error.message.startsWith('unknown key') ? node.parent?.children?.[0] ?? node : node;
  if (!target) return { startLine: 0, startColumn: 0, endLine: 0, endColumn: 1 };
  const lines = new LineIndex(text);
  const start = lines.position(target.offset);
  const end = lines.position(target.offset + target.length);
  return { startLine: start.line - 1, startColumn: start.column - 1, endLine: end.line - 1, endColumn: end.column - 1 };
}
