import { ts } from '../../scan/compiler';
import type { CommentRange } from '../../scan/commentRange';
import { NO_COVER, REQUEST_METHODS, type CallSite, type ClientRef, type Cover, type DefaultDef, type FunctionUse, type InstanceDef, type Library, type PolicyDef, type ResilienceSummary } from '../model';
import { environmentHint } from '../environment';
import { tableClient, tableClientOfModule, tableMethodOf, tableOptionsIndex } from '../clientTable';
import { chainCover } from './chains';
import { argTimeouts, passThroughOf } from './passThrough';
import { injectedFetchLabel, instanceCreation, isProjectModule, meaningOf, type InstanceTable } from './clients';
import { classDef } from './classes';
import { fetchDecision } from './fetchSyntax';
import { FetchChecker } from './fetchChecker';
import { contextOf, enclosingClass, isFetchRetry, policyOf, wrapperOf } from './contexts';
import { FileFacts, unwrap } from './fileFacts';
import { methodOf, prop, retryOf, retryOptInOf, signalCover, timeoutOf, viewObject, type ObjectView } from './options';

const IGNORE = /debt-ledger-ignore\s+((?:resilience\/[\w-]+|\*)(?:\s*,\s*(?:resilience\/[\w-]+))*)/;
const BODY_METHODS = new Set(['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm']);
const ANY_REQUEST_METHOD = new Set(Object.values(REQUEST_METHODS).flatMap((m) => [...m]));

/** Which argument holds the options for a request method. */
function optionsIndex(library: Library, member: string, args: readonly ts.Expression[], viaInstanceDispatcher: boolean): number {
  switch (library) {
    case 'fetch': return 1;
    case 'axios':
      // axios(config) or axios(url, config): a first argument that is not a URL literal is the config.
      if (member === '') return args.length === 1 && !isUrlLiteral(args[0]!) ? 0 : 1;
      if (member === 'request') return 0;
      return BODY_METHODS.has(member) ? 2 : 1;
    case 'got':
    case 'ky': return member === '' && args[0] && ts.isObjectLiteralExpression(unwrap(args[0])) ? 0 : 1;
    case 'undici': return viaInstanceDispatcher ? 0 : 1;
    case 'http': {
      // http.get(url, cb) / http.get(url): a URL first and no options object: nothing to read (index past the end).
      const first = args[0] && unwrap(args[0]);
      if (first && !ts.isObjectLiteralExpression(first) && args[1] && !ts.isFunctionLike(unwrap(args[1]))) return 1;
      return first && isUrlLiteral(first) ? args.length + 1 : 0;
    }
    default: {
      const table = tableClient(library);
      return table ? tableOptionsIndex(table, member, !!args[0] && ts.isObjectLiteralExpression(unwrap(args[0]))) : 1;
    }
  }
}

/** A first argument that is a URL: a string, template, `new URL(...)`, or a name that says so. */
function isThisMember(e: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(e) && e.expression.kind === ts.SyntaxKind.ThisKeyword;
}

function isUrlLiteral(e: ts.Expression): boolean {
  const u = unwrap(e);
  const named = ts.isIdentifier(u) ? u.text : ts.isPropertyAccessExpression(u) ? u.name.text : ts.isCallExpression(u) ? u.expression.getText() : null;
  return ts.isStringLiteralLike(u) || ts.isTemplateExpression(u) || ts.isNewExpression(u) || (named !== null && /url|uri|href|endpoint|path|link/i.test(named));
}

