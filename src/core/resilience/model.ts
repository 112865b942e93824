/** The resilience patterns a call site can lack, and the related findings. */
export const RESILIENCE_RULES = ['timeout', 'retry', 'circuitBreaker', 'swallowedError', 'unsafeRetry'] as const;
export type ResilienceRuleKey = (typeof RESILIENCE_RULES)[number];

/** Rule ids as they appear in findings, SARIF, diagnostics and ignore comments. */
export const RULE_IDS: Record<ResilienceRuleKey, string> = {
  timeout: 'resilience/timeout',
  retry: 'resilience/retry',
  circuitBreaker: 'resilience/circuit-breaker',
  swallowedError: 'resilience/swallowed-error',
  unsafeRetry: 'resilience/unsafe-retry',
};

import { CLIENT_TABLE, type TableClientId } from './clientTable';
import { ENVIRONMENTS, type EnvHint, type Environment } from './environment';

/** The core clients, and the rest from the client table (`clientTable.ts`). */
export type Library = 'fetch' | 'axios' | 'got' | 'ky' | 'undici' | 'http' | TableClientId;

/** Methods that send a request, per client kind. `''` means calling the client itself. */
export const REQUEST_METHODS: Record<Library, ReadonlySet<string>> = {
  ...(Object.fromEntries(CLIENT_TABLE.map((c) => [c.id, new Set(c.methods)])) as unknown as Record<TableClientId, ReadonlySet<string>>),
  fetch: new Set(['']),
  axios: new Set(['', 'request', 'get', 'delete', 'head', 'options', 'post', 'put', 'patch', 'postForm', 'putForm', 'patchForm']),
  got: new Set(['', 'get', 'post', 'put', 'patch', 'delete', 'head', 'stream', 'paginate']),
  ky: new Set(['', 'get', 'post', 'put', 'patch', 'delete', 'head']),
  undici: new Set(['request', 'stream', 'pipeline', 'fetch']),
  http: new Set(['request', 'get']),
};

export type Severity = 'error' | 'warning' | 'info';

/** How one resilience rule applies: its severity (or off), and optionally only some files or clients. */
export interface RuleSettings {
  severity: Severity | 'off';
  /** Globs (relative POSIX paths); empty = every file. */
  paths: string[];
  /** Substrings of the client label, library, callee or URL host; empty = every client. */
  clients: string[];
}

export interface ResilienceConfig {
  enabled: boolean;
  /** The timeout quick fixes insert, in ms. */
  timeoutMs: number;
  rules: Record<ResilienceRuleKey, RuleSettings>;
  /** Scopes whose findings are reported (docs/scopes.md); default `["source"]`: tests and examples may call freely. */
  scopes: string[];
  /** Which environments are reported (browser findings one severity lower). Default: all. */
  environments: Environment[];
}

export function defaultResilienceConfig(): ResilienceConfig {
  const rule = (severity: RuleSettings['severity']): RuleSettings => ({ severity, paths: [], clients: [] });
  return {
    enabled: true,
    timeoutMs: 10_000,
    // Breakers matter where a dependency can go down and take you with it: switched on per path/client.
    rules: { timeout: rule('warning'), retry: rule('info'), circuitBreaker: rule('off'), swallowedError: rule('warning'), unsafeRetry: rule('warning') },
    scopes: ['source'],
    environments: [...ENVIRONMENTS],
  };
}

/** A 1-based source position. */
export interface Pos {
  line: number;
  column: number;
}

/** A 1-based range (end exclusive column). */
export interface Span extends Pos {
  endLine: number;
  endColumn: number;
}

/**
 * What one piece of code says about one pattern.
 * `yes`: supplies it (with what); `no`: explicitly switches it off (with why); `absent`: says nothing;
 * `unknown`: cannot be read without running code (spread options, options built elsewhere): never reported.
 */
export type Cover = { state: 'yes'; by: string } | { state: 'no'; why: string } | { state: 'absent' } | { state: 'unknown' };

/** Coverage of the three patterns, as supplied by one source (a call, an instance, a wrapper...). */
export interface Coverage {
  timeout: Cover;
  retry: Cover;
  breaker: Cover;
}

/** How a call reaches its client: the library itself, or a variable/import holding an instance. */
export type ClientRef =
  | { kind: 'library'; library: Library; label: string }
  | { kind: 'local'; library: Library; name: string; label: string }
  | { kind: 'import'; library: Library | null; specifier: string; imported: string; local: string }
  /** `this.axios.get()` in a class whose base class (a local name, maybe imported) creates `this.axios`. */
  | { kind: 'inherited'; base: string; field: string };

