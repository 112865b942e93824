import { ts } from '../../scan/compiler';
import { tableClient } from '../clientTable';
import type { Cover, Library } from '../model';
import { unwrap, type FileFacts } from './fileFacts';

/** An options object as far as syntax can read it. `unknown`: built elsewhere or spread. */
export type ObjectView = { kind: 'object'; node: ts.ObjectLiteralExpression } | { kind: 'none' } | { kind: 'unknown' };

export function viewObject(facts: FileFacts, expr: ts.Expression | undefined, depth = 0): ObjectView {
  if (!expr) return { kind: 'none' };
  const e = unwrap(expr);
  if (ts.isObjectLiteralExpression(e)) return { kind: 'object', node: e };
  if (ts.isIdentifier(e) && e.text === 'undefined') return { kind: 'none' };
  // A URL string, a callback, a number: not an options object at all.
  if (ts.isStringLiteralLike(e) || ts.isTemplateExpression(e) || ts.isNumericLiteral(e) || ts.isFunctionLike(e)) return { kind: 'none' };
  if (ts.isIdentifier(e) && depth < 3) {
    const init = facts.initializerAt(e);
    if (init) return viewObject(facts, init, depth + 1);
  }
  return { kind: 'unknown' };
}

/** A property of an object literal: its value (shorthand: the identifier), or whether a spread may supply it. */
export function prop(obj: ts.ObjectLiteralExpression, name: string): { value: ts.Expression } | { spread: true } | null {
  let spread = false;
  for (let i = obj.properties.length - 1; i >= 0; i--) {
    const p = obj.properties[i]!;
    if (ts.isSpreadAssignment(p)) {
      spread = true;
      continue;
    }
    const key = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : null;
    if (key !== name) continue;
    if (ts.isPropertyAssignment(p)) return { value: p.initializer };
    if (ts.isShorthandPropertyAssignment(p)) return { value: p.name };
  }
  return spread ? { spread: true } : null;
}

/** `0`, `Infinity`, `false`, `Number.POSITIVE_INFINITY`: a timeout that never fires. */
export function isOff(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  if (ts.isNumericLiteral(e)) return Number(e.text) === 0;
  if (e.kind === ts.SyntaxKind.FalseKeyword) return true;
  if (ts.isIdentifier(e)) return e.text === 'Infinity';
  return ts.isPropertyAccessExpression(e) && e.getText() === 'Number.POSITIVE_INFINITY';
}

function offWhy(facts: FileFacts, expr: ts.Expression, name: string): string {
  return `\`${name}: ${facts.text(expr)}\` means no timeout`;
}

/**
 * Whether an abort signal carries a timeout: `AbortSignal.timeout(ms)`, `AbortSignal.any([...])` holding
 * one, a variable made from those, or an AbortController that a `setTimeout` aborts. A signal handed in
 * from outside (a parameter, `opts.signal`) is the caller's business: `unknown`, never reported.
 */
export function signalCover(facts: FileFacts, expr: ts.Expression, depth = 0): Cover {
  const e = unwrap(expr);
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && facts.text(e.expression.expression) === 'AbortSignal') {
    const fn = e.expression.name.text;
    if (fn === 'timeout') return { state: 'yes', by: 'AbortSignal.timeout' };
    if (fn === 'any') {
      const list = e.arguments[0] && unwrap(e.arguments[0]);
      if (!list || !ts.isArrayLiteralExpression(list)) return { state: 'unknown' };
      const parts = list.elements.map((el) => signalCover(facts, el, depth + 1));
      if (parts.some((p) => p.state === 'yes')) return { state: 'yes', by: 'AbortSignal.any with a timeout signal' };
      if (parts.some((p) => p.state === 'unknown')) return { state: 'unknown' };
      return { state: 'no', why: 'AbortSignal.any([...]) holds no timeout signal' };
    }
  }
  if (ts.isIdentifier(e) && depth < 3) {
    const init = facts.initializerAt(e);
    return init ? signalCover(facts, init, depth + 1) : { state: 'unknown' };
  }
  if (ts.isPropertyAccessExpression(e) && e.name.text === 'signal' && ts.isIdentifier(e.expression)) {
    const controller = e.expression.text;
    const init = facts.initializers.get(controller);
    if (init && ts.isNewExpression(unwrap(init)) && facts.text((unwrap(init) as ts.NewExpression).expression) === 'AbortController') {
      const aborts = new RegExp(`\\b${controller}\\.abort\\s*\\(`);
      return facts.timerTexts.some((t) => aborts.test(t))
        ? { state: 'yes', by: `AbortController \`${controller}\` aborted by setTimeout` }
        : { state: 'no', why: `AbortController \`${controller}\` is never aborted by a timer` };
    }
  }
  return { state: 'unknown' };
}

