import { parseTree, type Node, type ParseError } from 'jsonc-parser';

/** The deepest configuration value accepted (the real format needs 5 levels). */
export const MAX_CONFIG_DEPTH = 32;

export type JsoncResult = { ok: true; value: unknown } | { ok: false; offset: number; message: string; parseErrors?: ParseError[] };

/**
 * Parses JSON with comments and trailing commas into plain values. Unlike `jsonc-parser`'s `parse`, a key
 * named `__proto__` becomes an own property (reported as unknown by validation) instead of replacing the
 * object's prototype, values nest at most MAX_CONFIG_DEPTH levels, and nesting too deep for the parser is
 * an error rather than a stack overflow.
 */
export function parseJsonc(text: string): JsoncResult {
  const parseErrors: ParseError[] = [];
  let tree: Node | undefined;
  try {
    tree = parseTree(text.replace(/^\uFEFF/, ' '), parseErrors, { allowTrailingComma: true, disallowComments: false });
  } catch (err) {
    if (err instanceof RangeError) return { ok: false, offset: 0, message: `nested more than ${MAX_CONFIG_DEPTH} levels deep` };
    throw err;
  }
  if (parseErrors.length > 0) return { ok: false, offset: parseErrors[0]!.offset, message: '', parseErrors };
  if (!tree) return { ok: true, value: undefined };
  const deep = { at: -1 };
  const value = toValue(tree, 0, deep);
  if (deep.at >= 0) return { ok: false, offset: deep.at, message: `nested more than ${MAX_CONFIG_DEPTH} levels deep` };
  return { ok: true, value };
}

function toValue(node: Node, depth: number, deep: { at: number }): unknown {
  if (depth > MAX_CONFIG_DEPTH) {
    if (deep.at < 0) deep.at = node.offset;
    return null;
  }
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const prop of node.children ?? []) {
        const [keyNode, valueNode] = prop.children ?? [];
        if (!keyNode || typeof keyNode.value !== 'string') continue;
        Object.defineProperty(out, keyNode.value, { value: valueNode ? toValue(valueNode, depth + 1, deep) : null, enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map((c) => toValue(c, depth + 1, deep));
    default:
      return node.value;
  }
}