/** A client instance made in this file (`axios.create`, `got.extend`, `new Agent`...). */
export interface InstanceDef {
  /** Local name: a variable, or `this.x` for a class field. */
  name: string;
  library: Library;
  at: Pos;
  own: Coverage;
  /** Local name of the instance it extends (`api.extend(...)`), if any. */
  base: string | null;
}

/** A cockatiel/opossum policy object made in this file. */
export interface PolicyDef {
  name: string;
  at: Pos;
  own: Coverage;
  /** Other local policy names it wraps (`wrap(retry, breaker)`). */
  parts: string[];
}

/** A module-level default: `axios.defaults.timeout = n`, `axiosRetry(api)`, `setGlobalDispatcher(agent)`. */
export interface DefaultDef {
  /** `library:axios`, `library:undici` (global dispatcher), or a local instance name. */
  target: string;
  at: Pos;
  own: Coverage;
  /** axios-retry's `retryCondition` was given: an explicit choice of what to retry. */
  retryOptIn: boolean;
}

/** Coverage an enclosing wrapper supplies, possibly through a policy defined elsewhere. */
export type ContextCover =
  | { kind: 'direct'; cover: Coverage }
  | { kind: 'policy'; name: string; specifier: string | null };

/** An outbound call site. */
export interface CallSite {
  span: Span;
  /** The callee as written, e.g. `api.get`, for ids and messages. */
  callee: string;
  client: ClientRef;
  /** Upper-case HTTP method when known (`POST`), else null. */
  method: string | null;
  own: Coverage;
  /** Wrappers around the call in this file (p-retry, policy.execute, breaker fn, retry loop). */
  context: ContextCover[];
  /** Name of the nearest enclosing named function (a project wrapper), or null at top level. */
  enclosingFunction: string | null;
  /** Whether that function is exported. */
  enclosingExported: boolean;
  /** A catch that swallows this call's failure: the catch clause's position. */
  swallowedAt: Span | null;
  /** An Idempotency-Key header, or retry options listing the method: retrying it was chosen. */
  retryOptIn: boolean;
  /** Rule ids silenced by `// debt-ledger-ignore <rule>: reason` on or above the call. */
  ignored: string[];
  /**
   * The call's options (or signal) come from this parameter of the enclosing function: a wrapper passing
   * options through. Its timeout is then decided by what the wrapper's callers pass.
   */
  passThrough?: { param: number; readsTimeout: boolean };
  /** Inside a try whose catch never rethrows: retries by the wrapper's callers never see a failure. */
  caught?: boolean;
}

/** A use of a named function that may be a project wrapper: a call, or the function passed to a wrapper. */
export interface FunctionUse {
  /** Local name used (resolved through `imports` when imported). */
  name: string;
  at: Pos;
  context: ContextCover[];
  /** Function the use sits in (for messages). */
  inFunction: string | null;
  /** Per argument (first four): does it carry a timeout (`timeout` key or a timeout signal)? */
  argTimeout?: Cover['state'][];
  /** Inside a try whose catch never rethrows (see `CallSite.caught`). */
  caught?: boolean;
}

/**
 * A class that extends another (a local or project name) or sets job `attempts` in its body (a task
 * base class whose jobs a queue retries): the link phase follows `extends` across files through these.
 */
export interface ClassDef {
  name: string;
  base: string | null;
  /** `attempts: n` stated in the class body (job options), with its line. */
  attempts?: { n: number; line: number };
}

/** Everything the resilience link phase needs from one file. Plain JSON: cached with the file. */
export interface ResilienceSummary {
  imports: { local: string; specifier: string; imported: string }[];
  /** Exported name -> local name, or a re-export from another module. */
  exports: ({ exported: string; local: string } | { exported: string; specifier: string; imported: string })[];
  /** `export * from '...'` specifiers. */
  exportAll: string[];
  instances: InstanceDef[];
  policies: PolicyDef[];
  defaults: DefaultDef[];
  calls: CallSite[];
  functionUses: FunctionUse[];
  /** What the file itself says about where it runs (directives, imports, browser globals). */
  envHint?: EnvHint;
  /** What the nearest package.json's `browser` field says about this file (set before linking). */
  packageEnv?: Environment;
  /** Classes with a project base class or job attempts (absent when none). */
  classes?: ClassDef[];
}

export const NO_COVER: Coverage = { timeout: { state: 'absent' }, retry: { state: 'absent' }, breaker: { state: 'absent' } };
