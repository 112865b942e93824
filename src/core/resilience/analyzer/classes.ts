import { ts } from '../../scan/compiler';
import type { ClassDef } from '../model';
import { isProjectModule } from './clients';
import type { FileFacts } from './fileFacts';

const ATTEMPTS = /^attempts\s*:\s*(\d+)\b/;

/**
 * A class worth linking: it extends a class of this project (a local class or a project import, never a
 * library's `React.Component`), or states job `attempts` in its body (outline's `BaseTask` returns
 * `{ attempts: 5 }` from `get options()`, and every task extending it is retried by the queue).
 */
export function classDef(facts: FileFacts, node: ts.ClassDeclaration): ClassDef | null {
  const ext = node.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
  let base: string | null = null;
  if (ext && ts.isIdentifier(ext)) {
    const b = facts.moduleOf(ext.text);
    if (!b || isProjectModule(b.specifier)) base = ext.text;
  }
  // Only the first `attempts` key in the class's span, found without copying the class's text.
  const src = facts.sf.text;
  let attempts: ClassDef['attempts'];
  for (let i = src.indexOf('attempts', node.pos); i >= 0 && i < node.end; i = src.indexOf('attempts', i + 8)) {
    const m = ATTEMPTS.exec(src.slice(i, Math.min(i + 40, node.end)));
    if (m && !/[\w$]/.test(src[i - 1] ?? '')) {
      attempts = { n: Number(m[1]), line: facts.pos(i).line };
      break;
    }
  }
  if (!base && !attempts) return null;
  return { name: node.name!.text, base, ...(attempts ? { attempts } : {}) };
}
