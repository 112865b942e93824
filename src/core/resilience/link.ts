import picomatch from 'picomatch';
import { tableClient } from './clientTable';
import { environmentOf, lowerSeverity, type Environment } from './environment';
import { resolveRelative } from './moduleResolver';
import {
  REQUEST_METHODS, RULE_IDS,
  type CallSite, type ClassDef, type ContextCover, type Cover, type Coverage, type DefaultDef, type FunctionUse, type InstanceDef, type Library, type PolicyDef,
  type ResilienceConfig, type ResilienceRuleKey, type ResilienceSummary, type Severity, type Span,
} from './model';

/** One resilience gap, ready to become a ledger item. */
export interface ResilienceFinding {
  file: string;
  rule: string;
  ruleKey: ResilienceRuleKey;
  span: Span;
  /** e.g. `fetch`, `axios instance api (src/api.ts:4)`. */
  client: string;
  reason: string;
  severity: Severity;
  /** Callers of the project wrapper the call sits in (`file:line`), when it sits in one. */
  callers: string[];
  /** Callee and enclosing function: what the stable id hashes besides file and rule. */
  identity: string;
  /** Where the call runs: server, browser or universal (see environment.ts). */
  environment: Environment;
}

type Pattern = 'timeout' | 'retry' | 'breaker';
const PATTERN_RULE: Record<Pattern, ResilienceRuleKey> = { timeout: 'timeout', retry: 'retry', breaker: 'circuitBreaker' };
/** Levels of `extends` followed (a class and its bases). */
const MAX_EXTENDS = 8;
/** Levels of callers followed above a wrapper's direct callers. */
const MAX_CALLER_LEVELS = 6;
const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

interface Resolved<T> {
  file: string;
  def: T;
}

/**
 * Links per-file summaries into findings: follows imports and re-exports to client instances and
 * policies in other files, combines coverage (call, enclosing wrapper, instance and its base, defaults,
 * library defaults), and treats project wrapper functions as covered when every caller covers them.
 */
export function linkResilience(summaries: ReadonlyMap<string, ResilienceSummary>, config: ResilienceConfig): ResilienceFinding[] {
  if (!config.enabled) return [];
  const files = new Set(summaries.keys());
  const linker = new Linker(summaries, files);
  const findings: ResilienceFinding[] = [];
  const swallowed = new Set<string>();
  for (const [file, summary] of summaries) {
    const environment = environmentOf(file, summary.envHint, summary.packageEnv);
    for (const call of summary.calls) {
      const client = linker.client(file, call);
      if (!client) continue;
      const identity = `${call.callee}\0${call.enclosingFunction ?? ''}`;
      const own: ResilienceFinding[] = [];
      const emit = (ruleKey: ResilienceRuleKey, span: Span, reason: string, callers: string[] = []): void => {
        // Inline opt-outs (`// debt-ledger-ignore resilience/timeout: why`) are ledger items of their own.
        if (call.ignored.includes(RULE_IDS[ruleKey]) || call.ignored.includes('*')) return;
        own.push({ file, rule: RULE_IDS[ruleKey], ruleKey, span, client: client.label, reason, severity: 'info', callers, identity, environment });
      };
      const nonIdempotent = call.method !== null && !IDEMPOTENT.has(call.method);
      for (const pattern of ['timeout', 'retry', 'breaker'] as const) {
        // Retrying POST/PATCH is unsafe by default: a missing retry on them is not a gap.
        if (pattern === 'retry' && nonIdempotent) continue;
        const verdict = linker.decide(file, call, client, pattern);
        if (verdict.state === 'unknown' && pattern === 'timeout' && call.passThrough) {
          const gap = linker.passThroughGap(file, call, client);
          if (gap) emit('timeout', call.span, gap.reason, gap.callers);
          continue;
        }
        if (verdict.state === 'yes' || verdict.state === 'unknown') continue;
        const why = verdict.state === 'no' ? verdict.why : absentReason(pattern, client);
        const wrapper = linker.wrapperCallers(file, call, pattern);
        if (wrapper.allCovered) continue;
        const callersNote = wrapper.callers.length > 0 ? `; ${call.enclosingFunction}() is called from ${wrapper.callers.length} place${wrapper.callers.length === 1 ? '' : 's'}, not all covering it` : '';
        emit(PATTERN_RULE[pattern], call.span, `${why}${callersNote}`, wrapper.callers);
      }
      if (nonIdempotent) {
        const retry = linker.decide(file, call, client, 'retry');
        if (retry.state === 'yes' && !retry.libraryDefault && !/\b429\b/.test(retry.by) && !call.retryOptIn && !linker.retryOptIn(file, call, client)) {
          emit('unsafeRetry', call.span, `${call.method} is retried (${retry.by}) without an explicit opt-in: send an Idempotency-Key header or list the method in the retry options`);
        }
      }
      if (call.swallowedAt) {
        const key = `${file}:${call.swallowedAt.line}:${call.swallowedAt.column}`;
        if (!swallowed.has(key)) {
          swallowed.add(key);
          emit('swallowedError', call.swallowedAt, `the failure of ${call.callee}(...) at line ${call.span.line} is swallowed: the catch is empty or only logs; rethrow, return a fallback, or record the failure`);
        }
      }
      findings.push(...own);
    }
  }
  return applyRuleSettings(findings, config);
}