/** node:http's trap: a `timeout` option or `setTimeout` only reports an idle socket unless the handler destroys. */
function httpTimeout(facts: FileFacts, call: ts.CallExpression, view: ObjectView): Cover {
  if (view.kind === 'unknown') return { state: 'unknown' };
  const signal = view.kind === 'object' ? prop(view.node, 'signal') : null;
  if (signal && 'value' in signal) {
    const s = signalCover(facts, signal.value);
    if (s.state === 'yes' || s.state === 'unknown') return s;
  }
  const hasOption = view.kind === 'object' && !!prop(view.node, 'timeout');
  // `const req = http.request(...)`, then req.on('timeout', ...) / req.setTimeout(ms, ...)
  const holder = ts.isVariableDeclaration(call.parent) && ts.isIdentifier(call.parent.name) ? call.parent.name.text : null;
  // Only handlers on this request: after it, in the same function (`req` is also Express's request).
  const callPos = call.getStart(facts.sf);
  const own = holder ? (facts.timeoutHandlers.get(holder) ?? []).filter((h) => h.pos > callPos && h.scope === scopeOf(call)) : [];
  let handler = own.length > 0 ? own.some((h) => h.destroys) : undefined;
  // http.get(...).on('timeout', function () { this.destroy() }) / .setTimeout(ms, ...)
  const chained = call.parent;
  if (ts.isPropertyAccessExpression(chained) && ts.isCallExpression(chained.parent) && /^(on|once|setTimeout)$/.test(chained.name.text)) {
    const args = chained.parent.arguments;
    const isTimeout = chained.name.text === 'setTimeout' || (args[0] && ts.isStringLiteral(args[0]) && args[0].text === 'timeout');
    if (isTimeout) handler = (handler ?? false) || (!!args[1] && facts.handlerDestroys(args[1]));
  }
  if (handler === true) return { state: 'yes', by: "a 'timeout' handler that destroys the request" };
  if (handler === false && !hasOption) return { state: 'no', why: "`setTimeout`/'timeout' handler without destroy: it only reports an idle socket; destroy the request in the handler (req.destroy())" };
  if (handler === false || hasOption) return { state: 'no', why: "http's timeout only reports an idle socket: destroy the request in the 'timeout' handler (req.destroy())" };
  return { state: 'absent' };
}

function scopeOf(n: ts.Node): ts.Node {
  let p = n.parent;
  while (p && !ts.isFunctionLike(p) && !ts.isSourceFile(p)) p = p.parent;
  return p ?? n.getSourceFile();
}

function ignoresByLine(text: string, comments: readonly CommentRange[], facts: FileFacts): Map<number, string[]> {
  const byLine = new Map<number, string[]>();
  for (const c of comments) {
    const m = IGNORE.exec(text.slice(c.pos, c.end));
    if (m) byLine.set(facts.pos(c.end).line, m[1]!.split(/\s*,\s*/));
  }
  return byLine;
}

function statementLine(facts: FileFacts, node: ts.Node): number {
  let n: ts.Node = node;
  while (n.parent && !ts.isSourceFile(n.parent) && !ts.isBlock(n.parent)) n = n.parent;
  return facts.pos(n.getStart(facts.sf)).line;
}

/**
 * The per-file half of resilience analysis: syntax only, on the tree the marker scan already parsed.
 * Returns plain data; `linkResilience` resolves names across files and decides the findings.
 */
