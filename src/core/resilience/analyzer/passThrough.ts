import { ts } from '../../scan/compiler';
import type { Cover } from '../model';
import { unwrap, type FileFacts } from './fileFacts';
import { isOff, prop, signalCover, viewObject } from './options';

function enclosingFunction(node: ts.Node): ts.SignatureDeclaration | null {
  for (let p = node.parent; p && !ts.isSourceFile(p); p = p.parent) if (ts.isFunctionLike(p)) return p;
  return null;
}

function bindsName(name: ts.BindingName, text: string): boolean {
  if (ts.isIdentifier(name)) return name.text === text;
  return name.elements.some((el) => !ts.isOmittedExpression(el) && bindsName(el.name, text));
}

/**
 * Which parameter of the enclosing function the call's options come from, if any: the options argument
 * itself, a spread in it, or its `signal`, followed through local initialisers and destructuring
 * (`const { timeout, ...rest } = init || {}; fetch(url, { ...rest, signal })`).
 */
export function passThroughOf(facts: FileFacts, call: ts.CallExpression, options: ts.Expression | undefined): { param: number; readsTimeout: boolean } | undefined {
  const fn = enclosingFunction(call);
  if (!fn || !options || fn.parameters.length === 0) return undefined;
  const roots: ts.Expression[] = [];
  const o = unwrap(options);
  if (ts.isObjectLiteralExpression(o)) {
    for (const p of o.properties) if (ts.isSpreadAssignment(p)) roots.push(p.expression);
    const signal = prop(o, 'signal');
    if (signal && 'value' in signal) roots.push(signal.value);
  } else roots.push(o);
  const seen = new Set<string>();
  const find = (e: ts.Node, depth: number): number => {
    if (ts.isIdentifier(e)) {
      if (seen.has(e.text) || depth > 4) return -1;
      seen.add(e.text);
      const index = fn.parameters.findIndex((p) => bindsName(p.name, e.text));
      if (index >= 0) return index;
      const init = facts.initializerAt(e) ?? facts.destructured.get(e.text);
      return init ? find(init, depth + 1) : -1;
    }
    // Property names (`rest.signal`'s `signal`) are not references; their receivers are.
    if (ts.isPropertyAccessExpression(e)) return find(e.expression, depth);
    let found = -1;
    e.forEachChild((c) => {
      if (found < 0 && !ts.isFunctionLike(c)) found = find(c, depth);
    });
    return found;
  };
  for (const r of roots) {
    const param = find(r, 0);
    if (param >= 0) return { param, readsTimeout: /\btimeout\b/i.test(facts.text(fn)) };
  }
  return undefined;
}

/** Whether each argument of a call carries a timeout: a `timeout` key (not 0/false) or a timeout signal. */
export function argTimeouts(facts: FileFacts, args: readonly ts.Expression[]): Cover['state'][] {
  return args.slice(0, 4).map((a) => {
    if (ts.isSpreadElement(a)) return 'unknown';
    const view = viewObject(facts, a);
    if (view.kind !== 'object') return view.kind === 'unknown' && !ts.isStringLiteralLike(unwrap(a)) && !ts.isTemplateExpression(unwrap(a)) ? 'unknown' : 'absent';
    const t = prop(view.node, 'timeout');
    if (t && 'value' in t) return isOff(t.value) ? 'no' : 'yes';
    const s = prop(view.node, 'signal');
    if (s && 'value' in s) return signalCover(facts, s.value).state;
    return t || s || view.node.properties.some(ts.isSpreadAssignment) ? 'unknown' : 'absent';
  });
}