function applyRuleSettings(findings: ResilienceFinding[], config: ResilienceConfig): ResilienceFinding[] {
  const matchers = new Map<ResilienceRuleKey, (file: string) => boolean>();
  return findings.filter((f) => {
    const rule = config.rules[f.ruleKey];
    if (rule.severity === 'off') return false;
    if (!config.environments.includes(f.environment)) return false;
    f.severity = f.environment === 'browser' ? lowerSeverity(rule.severity) : rule.severity;
    if (rule.paths.length > 0) {
      if (!matchers.has(f.ruleKey)) matchers.set(f.ruleKey, picomatch(rule.paths, { dot: true }));
      if (!matchers.get(f.ruleKey)!(f.file)) return false;
    }
    if (rule.clients.length > 0) {
      const hay = `${f.client} ${f.identity}`.toLowerCase();
      if (!rule.clients.some((c) => hay.includes(c.toLowerCase()))) return false;
    }
    return true;
  });
}

interface ResolvedClient {
  library: Library;
  label: string;
  instance: Resolved<InstanceDef> | null;
}

type Verdict = (Cover & { libraryDefault?: boolean });

function absentReason(pattern: Pattern, client: ResolvedClient): string {
  const inst = client.instance ? `${client.label} has no` : null;
  switch (pattern) {
    case 'timeout':
      switch (client.library) {
        case 'fetch': return 'fetch has no timeout of its own and this call passes no signal: add `signal: AbortSignal.timeout(ms)`';
        case 'axios': return inst ? `${inst} timeout (axios defaults to 0: none)` : 'axios has no timeout by default (0 = none): pass `timeout` or create an instance with one';
        case 'got': return inst ? `${inst} timeout (got has none by default)` : 'got has no timeout by default: pass `timeout: { request: ms }`';
        case 'undici': return inst ? `${inst} headersTimeout/bodyTimeout: undici's 300 s defaults apply` : "undici's default 300 s header/body timeouts apply: set headersTimeout/bodyTimeout or pass a signal";
        case 'http': return "node:http request without a timeout: set `timeout` and destroy the request on 'timeout', or pass a signal";
        case 'ky': return 'ky timeout switched off';
        default: {
          const table = tableClient(client.library);
          if (table) return inst ? `${client.label}: ${table.noTimeout}` : table.noTimeout;
        }
      }
      break;
    case 'retry':
      return `no retry: not inside p-retry, async-retry, a cockatiel retry policy or a bounded retry loop${client.library === 'axios' ? `, and no axios-retry on ${client.instance ? client.label : 'axios'}` : ''}`;
    case 'breaker':
      return 'no circuit breaker: not called through opossum or a cockatiel circuitBreaker policy';
  }
  return `no ${pattern}`;
}