/** Timeout as an options object sets it, per library. `absent` leaves the decision to instance and defaults. */
export function timeoutOf(facts: FileFacts, library: Library, view: ObjectView): Cover {
  if (view.kind === 'unknown') return { state: 'unknown' };
  if (view.kind === 'none') return { state: 'absent' };
  const obj = view.node;
  const signal = prop(obj, 'signal');
  if (signal && 'value' in signal) {
    const s = signalCover(facts, signal.value);
    if (s.state !== 'no') return s;
  }
  switch (library) {
    case 'fetch': {
      const t = prop(obj, 'timeout');
      if (t && 'value' in t) return { state: 'no', why: 'fetch has no `timeout` option (the spec ignores it; only Bun reads it): pass `signal: AbortSignal.timeout(ms)`' };
      break;
    }
    case 'axios':
    case 'got':
    case 'ky': {
      const t = prop(obj, 'timeout');
      if (t && 'value' in t) {
        if (isOff(t.value)) return { state: 'no', why: library === 'ky' ? '`timeout: false` disables ky\'s 10 s default' : offWhy(facts, t.value, 'timeout') };
        const v = unwrap(t.value);
        if (library === 'got' && ts.isObjectLiteralExpression(v) && v.properties.length === 0) return { state: 'no', why: 'got `timeout: {}` sets no phase' };
        return { state: 'yes', by: `\`timeout: ${facts.text(t.value)}\`` };
      }
      if (t) return { state: 'unknown' };
      break;
    }
    case 'undici': {
      const found = ['headersTimeout', 'bodyTimeout', 'connectTimeout'].map((k) => [k, prop(obj, k)] as const).filter(([, p]) => p && 'value' in p);
      const off = found.find(([, p]) => p && 'value' in p && isOff(p.value));
      if (off) return { state: 'no', why: `\`${off[0]}: 0\` disables that timeout` };
      if (found.length > 0) return { state: 'yes', by: found.map(([k]) => k).join(' and ') };
      break;
    }
    case 'http':
      break;
    default: {
      const table = tableClient(library);
      if (!table) break;
      for (const key of table.timeoutKeys) {
        const t = prop(obj, key);
        if (t && 'value' in t) return isOff(t.value) ? { state: 'no', why: offWhy(facts, t.value, key) } : { state: 'yes', by: `\`${key}: ${facts.text(t.value)}\`` };
        if (t) return { state: 'unknown' };
      }
      for (const [key, why] of Object.entries(table.timeoutTraps ?? {})) {
        const t = prop(obj, key);
        if (t && 'value' in t && !(signal && 'value' in signal)) return { state: 'no', why };
      }
      // graphql-request / make-fetch-happen with a custom fetch: bounded if that fetch is.
      if (prop(obj, 'fetch')) return { state: 'unknown' };
    }
  }
  if (signal && 'value' in signal) return signalCover(facts, signal.value);
  if (signal || obj.properties.some(ts.isSpreadAssignment)) return { state: 'unknown' };
  return { state: 'absent' };
}

/** got/ky `retry` option: `0`/`{ limit: 0 }` switches retries off; anything else keeps them on. */
export function retryOf(facts: FileFacts, library: Library, view: ObjectView): Cover {
  // Only got, ky and table clients with retry keys read retries from request options.
  const tableKeys = tableClient(library)?.retryKeys;
  if (library !== 'got' && library !== 'ky' && !tableKeys) return { state: 'absent' };
  if (view.kind !== 'object') return view.kind === 'unknown' ? { state: 'unknown' } : { state: 'absent' };
  const r = (tableKeys ?? ['retry']).map((k) => prop(view.node, k)).find((p) => p);
  if (!r) return { state: 'absent' };
  if (!('value' in r)) return { state: 'unknown' };
  const v = unwrap(r.value);
  if (isOff(v)) return { state: 'no', why: `\`retry: ${facts.text(r.value)}\` switches ${library}'s retries off` };
  if (ts.isObjectLiteralExpression(v)) {
    const limit = prop(v, 'limit') ?? prop(v, 'retries');
    if (limit && 'value' in limit && isOff(limit.value)) return { state: 'no', why: `\`retry.limit: 0\` switches ${library}'s retries off` };
  }
  return { state: 'yes', by: `${library} \`retry\` option` };
}

/** Upper-case `method` from an options object, when it is a string literal. */
export function methodOf(view: ObjectView): string | null {
  if (view.kind !== 'object') return null;
  const m = prop(view.node, 'method');
  if (!m || !('value' in m)) return null;
  const v = unwrap(m.value);
  return ts.isStringLiteralLike(v) ? v.text.toUpperCase() : null;
}

/** An explicit choice to retry a non-idempotent request: an Idempotency-Key header or a retry `methods` list. */
export function retryOptInOf(facts: FileFacts, view: ObjectView, method: string | null): boolean {
  if (view.kind !== 'object') return false;
  const text = facts.text(view.node);
  if (/idempotency-key/i.test(text)) return true;
  const r = prop(view.node, 'retry');
  if (r && 'value' in r && method) {
    const v = unwrap(r.value);
    if (ts.isObjectLiteralExpression(v)) {
      const methods = prop(v, 'methods');
      if (methods && 'value' in methods) return new RegExp(`['"\`]${method}['"\`]`, 'i').test(facts.text(methods.value));
    }
  }
  return false;
}
