import { ts } from '../../scan/compiler';
import { NO_COVER, type ContextCover, type Coverage } from '../model';
import { isProjectModule, type InstanceTable } from './clients';
import { unwrap, type FileFacts } from './fileFacts';
import { layerOfCall } from './layers';
import { isOff, prop, viewObject } from './options';

/** Retry/breaker libraries recognised by their module. */
function wrapperLibrary(facts: FileFacts, callee: ts.Expression): string | null {
  const e = unwrap(callee);
  if (!ts.isIdentifier(e)) return null;
  const b = facts.moduleOf(e.text);
  if (!b) return null;
  const m = b.specifier;
  if (m === 'p-retry' && (b.imported === 'default' || b.imported === '*')) return 'p-retry';
  if (m === 'async-retry' && (b.imported === 'default' || b.imported === '*')) return 'async-retry';
  if (m === 'opossum' && (b.imported === 'default' || b.imported === '*')) return 'opossum';
  if (m === 'cockatiel') return `cockatiel.${b.imported}`;
  const layer = RETRY_LAYERS.find((l) => l.modules.includes(m) && l.names.includes(b.imported));
  return layer ? `layer:${layer.label}` : null;
}

/**
 * Retry done one layer up: data-fetching hooks and job queues that re-run the function they are given
 * (inline, by name, or as `queryFn`/`fetcher`/`run` in their options), unless `retry: false/0` is set.
 */
const RETRY_LAYERS: { modules: string[]; names: string[]; label: string; newOnly?: boolean }[] = [
  { modules: ['swr', 'swr/infinite'], names: ['default', 'useSWR', 'useSWRInfinite'], label: 'SWR (retries on error by default)' },
  { modules: ['@tanstack/react-query', '@tanstack/vue-query', '@tanstack/solid-query', '@tanstack/svelte-query', 'react-query'], names: ['useQuery', 'useInfiniteQuery', 'useSuspenseQuery', 'useQueries', 'queryOptions'], label: 'TanStack Query (3 retries by default in the browser)' },
  { modules: ['bullmq'], names: ['Worker'], label: 'a BullMQ worker (jobs retried per their `attempts`)', newOnly: true },
  { modules: ['liteque'], names: ['Runner'], label: 'a liteque runner (jobs retried per `numRetries`)', newOnly: true },
  { modules: ['@temporalio/workflow'], names: ['proxyActivities'], label: "Temporal activities (retried by the activity's retry policy)" },
  // retry(fetchBaseQuery(...)) or retry(async (args) => ...): RTK Query retries the base query (5 by default).
  { modules: ['@reduxjs/toolkit/query', '@reduxjs/toolkit/query/react'], names: ['retry'], label: 'RTK Query `retry` (5 retries by default)' },
];

const cover = (c: Partial<Coverage>): Coverage => ({ ...NO_COVER, ...c });

/**
 * What a policy expression supplies: cockatiel v3 `retry(...)`, `circuitBreaker(...)`, `timeout(...)`,
 * `wrap(...)`, or v1/v2 chains like `Policy.handleAll().retry().attempts(3)`. Names of wrapped local
 * policies are returned in `parts` for the link phase.
 */