class Linker {
  private readonly globalDefaults = new Map<string, DefaultDef[]>();
  private readonly instanceDefaults = new Map<string, DefaultDef[]>();
  private readonly modules = new Map<string, string | null>();
  private readonly names = new Map<string, { file: string; local: string } | null>();
  private usesByTarget: Map<string, { file: string; use: FunctionUse }[]> | undefined;
  private readonly coveredMemo = new Map<string, boolean>();

  constructor(private readonly summaries: ReadonlyMap<string, ResilienceSummary>, private readonly files: ReadonlySet<string>) {
    for (const [file, s] of summaries) {
      for (const d of s.defaults) {
        if (d.target.startsWith('library:')) push(this.globalDefaults, d.target, d);
        else {
          const local = d.target.startsWith('import:') ? d.target.slice(7) : d.target;
          const inst = this.instance(file, local);
          if (inst) push(this.instanceDefaults, `${inst.file}#${inst.def.name}`, d);
        }
      }
    }
  }

  private module(from: string, specifier: string): string | null {
    const key = `${from}\0${specifier}`;
    if (!this.modules.has(key)) this.modules.set(key, resolveRelative(from, specifier, this.files));
    return this.modules.get(key)!;
  }

  /** Follows `export ... from` and `export *` to where a name is defined. */
  resolveExport(file: string, name: string, depth = 0): { file: string; local: string } | null {
    const s = this.summaries.get(file);
    if (!s || depth > 10) return null;
    for (const e of s.exports) {
      if (e.exported !== name) continue;
      if ('local' in e) return this.resolveName(file, e.local, depth + 1);
      const target = this.module(file, e.specifier);
      return target ? this.resolveExport(target, e.imported, depth + 1) : null;
    }
    for (const spec of s.exportAll) {
      const target = this.module(file, spec);
      const found = target ? this.resolveExport(target, name, depth + 1) : null;
      if (found) return found;
    }
    return null;
  }

  /** Where a local name is defined: here, or (through an import) in another project file. */
  resolveName(file: string, local: string, depth = 0): { file: string; local: string } | null {
    const key = `${file}\0${local}`;
    if (depth === 0 && this.names.has(key)) return this.names.get(key)!;
    const s = this.summaries.get(file);
    const imp = s?.imports.find((i) => i.local === local);
    let found: { file: string; local: string } | null;
    if (!imp) found = { file, local };
    else {
      const target = this.module(file, imp.specifier);
      found = target ? this.resolveExport(target, imp.imported === '*' ? '*' : imp.imported, depth) : null;
    }
    if (depth === 0) this.names.set(key, found);
    return found;
  }

  instance(file: string, local: string): Resolved<InstanceDef> | null {
    const at = this.resolveName(file, local);
    if (!at) return null;
    const def = this.summaries.get(at.file)?.instances.find((i) => i.name === at.local);
    return def ? { file: at.file, def } : null;
  }

  private policy(file: string, name: string, depth = 0): Coverage | null {
    const at = this.resolveName(file, name);
    const def: PolicyDef | undefined = at ? this.summaries.get(at.file)?.policies.find((p) => p.name === at.local) : undefined;
    if (!at || !def || depth > 5) return null;
    const cover: Coverage = { ...def.own };
    for (const part of def.parts) {
      const inner = this.policy(at.file, part, depth + 1);
      if (!inner) continue;
      for (const k of ['timeout', 'retry', 'breaker'] as const) if (inner[k].state === 'yes' && cover[k].state !== 'yes') cover[k] = inner[k];
    }
    return cover;
  }

