import { ts } from 'ts-morph';
import type { ClassDef } from '../model';
import { isProjectModule } from './clients';
import type { FileFacts } from './fileFacts';

const ATTEMPTS = /\battempts\s*:\s*(\d+)\b/;

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
  const text = facts.text(node);
  const m = ATTEMPTS.exec(text);
  const attempts = m ? { n: Number(m[1]), line: facts.pos(node.getStart(facts.sf) + m.index).line } : undefined;
  if (!base && !attempts) return null;
  return { name: node.name!.text, base, ...(attempts ? { attempts } : {}) };
}
