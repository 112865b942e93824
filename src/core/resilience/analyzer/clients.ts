import { ts } from '../../scan/compiler';
import { tableClient, tableClientOfGlobal, tableClientOfModule } from '../clientTable';
import { REQUEST_METHODS, type Library } from '../model';
import { mayBeProjectSpecifier } from '../moduleResolver';

export { REQUEST_METHODS };
import { moduleKey, unwrap, type FileFacts } from './fileFacts';

/** Factory methods that make an instance from a library or another instance. */
const FACTORIES: Partial<Record<Library, ReadonlySet<string>>> = {
  axios: new Set(['create']),
  got: new Set(['extend']),
  ky: new Set(['create', 'extend']),
};

const UNDICI_CLASSES = new Set(['Client', 'Pool', 'Agent', 'BalancedPool', 'ProxyAgent', 'RetryAgent', 'EnvHttpProxyAgent']);

/** The HTTP library a module specifier is, if any. */
export function libraryOfModule(specifier: string): Library | null {
  const key = moduleKey(specifier);
  if (key === 'axios' || key === 'got' || key === 'ky' || key === 'undici') return key;
  if (key === 'http' || key === 'http2') return 'http';
  return tableClientOfModule(specifier)?.id ?? null;
}

/** A module the link phase should try to resolve in the project (relative, alias, workspace package). */
export function isProjectModule(specifier: string): boolean {
  let known = PROJECT_MODULE.get(specifier);
  if (known === undefined) {
    known = mayBeProjectSpecifier(specifier) && libraryOfModule(specifier) === null && !NON_PROJECT.test(specifier);
    if (PROJECT_MODULE.size > 10_000) PROJECT_MODULE.clear();
    PROJECT_MODULE.set(specifier, known);
  }
  return known;
}
const PROJECT_MODULE = new Map<string, boolean>();
const NON_PROJECT = /^(@nestjs\/(common|core)|@types\/)/;

/** What a name refers to, as a client: the library object, one export of it, or an instance. */
export type NameMeaning =
  | { kind: 'library'; library: Library; member: string | null }
  | { kind: 'instance'; library: Library; name: string }
  | { kind: 'fetch'; label: string }
  | { kind: 'projectImport'; specifier: string; imported: string }
  | null;

/** A receiver whose `.fetch` is an injected fetch: its last segment names options or a request config. */
const OPTIONS_LIKE = /(^|\.)_?(opts|options|config|cfg|conf|settings|deps|dependencies|ctx|context|init|params|env|request|requestOptions|fetchOptions|clientOptions)$/;

/** Instance names made in this file, filled by the analyzer as it finds `create`/`extend`/`new`. */
export type InstanceTable = Map<string, Library>;

/** Reads what an identifier (or `this.x`) means, without a type checker. */
export function meaningOf(facts: FileFacts, instances: InstanceTable, expr: ts.Expression): NameMeaning {
  const e = unwrap(expr);
  const key = ts.isIdentifier(e) ? e.text : isThisMember(e) ? facts.text(e) : null;
  if (key && instances.has(key)) return { kind: 'instance', library: instances.get(key)!, name: key };
  if (!ts.isIdentifier(e)) return null;
  const binding = facts.moduleOf(e.text);
  if (binding) {
    const library = libraryOfModule(binding.specifier);
    if (library) {
      const alias = tableClient(library)?.exports?.includes(binding.imported);
      const member = binding.imported === 'default' || binding.imported === '*' || alias ? null : binding.imported;
      // `import { fetch } from 'undici'` is undici's fetch; `import { request } from 'undici'` its request.
      return { kind: 'library', library, member };
    }
    if (isProjectModule(binding.specifier)) return { kind: 'projectImport', specifier: binding.specifier, imported: binding.imported };
    return null;
  }
  const global = tableClientOfGlobal(e.text);
  if (global && !facts.initializers.has(e.text) && !facts.functions.has(e.text) && !facts.parameters.has(e.text)) return { kind: 'library', library: global.id, member: null };
  if (e.text === 'fetch' && !facts.initializers.has('fetch') && !facts.functions.has('fetch')) {
    return { kind: 'fetch', label: facts.parameters.has('fetch') ? 'injected fetch (fetch)' : 'fetch' };
  }
  return null;
}

function isThisMember(e: ts.Expression): e is ts.PropertyAccessExpression {
  return ts.isPropertyAccessExpression(e) && e.expression.kind === ts.SyntaxKind.ThisKeyword;
}

/**
 * Injected fetch functions: `opts.fetch`, `this.fetchImpl`, `(opts.fetch ?? fetch)`, a parameter typed
 * `typeof fetch`, or a variable assigned from one of those.
 */
