import { ts } from '../../scan/compiler';
import { enclosingClass } from './contexts';
import type { FileFacts } from './fileFacts';

const DESTRUCTURED_FETCH = /[{,]\s*fetch\s*[,}:=]/;
const destructures = new WeakMap<FileFacts, boolean>();

/**
 * Whether syntax decides what a callee taken for fetch is (`http`: keep it; `other`: not HTTP), or the
 * checker must be asked. Cheap on purpose: it runs on every fetch-like call site; the checker only
 * where a name or type declared in the file could make `fetch` something else.
 */
export function fetchDecision(facts: FileFacts, call: ts.CallExpression, callee: ts.Expression): 'http' | 'other' | 'checker' {
  if (ts.isPropertyAccessExpression(callee)) {
    if (callee.name.text !== 'fetch') return 'http'; // fetchImpl, customFetch: named for what they are
    if (callee.expression.kind === ts.SyntaxKind.ThisKeyword) {
      // `this.fetch()` in a subclass that never assigns it: the base class's method (Backbone, a repository).
      if (enclosingClass(call)?.base && !/\bthis\.fetch\s*=[^=]/.test(facts.sf.text)) return 'other';
    }
    return 'checker';
  }
  if (!ts.isIdentifier(callee) || callee.text !== 'fetch') return 'http';
  if (/\btypeof\s+fetch\b/.test(facts.parameterTypes.get('fetch') ?? '')) return 'http';
  // A parameter, a destructured local or parameter named fetch (`({ fetch }: Props)`, `const { fetch } = useApi()`).
  if (facts.parameters.has('fetch') || facts.destructured.has('fetch') || bindsFetch(facts)) return 'checker';
  return 'http';
}

function bindsFetch(facts: FileFacts): boolean {
  let v = destructures.get(facts);
  if (v === undefined) destructures.set(facts, (v = DESTRUCTURED_FETCH.test(facts.sf.text)));
  return v;
}