export function policyOf(facts: FileFacts, expr: ts.Expression): { own: Coverage; parts: string[] } | null {
  const e = unwrap(expr);
  if (!ts.isCallExpression(e)) return null;
  const lib = wrapperLibrary(facts, e.expression);
  const parts: string[] = [];
  const own: Coverage = { ...NO_COVER };
  const absorb = (arg: ts.Expression): void => {
    const a = unwrap(arg);
    if (ts.isIdentifier(a)) parts.push(a.text);
    const inner = policyOf(facts, a);
    if (inner) {
      parts.push(...inner.parts);
      for (const k of ['timeout', 'retry', 'breaker'] as const) if (inner.own[k].state === 'yes') own[k] = inner.own[k];
    }
  };
  if (lib === 'cockatiel.retry') own.retry = { state: 'yes', by: 'cockatiel retry policy' };
  else if (lib === 'cockatiel.circuitBreaker') own.breaker = { state: 'yes', by: 'cockatiel circuitBreaker policy' };
  else if (lib === 'cockatiel.timeout') own.timeout = { state: 'yes', by: 'cockatiel timeout policy' };
  else if (lib === 'cockatiel.wrap') e.arguments.forEach(absorb);
  else {
    // v1/v2 fluent API: Policy.handleAll().retry().attempts(3), Policy.timeout(...), Policy.wrap(a, b).
    const text = facts.text(e);
    const root = text.split(/[.(]/)[0]!;
    const b = facts.moduleOf(root);
    if (b?.specifier !== 'cockatiel') return null;
    if (/\.retry\s*\(/.test(text)) own.retry = { state: 'yes', by: 'cockatiel retry policy' };
    if (/\.circuitBreaker\s*\(/.test(text)) own.breaker = { state: 'yes', by: 'cockatiel circuitBreaker policy' };
    if (/(^|\.)timeout\s*\(/.test(text.replace(/^Policy\./, '.'))) own.timeout = { state: 'yes', by: 'cockatiel timeout policy' };
    if (/\.wrap\s*\(/.test(text)) e.arguments.forEach(absorb);
  }
  return { own, parts };
}

/** opossum's `new CircuitBreaker(fn, opts)`: a breaker, and a timeout unless `timeout: false`. */
export function breakerCover(facts: FileFacts, options: ts.Expression | undefined): Coverage {
  const view = viewObject(facts, options);
  let timeout: Coverage['timeout'] = { state: 'yes', by: "opossum's default 10 s timeout" };
  if (view.kind === 'object') {
    const t = prop(view.node, 'timeout');
    if (t && 'value' in t) timeout = isOff(t.value) ? { state: 'no', why: 'opossum `timeout: false` disables the breaker\'s timeout' } : { state: 'yes', by: `opossum \`timeout: ${facts.text(t.value)}\`` };
  }
  return cover({ breaker: { state: 'yes', by: 'opossum circuit breaker' }, timeout });
}

/**
 * The coverage a wrapper call supplies to a function passed to it (inline or by name):
 * `pRetry(fn)`, `retry(fn)` from async-retry, `policy.execute(fn)`, `new CircuitBreaker(fn)`.
 */
export function wrapperOf(facts: FileFacts, call: ts.CallExpression | ts.NewExpression): ContextCover | null {
  const layered = layerOfCall(facts, call);
  if (layered) return layered;
  if (ts.isNewExpression(call)) {
    const lib = wrapperLibrary(facts, call.expression);
    if (lib?.startsWith('layer:')) return layerCover(facts, call, lib.slice(6));
    return lib === 'opossum' ? { kind: 'direct', cover: breakerCover(facts, call.arguments?.[1]) } : null;
  }
  const lib = wrapperLibrary(facts, call.expression);
  if (lib === 'p-retry' || lib === 'async-retry') {
    // pRetry(fn, { retries: 0 }): one attempt, no retry.
    const v = viewObject(facts, call.arguments[1]);
    const retries = v.kind === 'object' ? prop(v.node, 'retries') : null;
    if (retries && 'value' in retries && ts.isNumericLiteral(unwrap(retries.value)) && Number((unwrap(retries.value) as ts.NumericLiteral).text) === 0) return null;
    return { kind: 'direct', cover: cover({ retry: { state: 'yes', by: lib } }) };
  }
  if (lib?.startsWith('layer:')) return layerCover(facts, call, lib.slice(6));
  const callee = unwrap(call.expression);
  if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'execute') {
    const target = unwrap(callee.expression);
    if (ts.isIdentifier(target)) {
      const b = facts.moduleOf(target.text);
      return { kind: 'policy', name: target.text, specifier: b && isProjectModule(b.specifier) ? b.specifier : null };
    }
    const inline = policyOf(facts, target);
    if (inline) return { kind: 'direct', cover: inline.own };
  }
  return null;
}

/** A retry layer's cover, unless its options switch retries off (`retry: false`, `errorRetryCount: 0`). */
function layerCover(facts: FileFacts, call: ts.CallExpression | ts.NewExpression, label: string): ContextCover {
  const off = (call.arguments ?? []).some((a) => {
    const v = viewObject(facts, a);
    if (v.kind !== 'object') return false;
    return ['retry', 'errorRetryCount', 'shouldRetryOnError', 'attempts', 'numRetries', 'maxRetries'].some((k) => {
      const p = prop(v.node, k);
      return !!p && 'value' in p && isOff(p.value);
    });
  });
  return { kind: 'direct', cover: off ? NO_COVER : cover({ retry: { state: 'yes', by: label } }) };
}

/** `fetchRetry(fetch)` from fetch-retry: the fetch it returns retries. */
export function isFetchRetry(facts: FileFacts, expr: ts.Expression): boolean {
  const e = unwrap(expr);
  if (!ts.isCallExpression(e) || !ts.isIdentifier(unwrap(e.expression))) return false;
  const b = facts.moduleOf((unwrap(e.expression) as ts.Identifier).text);
  return b?.specifier === 'fetch-retry' || b?.specifier === '@vercel/fetch-retry';
}

const SLEEP = /\b(sleep|delay|wait|backoff|setTimeout)\b/i;

/** A bounded hand-written retry loop around `node`: a loop with a condition, a try/catch, and an awaited pause. */
function retryLoop(facts: FileFacts, loop: ts.IterationStatement, tryStatement: ts.TryStatement | null): Coverage | null {
  if (!tryStatement) return null;
  const bounded = ts.isForStatement(loop) ? !!loop.condition : ts.isWhileStatement(loop) || ts.isDoStatement(loop) ? loop.expression.kind !== ts.SyntaxKind.TrueKeyword : false;
  if (!bounded) return null;
  const body = facts.text(loop.statement);
  if (!/\bawait\b/.test(body) || !SLEEP.test(body)) return null;
  // A loop that retries only when the server said 429/503 (it did not process the request) is safe for POST.
  const onlyThrottled = /\b(429|503)\b|retry-after/i.test(body);
  return cover({ retry: { state: 'yes', by: `hand-written retry loop${onlyThrottled ? ' on 429/503 (the request was not processed)' : ''} at line ${facts.pos(loop.getStart(facts.sf)).line}` } });
}

const TIMER = /\b(setTimeout|AbortSignal\.timeout|sleep|delay|timeout)\b/i;

/**
 * `Promise.race([call, timer])`, directly or through the variable holding the call's promise
 * (linkwarden's `Promise.race([responsePromise, timeoutPromise])`): the caller waits a bounded time.
 */
function raceCover(facts: FileFacts, call: ts.CallExpression): Coverage | null {
  if (facts.races.length === 0) return null;
  let node: ts.Node = call;
  while (node.parent && (ts.isParenthesizedExpression(node.parent) || ts.isConditionalExpression(node.parent) || ts.isAwaitExpression(node.parent) || (ts.isPropertyAccessExpression(node.parent) && ts.isCallExpression(node.parent.parent)))) node = ts.isPropertyAccessExpression(node.parent) ? node.parent.parent : node.parent;
  const holder = ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name) ? node.parent.name.text : null;
  for (const race of facts.races) {
    const list = race.arguments[0] && unwrap(race.arguments[0]);
    if (!list || !ts.isArrayLiteralExpression(list)) continue;
    const mine = list.elements.findIndex((el) => el === node || (holder !== null && ts.isIdentifier(unwrap(el)) && (unwrap(el) as ts.Identifier).text === holder));
    if (mine < 0) continue;
    const timer = list.elements.some((el, i) => {
      if (i === mine) return false;
      const u = unwrap(el);
      const init = ts.isIdentifier(u) ? facts.initializerAt(u) : undefined;
      return TIMER.test(facts.text(init ?? u));
    });
    if (timer) return cover({ timeout: { state: 'yes', by: `Promise.race with a timer at line ${facts.pos(race.getStart(facts.sf)).line}` } });
  }
  return null;
}

export interface CallContext {
  context: ContextCover[];
  enclosingFunction: string | null;
  enclosingExported: boolean;
  swallowedAt: ts.CatchClause | ts.CallExpression | null;
  /** Inside a try (in the same function) whose catch never rethrows. */
  caught?: boolean;
}

/** The class a node sits in, and the name of the class it extends (a local or imported name). */
export function enclosingClass(node: ts.Node): { name: string | null; base: string | null } | null {
  for (let p = node.parent; p && !ts.isSourceFile(p); p = p.parent) {
    if (ts.isClassDeclaration(p) || ts.isClassExpression(p)) {
      const ext = p.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
      return { name: p.name?.text ?? null, base: ext && ts.isIdentifier(ext) ? ext.text : null };
    }
  }
  return null;
}

function functionName(fn: ts.Node): string | null {
  if ((ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn)) && fn.name) return fn.name.text;
  // Class methods are wrappers named `Class.method` (uses: `this.method()`, `this.injected.method()`).
  if (ts.isMethodDeclaration(fn) && ts.isIdentifier(fn.name)) {
    const cls = fn.parent && (ts.isClassDeclaration(fn.parent) || ts.isClassExpression(fn.parent)) ? fn.parent.name?.text : undefined;
    if (cls) return `${cls}.${fn.name.text}`;
  }
  if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name)) return fn.parent.name.text;
  return null;
}

