import { ts } from '../../scan/compiler';
import { walkAst } from '../../scan/astWalk';
import type { Pos, Span } from '../model';

/** Where a local name comes from: a module (`import`/`require`) or a local declaration. */
export interface ModuleBinding {
  specifier: string;
  /** `default`, `*` (namespace / whole require), or an export name. */
  imported: string;
}

/**
 * Facts gathered in one pre-pass over a file, so the main walk can resolve names without a checker:
 * module bindings, the initialiser of each variable, function declarations, and a position helper.
 * Names are file-wide (shadowing is ignored: a deliberate trade for speed; see docs/resilience.md).
 */
export class FileFacts {
  readonly bindings = new Map<string, ModuleBinding>();
  readonly initializers = new Map<string, ts.Expression>();
  /** Every declaration of a name with an initialiser, for scope-aware lookup (`initializerAt`). */
  private readonly declarations = new Map<string, ts.VariableDeclaration[]>();
  readonly functions = new Map<string, ts.Node>();
  /** Names bound by destructuring (`const { timeout, ...rest } = init || {}`), to their initialiser. */
  readonly destructured = new Map<string, ts.Expression>();
  readonly parameters = new Set<string>();
  /** Names of methods and function-valued properties declared in classes/objects of this file. */
  readonly methods = new Set<string>();
  /** Declared type text of parameters, by name (`typeof fetch`), for injected-fetch detection. */
  readonly parameterTypes = new Map<string, string>();
  /** Source text of every `setTimeout(...)` call, to see which AbortControllers a timer aborts. */
  readonly timerTexts: string[] = [];
  /** `Promise.race([...])` calls: a call raced against a timer is bounded for its caller. */
  readonly races: ts.CallExpression[] = [];
  /** `q.add(data, opts)` calls (Bull v3 jobs added with `attempts`), and `new RetryLink(...)` (Apollo). */
  readonly addCalls: ts.CallExpression[] = [];
  readonly retryLinks: ts.NewExpression[] = [];
  /**
   * `req.on('timeout', fn)` / `req.setTimeout(ms, fn)` handlers, by receiver name: where, in which
   * function, and whether they destroy the request (a named handler is followed to its body).
   */
  readonly timeoutHandlers = new Map<string, { pos: number; scope: ts.Node; destroys: boolean }[]>();

  /** `order`, when given, receives every node in walk order (pre-order), so a caller needs no second walk. */
  constructor(readonly sf: ts.SourceFile, order?: ts.Node[]) {
    walkAst(sf, (node) => {
      this.collect(node);
      order?.push(node);
    });
  }

  pos(offset: number): Pos {
    const lc = this.sf.getLineAndCharacterOfPosition(offset);
    return { line: lc.line + 1, column: lc.character + 1 };
  }

  span(node: ts.Node): Span {
    const start = this.pos(node.getStart(this.sf));
    const end = this.pos(node.getEnd());
    return { ...start, endLine: end.line, endColumn: end.column };
  }

  text(node: ts.Node): string {
    return node.getText(this.sf);
  }

  /**
   * The initialiser an identifier refers to where it is used: the declaration in the innermost enclosing
   * scope, unless a parameter of a closer function shadows the name (then undefined: supplied by a caller).
   */
  initializerAt(use: ts.Identifier): ts.Expression | undefined {
    const candidates = this.declarations.get(use.text);
    if (!candidates) return undefined;
    const scopeOf = (n: ts.Node): ts.Node => {
      let p = n.parent;
      while (p && !ts.isFunctionLike(p) && !ts.isSourceFile(p)) p = p.parent;
      return p ?? this.sf;
    };
    for (let scope: ts.Node | undefined = scopeOf(use); scope; scope = ts.isSourceFile(scope) ? undefined : scopeOf(scope)) {
      if (ts.isFunctionLike(scope) && scope.parameters.some((p) => bindsName(p.name, use.text))) return undefined;
      const here = candidates.filter((d) => scopeOf(d) === scope && d.getStart(this.sf) < use.getStart(this.sf));
      if (here.length > 0) return here[here.length - 1]!.initializer;
    }
    return undefined;
  }