  client(file: string, call: CallSite): ResolvedClient | null {
    const ref = call.client;
    if (ref.kind === 'library') return { library: ref.library, label: ref.label, instance: null };
    if (ref.kind === 'inherited') {
      // The nearest base class (local or imported, several levels of `extends`) whose file creates `this.<field>`.
      for (const at of this.classChain(file, ref.base)) {
        const def = this.summaries.get(at.file)?.instances.find((i) => i.name === ref.field);
        if (!def) continue;
        const member = call.callee.slice(call.callee.lastIndexOf('.') + 1);
        if (!REQUEST_METHODS[def.library].has(member)) return null;
        return { library: def.library, label: `${def.library} instance ${def.name} of ${at.local} (${at.file}:${def.at.line})`, instance: { file: at.file, def } };
      }
      return null;
    }
    const inst = this.instance(file, ref.kind === 'local' ? ref.name : ref.local);
    if (!inst) return null;
    const member = call.callee.includes('.') ? call.callee.slice(call.callee.lastIndexOf('.') + 1) : '';
    if (ref.kind === 'import' && !REQUEST_METHODS[inst.def.library].has(member)) return null;
    return { library: inst.def.library, label: `${inst.def.library} instance ${inst.def.name} (${inst.file}:${inst.def.at.line})`, instance: inst };
  }

  /**
   * A class (a local or imported name) and the classes it extends, across files, nearest first:
   * bounded depth, a cycle (`A extends B`, `B extends A`) stops the walk.
   */
  classChain(file: string, name: string): { file: string; local: string; def: ClassDef | undefined }[] {
    const chain: { file: string; local: string; def: ClassDef | undefined }[] = [];
    const seen = new Set<string>();
    for (let at = this.resolveName(file, name); at && chain.length < MAX_EXTENDS; ) {
      const key = `${at.file}#${at.local}`;
      if (seen.has(key)) break;
      seen.add(key);
      const def = this.summaries.get(at.file)?.classes?.find((c) => c.name === at!.local);
      chain.push({ ...at, def });
      at = def?.base ? this.resolveName(at.file, def.base) : null;
    }
    return chain;
  }

  /** Job attempts stated by the class a method belongs to, or by a class it extends (a task base class). */
  private classRetry(file: string, call: CallSite): Cover {
    const fn = call.enclosingFunction;
    const dot = fn ? fn.indexOf('.') : -1;
    if (!fn || dot <= 0) return { state: 'absent' };
    for (const c of this.classChain(file, fn.slice(0, dot))) {
      if (!c.def?.attempts) continue;
      return c.def.attempts.n > 1 ? { state: 'yes', by: `job attempts: ${c.def.attempts.n} in ${c.local} (${c.file}:${c.def.attempts.line}): the queue retries the job` } : { state: 'absent' };
    }
    return { state: 'absent' };
  }

  private contextCover(file: string, context: readonly ContextCover[], pattern: Pattern): Cover {
    for (const c of context) {
      const cover = c.kind === 'direct' ? c.cover : this.policy(file, c.name);
      if (cover && cover[pattern].state === 'yes') return cover[pattern];
    }
    return { state: 'absent' };
  }