function isExported(fn: ts.Node): boolean {
  const holder = ts.isVariableDeclaration(fn.parent) ? fn.parent.parent.parent : ts.isMethodDeclaration(fn) ? fn.parent : fn;
  return !!holder && ts.canHaveModifiers(holder) && !!ts.getModifiers(holder)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/** A catch that neither rethrows nor handles: empty, or only logging. */
export function swallows(facts: FileFacts, block: ts.Block | ts.Expression): boolean {
  if (!ts.isBlock(block)) {
    // `.catch(() => undefined)`, `.catch(console.error)`, `.catch(e => log(e))`
    const e = unwrap(block);
    if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) return ts.isBlock(e.body) ? swallows(facts, e.body) : isLogCall(facts, e.body) || isNothing(e.body);
    return /^(console|logger|log)\.\w+$/.test(facts.text(e));
  }
  return block.statements.every((s) => ts.isExpressionStatement(s) && isLogCall(facts, s.expression));
}

function isNothing(e: ts.Expression): boolean {
  const u = unwrap(e);
  return (ts.isIdentifier(u) && u.text === 'undefined') || u.kind === ts.SyntaxKind.NullKeyword || ts.isVoidExpression(u);
}

function isLogCall(facts: FileFacts, e: ts.Expression): boolean {
  const u = unwrap(e);
  return ts.isCallExpression(u) && /^(console|logger|log|this\.logger|this\.log)\.(log|warn|error|info|debug|trace)$|^(log|warn|debug)$/.test(facts.text(u.expression));
}