  /** Whether a timeout handler destroys/aborts the request: inline, or a function of this file by name. */
  handlerDestroys(handler: ts.Expression): boolean {
    const destroys = (n: ts.Node): boolean => /\.(destroy|abort)\s*\(|\breject\s*\(/.test(n.getText(this.sf));
    const h = unwrap(handler);
    if (ts.isIdentifier(h)) {
      const fn = this.functions.get(h.text);
      return !!fn && destroys(fn);
    }
    return destroys(h);
  }

  /** The module a name is bound to, following `const x = y` aliases of bound names. */
  moduleOf(name: string): ModuleBinding | undefined {
    return this.bindings.get(name);
  }

  private collect(node: ts.Node): void {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && node.importClause && !node.importClause.isTypeOnly) {
      const specifier = node.moduleSpecifier.text;
      const clause = node.importClause;
      if (clause.name) this.bindings.set(clause.name.text, { specifier, imported: 'default' });
      const named = clause.namedBindings;
      if (named && ts.isNamespaceImport(named)) this.bindings.set(named.name.text, { specifier, imported: '*' });
      if (named && ts.isNamedImports(named)) {
        for (const el of named.elements) if (!el.isTypeOnly) this.bindings.set(el.name.text, { specifier, imported: (el.propertyName ?? el.name).text });
      }
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      this.bindings.set(node.name.text, { specifier: node.moduleReference.expression.text, imported: '*' });
    } else if (ts.isVariableDeclaration(node) && node.initializer) {
      const required = requireOf(node.initializer);
      if (required && ts.isIdentifier(node.name)) {
        this.bindings.set(node.name.text, { specifier: required.specifier, imported: required.member ?? '*' });
      } else if (required && ts.isObjectBindingPattern(node.name)) {
        for (const el of node.name.elements) {
          if (ts.isIdentifier(el.name)) this.bindings.set(el.name.text, { specifier: required.specifier, imported: el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : el.name.text });
        }
      } else if (ts.isObjectBindingPattern(node.name) || ts.isArrayBindingPattern(node.name)) {
        for (const el of node.name.elements) if (!ts.isOmittedExpression(el) && ts.isIdentifier(el.name)) this.destructured.set(el.name.text, node.initializer);
      } else if (ts.isIdentifier(node.name)) {
        this.initializers.set(node.name.text, node.initializer);
        const list = this.declarations.get(node.name.text) ?? [];
        list.push(node);
        this.declarations.set(node.name.text, list);
        const init = unwrap(node.initializer);
        if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) this.functions.set(node.name.text, init);
        // `const http2 = http` style aliases of module bindings.
        if (ts.isIdentifier(init) && this.bindings.has(init.text)) this.bindings.set(node.name.text, this.bindings.get(init.text)!);
      }
    } else if ((ts.isMethodDeclaration(node) || ts.isPropertyDeclaration(node)) && node.name && ts.isIdentifier(node.name)) {
      this.methods.add(node.name.text);
      // `private readonly http: HttpService;`: an injected field's declared type, like a parameter's.
      if (ts.isPropertyDeclaration(node) && node.type && !this.parameterTypes.has(node.name.text)) this.parameterTypes.set(node.name.text, node.type.getText(this.sf));
    } else if (ts.isFunctionDeclaration(node) && node.name) {
      this.functions.set(node.name.text, node);
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'RetryLink') {
      this.retryLinks.push(node);
    } else if (ts.isParameter(node) && ts.isIdentifier(node.name)) {
      this.parameters.add(node.name.text);
      if (node.type) this.parameterTypes.set(node.name.text, node.type.getText(this.sf));
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (ts.isIdentifier(callee) && callee.text === 'setTimeout') this.timerTexts.push(node.getText(this.sf));
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'race' && ts.isIdentifier(callee.expression) && callee.expression.text === 'Promise') this.races.push(node);
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'add' && node.arguments.length >= 2) this.addCalls.push(node);
      if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) {
        const receiver = callee.expression.text;
        const isTimeoutEvent = (callee.name.text === 'on' || callee.name.text === 'once') && node.arguments[0] && ts.isStringLiteral(node.arguments[0]) && node.arguments[0].text === 'timeout';
        const isSetTimeout = callee.name.text === 'setTimeout';
        if (isTimeoutEvent || isSetTimeout) {
          const handler = node.arguments[1];
          const list = this.timeoutHandlers.get(receiver) ?? [];
          list.push({ pos: node.getStart(this.sf), scope: scopeNode(node), destroys: !!handler && this.handlerDestroys(handler) });
          this.timeoutHandlers.set(receiver, list);
        }
      }
    }
  }
}

function scopeNode(n: ts.Node): ts.Node {
  let p = n.parent;
  while (p && !ts.isFunctionLike(p) && !ts.isSourceFile(p)) p = p.parent;
  return p ?? n.getSourceFile();
}

function bindsName(name: ts.BindingName, text: string): boolean {
  if (ts.isIdentifier(name)) return name.text === text;
  return name.elements.some((el) => !ts.isOmittedExpression(el) && bindsName(el.name, text));
}

/** `require('m')`, `require('m').x`, `require('m').default`: the module and member. */
function requireOf(expr: ts.Expression): { specifier: string; member?: string } | null {
  let e = unwrap(expr);
  let member: string | undefined;
  if (ts.isPropertyAccessExpression(e)) {
    member = e.name.text;
    e = unwrap(e.expression);
  }
  if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'require' && e.arguments.length === 1 && ts.isStringLiteral(e.arguments[0]!)) {
    return member ? { specifier: e.arguments[0].text, member } : { specifier: e.arguments[0].text };
  }
  return null;
}

/** Strips parentheses, `await`, `as`/`satisfies`/`!` casts. */
export function unwrap(expr: ts.Expression): ts.Expression {
  let e = expr;
  for (;;) {
    if (ts.isParenthesizedExpression(e) || ts.isAwaitExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e) || ts.isSatisfiesExpression(e) || ts.isTypeAssertionExpression(e)) e = e.expression;
    else return e;
  }
}

/** Normalised module name: `node:http` -> `http`, `https` -> `http`. */
export function moduleKey(specifier: string): string {
  const s = specifier.replace(/^node:/, '');
  return s === 'https' ? 'http' : s;
}