  /** The call's own setting, else its wrappers, else its instance (and base), else defaults, else the library's. */
  decide(file: string, call: CallSite, client: ResolvedClient, pattern: Pattern): Verdict {
    const fromContext = this.contextCover(file, call.context, pattern);
    if (fromContext.state === 'yes') return fromContext;
    if (pattern === 'retry') {
      const fromClass = this.classRetry(file, call);
      if (fromClass.state === 'yes') return fromClass;
    }
    // Options passed through from the wrapper's caller: the instance or defaults may still bound it.
    const passedThrough = pattern === 'timeout' && call.own.timeout.state === 'unknown' && !!call.passThrough;
    if (call.own[pattern].state !== 'absent' && !passedThrough) return call.own[pattern];
    for (let inst = client.instance, depth = 0; inst && depth < 5; depth++) {
      if (inst.def.own[pattern].state !== 'absent') return inst.def.own[pattern];
      const d = (this.instanceDefaults.get(`${inst.file}#${inst.def.name}`) ?? []).find((x) => x.own[pattern].state !== 'absent');
      if (d) return d.own[pattern];
      inst = inst.def.base ? this.instance(inst.file, inst.def.base) : null;
    }
    const table = tableClient(client.library);
    if (passedThrough) {
      const fromDefaults = this.defaultsCover(client, table, pattern);
      return fromDefaults.state === 'yes' ? fromDefaults : { state: 'unknown' };
    }
    return this.defaultsCover(client, table, pattern, call);
  }

  private defaultsCover(client: ResolvedClient, table: ReturnType<typeof tableClient>, pattern: Pattern, call?: CallSite): Verdict {
    const globalKey = client.library === 'axios' && !client.instance ? 'library:axios' : client.library === 'undici' || (client.library === 'fetch' && client.label === 'undici fetch') ? 'library:undici' : table?.registration ? `library:${table.id}` : null;
    const global = globalKey ? (this.globalDefaults.get(globalKey) ?? []).find((x) => x.own[pattern].state !== 'absent') : undefined;
    if (global) return global.own[pattern];
    if (pattern === 'timeout' && client.library === 'ky') return { state: 'yes', by: "ky's default 10 s timeout", libraryDefault: true };
    if (pattern === 'retry' && (client.library === 'got' || client.library === 'ky')) return { state: 'yes', by: `${client.library}'s default retry of idempotent requests`, libraryDefault: true };
    if (pattern === 'retry' && table?.retryDefault && call && (call.method === null || ['GET', 'HEAD', 'OPTIONS'].includes(call.method))) return { state: 'yes', by: table.retryDefault, libraryDefault: true };
    if (pattern === 'timeout' && table?.timeoutDefault) return { state: 'yes', by: table.timeoutDefault, libraryDefault: true };
    return { state: 'absent' };
  }

  retryOptIn(_file: string, _call: CallSite, client: ResolvedClient): boolean {
    const key = client.instance ? `${client.instance.file}#${client.instance.def.name}` : null;
    const defaults = key ? this.instanceDefaults.get(key) ?? [] : client.library === 'axios' ? this.globalDefaults.get('library:axios') ?? [] : [];
    return defaults.some((d) => d.retryOptIn);
  }

  /** Uses of the project function a call sits in, and whether every one of them covers the pattern. */
  wrapperCallers(file: string, call: CallSite, pattern: Pattern): { allCovered: boolean; callers: string[] } {
    const fn = call.enclosingFunction;
    if (!fn) return { allCovered: false, callers: [] };
    const callers: string[] = [];
    let covered = 0;
    // A failure caught without a rethrow never reaches a retry further up: the callers cannot cover it.
    const blocked = (u: { caught?: boolean }): boolean => pattern === 'retry' && !!u.caught;
    for (const { file: useFile, use } of this.uses().get(`${file}#${fn}`) ?? []) {
      if (useFile === file && use.inFunction === fn) continue;
      let c: Cover = blocked(call) ? { state: 'absent' } : this.contextCover(useFile, use.context, pattern);
      // Further up: every caller of the function this use sits in covers it (a job runner's `run`).
      if (c.state !== 'yes' && use.inFunction && !blocked(call) && !blocked(use) && this.functionCovered(useFile, use.inFunction, pattern, 1, new Set([`${file}#${fn}`]))) c = { state: 'yes', by: `every caller of ${use.inFunction}() is covered` };
      if (c.state === 'yes') covered++;
      callers.push(`${useFile}:${use.at.line}${c.state === 'yes' ? ` (${c.by})` : ''}`);
    }
    return { allCovered: callers.length > 0 && covered === callers.length, callers };
  }