export function injectedFetchLabel(facts: FileFacts, expr: ts.Expression, depth = 0): string | null {
  const e = unwrap(expr);
  if (ts.isPropertyAccessExpression(e)) {
    const name = e.name.text;
    // `this.fetchImpl`, `deps.customFetch`: a name that can only be a fetch function.
    if (/^(fetch(Impl|Fn|Func|Function|Implementation)|customFetch|fetchLike)$/i.test(name)) return `injected fetch (${facts.text(e)})`;
    // `opts.fetch`, `this.fetch`: only on an options-like receiver, or `this` in a file that declares no
    // `fetch` method of its own (`repo.fetch()`, `version.fetch()` are domain methods, not HTTP).
    const receiver = facts.text(e.expression);
    if (name === 'fetch' && (OPTIONS_LIKE.test(receiver) || (receiver === 'this' && !facts.methods.has('fetch')))) return `injected fetch (${facts.text(e)})`;
  }
  if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
    const l = injectedFetchLabel(facts, e.left, depth + 1);
    const right = facts.text(unwrap(e.right));
    const r = injectedFetchLabel(facts, e.right, depth + 1) ?? (/^((globalThis|window|self)\.)?fetch$/.test(right) ? 'fetch' : null);
    return l ?? r ? `injected fetch (${facts.text(e)})` : null;
  }
  if (ts.isIdentifier(e)) {
    if (depth < 3 && facts.initializers.has(e.text)) return injectedFetchLabel(facts, facts.initializers.get(e.text)!, depth + 1) && `injected fetch (${e.text})`;
    if (/\btypeof\s+fetch\b/.test(facts.parameterTypes.get(e.text) ?? '')) return `injected fetch (${e.text})`;
  }
  return null;
}

/** `axios.create(...)`, `api.extend(...)`, `new Agent(...)`: the instance it makes, if any. */
export function instanceCreation(facts: FileFacts, instances: InstanceTable, expr: ts.Expression):
  { library: Library; options: ts.Expression | undefined; base: string | null; retryAgent: boolean } | null {
  const e = unwrap(expr);
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression)) {
    const target = meaningOf(facts, instances, e.expression.expression);
    const method = e.expression.name.text;
    if (target?.kind === 'library' && target.member === null && (FACTORIES[target.library]?.has(method) || tableClient(target.library)?.factories?.includes(method))) {
      return { library: target.library, options: e.arguments[0], base: null, retryAgent: false };
    }
    if (target?.kind === 'instance' && (FACTORIES[target.library]?.has(method) || (method !== '' && tableClient(target.library)?.factories?.includes(method)) || (target.library === 'undici' && method === 'compose'))) {
      const retryAgent = method === 'compose' && /interceptors\.retry\s*\(/.test(e.arguments.map((a) => facts.text(a)).join(','));
      return { library: target.library, options: method === 'compose' ? undefined : e.arguments[0], base: target.name, retryAgent };
    }
  }
  // `bent('json')`: calling the library makes the client.
  if (ts.isCallExpression(e) && ts.isIdentifier(unwrap(e.expression))) {
    const target = meaningOf(facts, instances, e.expression);
    if (target?.kind === 'library' && target.member === null && tableClient(target.library)?.factories?.includes('')) return { library: target.library, options: undefined, base: null, retryAgent: false };
  }
  if (ts.isNewExpression(e)) {
    const cls = unwrap(e.expression);
    const named = ts.isIdentifier(cls) ? meaningOf(facts, instances, cls) : null;
    const viaNamespace = ts.isPropertyAccessExpression(cls) ? meaningOf(facts, instances, cls.expression) : null;
    const className = ts.isIdentifier(cls) ? (named?.kind === 'library' ? named.member : null) : ts.isPropertyAccessExpression(cls) && viaNamespace?.kind === 'library' ? cls.name.text : null;
    const library = named?.kind === 'library' ? named.library : viaNamespace?.kind === 'library' ? viaNamespace.library : null;
    const tableIndex = library && className ? tableClient(library)?.classes?.[className] : undefined;
    if (library && tableIndex !== undefined) return { library, options: e.arguments?.[tableIndex], base: null, retryAgent: false };
    if (library === 'undici' && className && UNDICI_CLASSES.has(className)) {
      const args = e.arguments ?? ts.factory.createNodeArray();
      if (className === 'RetryAgent') {
        const base = args[0] && ts.isIdentifier(unwrap(args[0])) ? (unwrap(args[0]) as ts.Identifier).text : null;
        return { library, options: undefined, base, retryAgent: true };
      }
      // Client/Pool take (origin, options); Agent takes (options).
      const options = className === 'Agent' || className === 'EnvHttpProxyAgent' ? args[0] : args[1];
      return { library, options, base: null, retryAgent: false };
    }
  }
  return null;
}