export function analyzeResilience(sf: ts.SourceFile, comments: readonly CommentRange[]): ResilienceSummary {
  // One walk of the tree: the facts' pre-pass records the node order the main visit goes through.
  const order: ts.Node[] = [];
  const facts = new FileFacts(sf, order);
  const instances: InstanceTable = new Map();
  const summary: ResilienceSummary = { imports: [], exports: [], exportAll: [], instances: [], policies: [], defaults: [], calls: [], functionUses: [] };
  // Library bindings are resolved here; only project imports are left for the link phase.
  for (const [local, b] of facts.bindings) if (isProjectModule(b.specifier)) summary.imports.push({ local, specifier: b.specifier, imported: b.imported });
  const ignores = ignoresByLine(sf.text, comments, facts);
  let fetchChecker: FetchChecker | undefined;
  // Function uses in walk order, made (context walk, argument timeouts) only for the names kept at the
  // end: in a bundle most calls are of local functions that make no call (axios.js: 1,065 calls, 0 kept).
  const uses: { name: string; make: () => FunctionUse; made?: FunctionUse }[] = [];
  const made = (u: (typeof uses)[number]): FunctionUse => (u.made ??= u.make());

  const addInstance = (name: string, init: ts.Expression, at: ts.Node): void => {
    const made = instanceCreation(facts, instances, init);
    if (!made) return;
    instances.set(name, made.library);
    const view = viewObject(facts, made.options);
    const def: InstanceDef = {
      name,
      library: made.library,
      at: facts.pos(at.getStart(sf)),
      own: { timeout: timeoutOf(facts, made.library, view), retry: made.retryAgent ? { state: 'yes', by: 'undici retry' } : retryOf(facts, made.library, view), breaker: { state: 'absent' } },
      base: made.base,
    };
    summary.instances.push(def);
  };

  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && node.initializer && ts.isIdentifier(node.name)) {
      addInstance(node.name.text, node.initializer, node);
      const policy = policyOf(facts, node.initializer);
      if (policy && (policy.own.retry.state === 'yes' || policy.own.breaker.state === 'yes' || policy.own.timeout.state === 'yes' || policy.parts.length > 0)) {
        summary.policies.push({ name: node.name.text, at: facts.pos(node.getStart(sf)), own: policy.own, parts: policy.parts } satisfies PolicyDef);
      }
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = node.left;
      if (ts.isPropertyAccessExpression(left) && left.expression.kind === ts.SyntaxKind.ThisKeyword) addInstance(facts.text(left), node.right, node);
      readDefaultsAssignment(node);
      readCommonJsExport(node);
    } else if (ts.isExportAssignment(node) && !node.isExportEquals) {
      addInstance('default', node.expression, node);
      const e = unwrap(node.expression);
      summary.exports.push({ exported: 'default', local: ts.isIdentifier(e) ? e.text : 'default' });
    } else if (ts.isExportDeclaration(node) && !node.isTypeOnly) {
      readExportDeclaration(node);
    } else if (ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
      const isDefault = ts.getModifiers(node)!.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
      if (ts.isVariableStatement(node)) for (const d of node.declarationList.declarations) if (ts.isIdentifier(d.name)) summary.exports.push({ exported: d.name.text, local: d.name.text });
      if ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) && node.name) summary.exports.push({ exported: isDefault ? 'default' : node.name.text, local: node.name.text });
    }
    if (ts.isCallExpression(node)) readCall(node);
    if (ts.isNewExpression(node)) readWrapperArgument(node);
    if (ts.isClassDeclaration(node) && node.name) {
      const def = classDef(facts, node);
      if (def) (summary.classes ??= []).push(def);
    }
  };

  function readDefaultsAssignment(node: ts.BinaryExpression): void {
    // axios.defaults.timeout = n / api.defaults.timeout = n
    const left = node.left;
    if (!ts.isPropertyAccessExpression(left) || left.name.text !== 'timeout' || !ts.isPropertyAccessExpression(left.expression) || left.expression.name.text !== 'defaults') return;
    const target = meaningOf(facts, instances, left.expression.expression);
    const key = target?.kind === 'library' && target.library === 'axios' ? 'library:axios' : target?.kind === 'instance' ? target.name : null;
    if (!key) return;
    const off = /^(0|Infinity|false)$/.test(facts.text(node.right).trim());
    summary.defaults.push({ target: key, at: facts.pos(node.getStart(sf)), own: { ...NO_COVER, timeout: off ? { state: 'no', why: `\`defaults.timeout = ${facts.text(node.right)}\` means no timeout` } : { state: 'yes', by: `\`defaults.timeout = ${facts.text(node.right)}\`` } }, retryOptIn: false });
  }

  function readCommonJsExport(node: ts.BinaryExpression): void {
    const left = facts.text(node.left);
    const right = unwrap(node.right);
    if (left === 'module.exports' && ts.isObjectLiteralExpression(right)) {
      for (const p of right.properties) {
        if (ts.isShorthandPropertyAssignment(p)) summary.exports.push({ exported: p.name.text, local: p.name.text });
        else if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && ts.isIdentifier(unwrap(p.initializer))) summary.exports.push({ exported: p.name.text, local: (unwrap(p.initializer) as ts.Identifier).text });
      }
    } else if (left === 'module.exports' && ts.isIdentifier(right)) {
      summary.exports.push({ exported: 'default', local: right.text }, { exported: '*', local: right.text });
    } else {
      const m = /^(?:module\.)?exports\.(\w+)$/.exec(left);
      if (m && ts.isIdentifier(right)) summary.exports.push({ exported: m[1]!, local: right.text });
      else if (m) {
        addInstance(m[1]!, node.right, node);
        if (instances.has(m[1]!)) summary.exports.push({ exported: m[1]!, local: m[1]! });
      }
    }
  }

  function readExportDeclaration(node: ts.ExportDeclaration): void {
    const specifier = node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : null;
    if (!node.exportClause) {
      if (specifier) summary.exportAll.push(specifier);
      return;
    }
    if (ts.isNamedExports(node.exportClause)) {
      for (const el of node.exportClause.elements) {
        const local = (el.propertyName ?? el.name).text;
        if (specifier) summary.exports.push({ exported: el.name.text, specifier, imported: local });
        else summary.exports.push({ exported: el.name.text, local });
      }
    }
  }

  function readWrapperArgument(call: ts.CallExpression | ts.NewExpression): void {
    // pRetry(getUser), new CircuitBreaker(callService), policy.execute(fetchAll): the function by name;
    // new Worker('q', processJob), useQuery({ queryFn: fetchTodos }): any argument or option by name.
    if (!call.arguments || call.arguments.length === 0) return;
    const w = wrapperOf(facts, call);
    if (!w) return;
    const named: ts.Identifier[] = [];
    for (const [i, a] of call.arguments.entries()) {
      const u = unwrap(a);
      if (ts.isIdentifier(u) && isFunctionName(u.text)) named.push(u);
      else if (i > 0 || ts.isObjectLiteralExpression(u)) {
        if (ts.isObjectLiteralExpression(u)) for (const p of u.properties) if (ts.isPropertyAssignment(p) && ts.isIdentifier(unwrap(p.initializer)) && isFunctionName((unwrap(p.initializer) as ts.Identifier).text)) named.push(unwrap(p.initializer) as ts.Identifier);
      }
    }
    if (named.length === 0) return;
    let outer: ReturnType<typeof contextOf> | null | undefined;
    const outerContext = (): ReturnType<typeof contextOf> | null => (outer === undefined ? (outer = ts.isCallExpression(call) ? contextOf(facts, instances, call) : null) : outer);
    for (const first of w.kind === 'direct' && w.cover.retry.state === 'yes' && /^(p-retry|async-retry)$/.test(w.cover.retry.by) ? named.slice(0, 1) : named) {
      uses.push({ name: first.text, make: () => ({ name: first.text, at: facts.pos(first.getStart(sf)), context: [w, ...(outerContext()?.context ?? [])], inFunction: outerContext()?.enclosingFunction ?? null }) });
    }
  }

  function isFunctionName(name: string): boolean {
    if (facts.functions.has(name)) return true;
    const b = facts.moduleOf(name);
    return !!b && isProjectModule(b.specifier);
  }

  function readCall(call: ts.CallExpression): void {
    readWrapperArgument(call);
    let callee = unwrap(call.expression);
    // `fetch.call(thisArg, url, init)` / `this.fetch.call(undefined, url, init)`: the call behind `.call`.
    let argShift = 0;
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'call' && (injectedFetchLabel(facts, callee.expression) || meaningOf(facts, instances, callee.expression)?.kind === 'fetch')) {
      callee = unwrap(callee.expression);
      argShift = 1;
    }
    // axios-retry attached to axios or an instance
    if (ts.isIdentifier(callee) && facts.moduleOf(callee.text)?.specifier === 'axios-retry' && call.arguments[0]) {
      const target = meaningOf(facts, instances, call.arguments[0]);
      const key = target?.kind === 'library' && target.library === 'axios' ? 'library:axios' : target?.kind === 'instance' ? target.name : target?.kind === 'projectImport' ? `import:${facts.text(unwrap(call.arguments[0]))}` : null;
      const opts = viewObject(facts, call.arguments[1]);
      if (key) summary.defaults.push({ target: key, at: facts.pos(call.getStart(sf)), own: { ...NO_COVER, retry: { state: 'yes', by: 'axios-retry' } }, retryOptIn: opts.kind === 'object' && !!prop(opts.node, 'retryCondition') } satisfies DefaultDef);
      return;
    }
    // setGlobalDispatcher(new Agent({...})) / setGlobalDispatcher(agent)
    if (ts.isIdentifier(callee) && facts.moduleOf(callee.text)?.specifier === 'undici' && facts.moduleOf(callee.text)?.imported === 'setGlobalDispatcher' && call.arguments[0]) {
      const arg = unwrap(call.arguments[0]);
      const inline = instanceCreation(facts, instances, arg);
      const named = ts.isIdentifier(arg) ? summary.instances.find((i) => i.name === arg.text) : undefined;
      const own = inline ? { timeout: timeoutOf(facts, 'undici', viewObject(facts, inline.options)), retry: inline.retryAgent ? { state: 'yes', by: 'undici retry' } as Cover : { state: 'absent' } as Cover, breaker: { state: 'absent' } as Cover } : named?.own;
      if (own) summary.defaults.push({ target: 'library:undici', at: facts.pos(call.getStart(sf)), own, retryOptIn: false });
      return;
    }
    if (readRegistration(call, callee)) return;
    const site = clientOf(call, callee);
    if (site) recordCall(call, site, argShift);
    // A call to an imported name may be an instance call or a project function: the link phase knows.
    if (!site || site.client.kind === 'import' || site.client.kind === 'inherited') recordFunctionUse(call, callee);
  }

  /** `HttpModule.register({ timeout })`: defaults for every injected instance of that client. */
  function readRegistration(call: ts.CallExpression, callee: ts.Expression): boolean {
    if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression)) return false;
    const b = facts.moduleOf(callee.expression.text);
    const table = b ? tableClientOfModule(b.specifier) : undefined;
    if (!b || !table?.registration || b.imported !== table.registration.object || !table.registration.methods.includes(callee.name.text)) return false;
    // registerAsync({ useFactory: () => ({ timeout }) }): read the factory's returned object.
    const arg = call.arguments[0] && unwrap(call.arguments[0]);
    let options: ts.Expression | undefined = arg;
    if (arg && ts.isObjectLiteralExpression(arg) && callee.name.text === 'registerAsync') {
      const factory = prop(arg, 'useFactory');
      const fn = factory && 'value' in factory ? unwrap(factory.value) : null;
      options = fn && ts.isArrowFunction(fn) && !ts.isBlock(fn.body) ? fn.body : undefined;
      if (fn && ts.isArrowFunction(fn) && ts.isBlock(fn.body)) {
        const ret = fn.body.statements.find(ts.isReturnStatement);
        options = ret?.expression;
      }
    }
    const own = { ...NO_COVER, timeout: timeoutOf(facts, 'axios', viewObject(facts, options)) };
    summary.defaults.push({ target: `library:${table.id}`, at: facts.pos(call.getStart(sf)), own, retryOptIn: false });
    return true;
  }

  function recordFunctionUse(call: ts.CallExpression, callee: ts.Expression): void {
    let name: string | null = null;
    if (ts.isIdentifier(callee) && isFunctionName(callee.text)) name = callee.text;
    else if (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword && facts.methods.has(callee.name.text)) {
      // this.get(...) inside the class that declares get(): a use of the wrapper `Class.get`.
      const cls = enclosingClass(call)?.name;
      if (cls) name = `${cls}.${callee.name.text}`;
    } else if (ts.isPropertyAccessExpression(callee) && ts.isPropertyAccessExpression(callee.expression) && callee.expression.expression.kind === ts.SyntaxKind.ThisKeyword) {
      // this.fetchService.fetch(...): the injected field's declared class, by name (`FetchService.fetch`).
      const type = facts.parameterTypes.get(callee.expression.name.text)?.trim();
      if (type && /^[A-Z]\w*$/.test(type) && (isFunctionName(type) || facts.moduleOf(type) === undefined)) name = `${type}.${callee.name.text}`;
    }
    else if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && facts.moduleOf(callee.expression.text)?.imported === '*' && isProjectModule(facts.moduleOf(callee.expression.text)?.specifier ?? '')) name = `${callee.expression.text}.${callee.name.text}`;
    if (!name) return;
    const used = name;
    uses.push({
      name: used,
      make: () => {
        const ctx = contextOf(facts, instances, call);
        const argTimeout = call.arguments.some((a) => !ts.isStringLiteralLike(a) && !ts.isTemplateExpression(a)) ? argTimeouts(facts, call.arguments) : [];
        return { name: used, at: facts.pos(call.getStart(sf)), context: ctx.context, inFunction: ctx.enclosingFunction, ...(argTimeout.some((a) => a !== 'absent') ? { argTimeout } : {}), ...(ctx.caught ? { caught: true } : {}) } satisfies FunctionUse;
      },
    });
  }

  /**
   * A callee named `fetch` that syntax takes for the HTTP fetch but cannot be sure of: `this.fetch()`
   * inherited from a base class (a repository's method), or, asked of the checker (created for this
   * file on the first such site only), a `fetch` bound by destructuring or a parameter, or `opts.fetch`.
   */
  function notHttpFetch(call: ts.CallExpression, callee: ts.Expression): boolean {
    const decision = fetchDecision(facts, call, callee);
    if (decision !== 'checker') return decision === 'other';
    // JavaScript declares no types to read (only inference, which costs a checker for an `unknown`).
    if (!/\.[cm]?tsx?$/.test(sf.fileName)) return false;
    fetchChecker ??= new FetchChecker(sf);
    return fetchChecker.verdict(callee) === 'other';
  }

  function clientOf(call: ts.CallExpression, callee: ts.Expression): { client: ClientRef; member: string; library: Library | null; dispatcherCall: boolean; retryBy?: string } | null {
    if (ts.isPropertyAccessExpression(callee) && /^(globalThis|window|self)$/.test(facts.text(callee.expression)) && callee.name.text === 'fetch') {
      return { client: { kind: 'library', library: 'fetch', label: 'fetch' }, member: '', library: 'fetch', dispatcherCall: false };
    }
    // const fetch = fetchRetry(global.fetch): a fetch that retries.
    const init = ts.isIdentifier(callee) ? facts.initializerAt(callee) : undefined;
    if (init && isFetchRetry(facts, init)) return { client: { kind: 'library', library: 'fetch', label: `fetch-retry (${callee.getText(sf)})` }, member: '', library: 'fetch', dispatcherCall: false, retryBy: 'fetch-retry' };
    const injected = injectedFetchLabel(facts, callee);
    if (injected && notHttpFetch(call, callee)) return null;
    if (injected) return { client: { kind: 'library', library: 'fetch', label: injected }, member: '', library: 'fetch', dispatcherCall: false };
    const direct = ts.isIdentifier(callee) || (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword) ? meaningOf(facts, instances, callee) : null;
    const receiver = ts.isPropertyAccessExpression(callee) && !direct ? meaningOf(facts, instances, callee.expression) : null;
    const member = ts.isPropertyAccessExpression(callee) && !direct ? callee.name.text : '';
    const m = direct ?? receiver;
    // this.axios.get(...) in `class X extends HttpBase`: the base class may create `this.axios`.
    if (!m && ts.isPropertyAccessExpression(callee) && isThisMember(callee.expression) && ANY_REQUEST_METHOD.has(callee.name.text)) {
      const base = enclosingClass(call)?.base;
      if (base) return { client: { kind: 'inherited', base, field: facts.text(callee.expression) }, member: callee.name.text, library: null, dispatcherCall: false };
    }
    if (!m) return null;
    if (m.kind === 'fetch' && notHttpFetch(call, callee)) return null;
    if (m.kind === 'fetch') return { client: { kind: 'library', library: 'fetch', label: m.label }, member: '', library: 'fetch', dispatcherCall: false };
    if (m.kind === 'library') {
      // A named import of a request function (`import { request } from 'undici'`, `import { get } from 'https'`).
      const method = m.member ?? member;
      if (m.member && member) return null;
      if (m.library === 'undici' && method === 'fetch') return { client: { kind: 'library', library: 'fetch', label: 'undici fetch' }, member: '', library: 'fetch', dispatcherCall: false };
      if (!REQUEST_METHODS[m.library].has(method)) return null;
      const label = m.library === 'http' ? `node:http ${method}` : m.library === 'undici' ? `undici ${method}` : m.library;
      return { client: { kind: 'library', library: m.library, label }, member: method, library: m.library, dispatcherCall: false };
    }
    if (m.kind === 'instance') {
      if (!REQUEST_METHODS[m.library].has(member) && !(m.library === 'undici' && member === 'request')) return null;
      return { client: { kind: 'local', library: m.library, name: m.name, label: m.name }, member, library: m.library, dispatcherCall: m.library === 'undici' };
    }
    // An import from the project: an instance (resolved in the link phase) or a function (a use).
    // `ns.f()` on a namespace import is a function use; `x.m()` counts only for request method names.
    if (!direct && (member === '' || m.imported === '*' || !ANY_REQUEST_METHOD.has(member))) return null;
    const local = ts.isIdentifier(callee) ? callee.text : facts.text((callee as ts.PropertyAccessExpression).expression);
    if (direct && facts.functions.has(local)) return null;
    return { client: { kind: 'import', library: null, specifier: m.specifier, imported: m.imported, local }, member, library: null, dispatcherCall: false };
  }

  function recordCall(call: ts.CallExpression, site: NonNullable<ReturnType<typeof clientOf>>, argShift = 0): void {
    const args = call.arguments.slice(argShift);
    const library = site.library;
    const idx = library ? optionsIndex(library, site.member, args, site.dispatcherCall) : site.member === '' ? 1 : BODY_METHODS.has(site.member) ? 2 : site.member === 'request' ? 0 : 1;
    // `fetch(...args)`: a spread at or before the options position hides them.
    const spread = args.slice(0, idx + 1).some(ts.isSpreadElement);
    const view: ObjectView = spread ? { kind: 'unknown' } : viewObject(facts, args[idx]);
    let client = site.client;
    // undici `request(url, { dispatcher: agent })` / fetch(url, { dispatcher })
    if (view.kind === 'object' && (library === 'undici' || library === 'fetch')) {
      const d = prop(view.node, 'dispatcher');
      const target = d && 'value' in d ? meaningOf(facts, instances, d.value) : null;
      if (target?.kind === 'instance') client = { kind: 'local', library: 'undici', name: target.name, label: target.name };
    }
    const timeoutLibrary: Library = library ?? 'axios';
    const own = {
      timeout: library === 'http' ? httpTimeout(facts, call, view) : library ? timeoutOf(facts, library === 'undici' && site.client.kind === 'library' && site.member === 'fetch' ? 'fetch' : timeoutLibrary, view) : timeoutOf(facts, 'axios', view),
      retry: retryOf(facts, library ?? 'got', view),
      breaker: { state: 'absent' } as Cover,
    };
    if (!library && own.retry.state !== 'absent' && site.client.kind === 'import') own.retry = { state: 'unknown' };
    if (site.retryBy) own.retry = { state: 'yes', by: site.retryBy };
    const table = library ? tableClient(library) : undefined;
    const chain = table?.chain ? chainCover(facts, call, table.chain) : null;
    if (chain) {
      if (chain.timeout.state !== 'absent') own.timeout = chain.timeout;
      if (chain.retry.state !== 'absent') own.retry = chain.retry;
    }
    const method = chain?.method ?? (table && site.member ? tableMethodOf(site.member) : null) ?? (BODY_METHODS.has(site.member) || ['get', 'delete', 'head', 'options'].includes(site.member) ? site.member.replace(/Form$/, '').toUpperCase() : methodOf(view));
    const ctx = contextOf(facts, instances, call);
    const passThrough = own.timeout.state === 'unknown' && !spread ? passThroughOf(facts, call, args[idx]) : undefined;
    const line = facts.pos(call.getStart(sf)).line;
    const stmt = statementLine(facts, call);
    const ignored = [...(ignores.get(line) ?? []), ...(ignores.get(line - 1) ?? []), ...(stmt !== line ? ignores.get(stmt - 1) ?? [] : [])];
    summary.calls.push({
      span: facts.span(call),
      callee: facts.text(call.expression).replace(/\s+/g, ''),
      client,
      method,
      own,
      context: ctx.context,
      enclosingFunction: ctx.enclosingFunction,
      enclosingExported: ctx.enclosingExported,
      swallowedAt: ctx.swallowedAt ? facts.span(ts.isCatchClause(ctx.swallowedAt) ? ctx.swallowedAt : ctx.swallowedAt.expression) : null,
      retryOptIn: retryOptInOf(facts, view, method),
      ignored,
      ...(passThrough && ctx.enclosingFunction ? { passThrough } : {}),
      ...(ctx.caught ? { caught: true } : {}),
    } satisfies CallSite);
  }

  // Injected clients: a constructor parameter or field typed `HttpService` (from @nestjs/axios) is an instance.
  for (const [name, type] of facts.parameterTypes) {
    const b = facts.moduleOf(type.trim());
    const table = b ? tableClientOfModule(b.specifier) : undefined;
    if (!b || !table?.injectable?.includes(b.imported)) continue;
    for (const key of [name, `this.${name}`]) {
      instances.set(key, table.id);
      summary.instances.push({ name: key, library: table.id, at: { line: 1, column: 1 }, own: { ...NO_COVER }, base: null });
    }
  }
  for (const node of order) visit(node);
  const hint = environmentHint(sf.text, [...facts.bindings.values()].map((b) => b.specifier), summary.exports.map((e) => e.exported));
  if (hint) summary.envHint = hint;
  // Uses of local functions matter only when that function makes a call, directly or through other
  // functions (a job's `run` -> crawl -> fetchPage -> fetch: the link phase follows callers up to a
  // wrapper that covers them); imported names may wrap one. A use is made (context walk, argument
  // timeouts) only when its name is kept: in a bundle most calls are of local functions that make no call.
  const imported = (name: string): boolean => name.includes('.') || isProjectModule(facts.moduleOf(name)?.specifier ?? '');
  const wrappers = new Set<string | null>(summary.calls.map((c) => c.enclosingFunction));
  for (const u of uses) if (imported(u.name)) wrappers.add(made(u).inFunction);
  for (let grew = true, rounds = 0; grew && rounds < 8; rounds++) {
    grew = false;
    for (const u of uses) {
      if (!wrappers.has(u.name)) continue;
      const f = made(u).inFunction;
      if (f && !wrappers.has(f)) {
        wrappers.add(f);
        grew = true;
      }
    }
  }
  summary.functionUses = uses.filter((u) => wrappers.has(u.name) || imported(u.name)).map(made);
  return summary;
}