  /** Whether every use of a project function covers the pattern, following callers up (bounded, cycles stop). */
  private functionCovered(file: string, fn: string, pattern: Pattern, depth: number, visiting: Set<string>): boolean {
    const key = `${file}#${fn}`;
    const memo = `${pattern}\0${key}`;
    const known = this.coveredMemo.get(memo);
    if (known !== undefined) return known;
    // A cycle or the depth bound answers "not covered": conservative, the finding stays.
    if (depth > MAX_CALLER_LEVELS || visiting.has(key)) return false;
    visiting.add(key);
    const uses = (this.uses().get(key) ?? []).filter(({ file: f, use }) => !(f === file && use.inFunction === fn));
    const covered = uses.length > 0 && uses.every(({ file: f, use }) => this.contextCover(f, use.context, pattern).state === 'yes' || (!!use.inFunction && !(pattern === 'retry' && use.caught) && this.functionCovered(f, use.inFunction, pattern, depth + 1, visiting)));
    visiting.delete(key);
    this.coveredMemo.set(memo, covered);
    return covered;
  }

  /**
   * A wrapper that passes its options parameter through to the client: covered only when every caller
   * passes a timeout (a `timeout` key the wrapper reads, or a timeout signal). The callers that do not
   * are listed, once, at the wrapper's call.
   */
  passThroughGap(file: string, call: CallSite, client: ResolvedClient): { reason: string; callers: string[] } | null {
    const pt = call.passThrough!;
    const fn = call.enclosingFunction!;
    const missing: string[] = [];
    let total = 0;
    for (const { file: useFile, use } of this.uses().get(`${file}#${fn}`) ?? []) {
      if (useFile === file && use.inFunction === fn) continue;
      total++;
      if (this.contextCover(useFile, use.context, 'timeout').state === 'yes') continue;
      const state = use.argTimeout?.[pt.param] ?? 'absent';
      if (state !== 'yes' && state !== 'unknown') missing.push(`${useFile}:${use.at.line}`);
    }
    if (total === 0 || missing.length === 0) return null;
    const keyed = pt.readsTimeout || (client.library !== 'fetch' && (tableClient(client.library)?.timeoutKeys.length ?? 1) > 0);
    const pass = keyed ? 'neither `timeout` nor a timeout signal' : 'no timeout';
    const plural = total === 1 ? 'caller passes' : 'callers pass';
    return { reason: `${fn}() passes its options through to ${client.label} and sets no timeout itself; ${missing.length} of ${total} ${plural} ${pass}: bound it in ${fn}() or pass one from every caller`, callers: missing };
  }

  /** Every function use, indexed once by the function it resolves to (`file#name`). */
  private uses(): Map<string, { file: string; use: FunctionUse }[]> {
    if (!this.usesByTarget) {
      this.usesByTarget = new Map();
      for (const [useFile, s] of this.summaries) {
        for (const use of s.functionUses) {
          const target = this.resolveUse(useFile, use.name);
          if (target) push(this.usesByTarget, `${target.file}#${target.local}`, { file: useFile, use });
        }
      }
    }
    return this.usesByTarget;
  }

  private resolveUse(file: string, name: string): { file: string; local: string } | null {
    const dot = name.indexOf('.');
    if (dot < 0) return this.resolveName(file, name);
    const ns = this.summaries.get(file)?.imports.find((i) => i.local === name.slice(0, dot) && i.imported === '*');
    if (!ns) {
      // `Class.method`: the class by name (local, or imported), then its method.
      const cls = this.resolveName(file, name.slice(0, dot));
      return cls ? { file: cls.file, local: `${cls.local}.${name.slice(dot + 1)}` } : null;
    }
    const target = this.module(file, ns.specifier);
    return target ? this.resolveExport(target, name.slice(dot + 1)) : null;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key) ?? [];
  list.push(value);
  map.set(key, list);
}