const MAX_CONTEXT_LEVELS = 400;

/** Walks up from a call: wrappers, retry loops, decorators, the enclosing named function, a swallowing catch. */
export function contextOf(facts: FileFacts, _instances: InstanceTable, call: ts.CallExpression): CallContext {
  const context: ContextCover[] = [];
  let enclosingFunction: string | null = null;
  let enclosingExported = false;
  let swallowedAt: CallContext['swallowedAt'] = null;
  let innermostTry: ts.TryStatement | null = null;
  let caught = false;
  let sameFunction = true;
  // `fetch(...).catch(() => {})`
  const chained = call.parent;
  if (ts.isPropertyAccessExpression(chained) && chained.name.text === 'catch' && ts.isCallExpression(chained.parent) && chained.parent.arguments[0] && swallows(facts, chained.parent.arguments[0])) {
    swallowedAt = chained.parent;
  }
  const race = raceCover(facts, call);
  if (race) context.push({ kind: 'direct', cover: race });
  let child: ts.Node = call;
  // Depth-bounded: in generated code thousands of levels deep, what lies further out is not this call's context.
  let levels = 0;
  for (let node = call.parent; node && !ts.isSourceFile(node) && levels++ < MAX_CONTEXT_LEVELS; child = node, node = node.parent) {
    if (ts.isTryStatement(node) && node.tryBlock === child) {
      innermostTry ??= node;
      if (sameFunction && !swallowedAt && node.catchClause && swallows(facts, node.catchClause.block)) swallowedAt = node.catchClause;
      // A catch that never rethrows (a fallback, a log and `return null`): callers' retries never see the failure.
      if (sameFunction && node.catchClause && !/\bthrow\b/.test(facts.text(node.catchClause.block))) caught = true;
    }
    if (sameFunction && (ts.isForStatement(node) || ts.isWhileStatement(node) || ts.isDoStatement(node) || ts.isForOfStatement(node) || ts.isForInStatement(node))) {
      const loop = retryLoop(facts, node, innermostTry);
      if (loop) context.push({ kind: 'direct', cover: loop });
    }
    if (ts.isFunctionLike(node)) {
      sameFunction = false;
      const name = functionName(node);
      if (name && !enclosingFunction) {
        enclosingFunction = name;
        enclosingExported = isExported(node);
      }
      const parent = node.parent;
      if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.some((a) => unwrap(a) === node)) {
        const w = wrapperOf(facts, parent);
        if (w) context.push(w);
      }
      // useQuery({ queryFn: () => fetch(...) }), new Runner(queue, { run: async (job) => ... })
      const holder = ts.isPropertyAssignment(parent) && ts.isObjectLiteralExpression(parent.parent) ? parent.parent.parent : null;
      if (holder && (ts.isCallExpression(holder) || ts.isNewExpression(holder)) && holder.arguments?.some((a) => unwrap(a) === parent.parent)) {
        const w = wrapperLibrary(facts, holder.expression)?.startsWith('layer:') ? wrapperOf(facts, holder) : layerOfCall(facts, holder);
        if (w) context.push(w);
      }
      if (ts.isMethodDeclaration(node)) {
        for (const d of ts.getDecorators(node) ?? []) {
          const e = unwrap(d.expression);
          if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'usePolicy' && e.arguments[0] && ts.isIdentifier(unwrap(e.arguments[0]))) {
            const name2 = (unwrap(e.arguments[0]) as ts.Identifier).text;
            const b = facts.moduleOf(name2);
            context.push({ kind: 'policy', name: name2, specifier: b && isProjectModule(b.specifier) ? b.specifier : null });
          }
        }
      }
    }
  }
  return { context, enclosingFunction, enclosingExported, swallowedAt, ...(caught ? { caught } : {}) };
}
