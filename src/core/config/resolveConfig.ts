import { defaultConfig, type DebtLedgerConfig } from './config';
import { resolveDodConfig } from '../dod/dodConfig';
import { CONFIG_LIMITS, globProblem, own } from './configGuards';
import { resolveTicketsConfig } from '../tickets/ticketsConfig';
import { anySuppressions, resolveSuppressions } from '../scan/suppressionConfig';
import { parseScopeList, resolveScopesConfig } from '../scope/scopeConfig';
import { resolveLanguages } from './languagesConfig';
import { isKnownFileName } from '../languages/registry';
import { ENVIRONMENTS, type Environment } from '../resilience/environment';
import { defaultResilienceConfig, RESILIENCE_RULES, type ResilienceConfig } from '../resilience/model';

/** One problem in a configuration value. */
export interface ConfigError {
  /** Path of the offending key, e.g. `tags[2]` or `maxFileSize`; empty for the whole document. */
  path: string;
  message: string;
}

export interface ResolvedConfig {
  /** Always usable: defaults stand in for every invalid value. */
  config: DebtLedgerConfig;
  errors: ConfigError[];
}

type Validator = (value: unknown, path: string, errors: ConfigError[]) => unknown;

const KNOWN_KEYS = ['$schema', 'tags', 'suppressions', 'extensions', 'languages', 'markdownTasks', 'exclude', 'defaultExcludes', 'maxFileSize', 'resilience', 'definitionOfDone', 'attribution', 'churnWindowDays', 'tickets', 'scopes', 'owners', 'submodules'] as const;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

function stringList(itemCheck?: (s: string) => string | undefined, maxItems: number = CONFIG_LIMITS.listItems): Validator {
  return (value, path, errors) => {
    if (!Array.isArray(value)) {
      errors.push({ path, message: `expected an array of strings, got ${describe(value)}` });
      return undefined;
    }
    if (value.length > maxItems) {
      errors.push({ path, message: `at most ${maxItems} entries, got ${value.length}` });
      return undefined;
    }
    const out: string[] = [];
    value.forEach((item, i) => {
      if (typeof item !== 'string' || item.trim() === '') {
        errors.push({ path: `${path}[${i}]`, message: `expected a non-empty string, got ${describe(item)}` });
        return;
      }
      const problem = itemCheck?.(item);
      if (problem) errors.push({ path: `${path}[${i}]`, message: problem });
      else out.push(item);
    });
    return out;
  };
}

const boolean: Validator = (value, path, errors) => {
  if (typeof value === 'boolean') return value;
  errors.push({ path, message: `expected true or false, got ${describe(value)}` });
  return undefined;
};

/** A whole number in [min, max]: every numeric setting has a range, so none can overflow a date or a timer. */
function integerIn(min: number, max: number): Validator {
  return (value, path, errors) => {
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
    errors.push({ path, message: `expected a whole number from ${min} to ${max}, got ${describe(value)}` });
    return undefined;
  };
}

const TAG_SHAPE = /^[A-Za-z][A-Za-z0-9_-]*$/;

export const RANGES = {
  maxFileSize: [1, 64 * 1024 * 1024],
  churnWindowDays: [1, 3650],
  timeoutMs: [1, 3_600_000],
} as const;

const validatorTable: Record<Exclude<(typeof KNOWN_KEYS)[number], '$schema'>, Validator> = {
  tags: stringList((s) => (s.length > CONFIG_LIMITS.tagLength ? `tag longer than ${CONFIG_LIMITS.tagLength} characters` : TAG_SHAPE.test(s) ? undefined : `tag ${JSON.stringify(s)} must be a word (letters, digits, _ or -, starting with a letter)`), CONFIG_LIMITS.tags),
  suppressions: resolveSuppressions,
  extensions: stringList((s) => (/^\.[A-Za-z0-9]+$/.test(s) || isKnownFileName(s) ? undefined : `extension ${JSON.stringify(s)} must look like ".ts"`)),
  exclude: stringList(globProblem),
  languages: resolveLanguages,
  markdownTasks: boolean,
  defaultExcludes: boolean,
  maxFileSize: integerIn(...RANGES.maxFileSize),
  resilience: resilienceValidator,
  definitionOfDone: (value, path, errors) => resolveDodConfig(value, path, errors),
  attribution: (value, path, errors) => {
    if (value === 'blameless' || value === 'author') return value;
    errors.push({ path, message: `expected "blameless" or "author", got ${describe(value)}` });
    return undefined;
  },
  churnWindowDays: integerIn(...RANGES.churnWindowDays),
  tickets: (value, path, errors) => resolveTicketsConfig(value, path, errors),
  scopes: resolveScopesConfig,
  owners: stringList(),
  submodules: boolean,
};
/** Looked up by own key only: `valueOf`, `constructor` or `__proto__` in a file are unknown keys, never Object.prototype's. */
const validators = new Map<string, Validator>(Object.entries(validatorTable));

function objectOf(value: unknown, path: string, errors: ConfigError[], known: readonly string[]): Record<string, unknown> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    errors.push({ path, message: `expected an object, got ${describe(value)}` });
    return undefined;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!known.includes(key)) errors.push({ path: `${path}.${key}`, message: `unknown key (expected one of ${known.join(', ')})` });
  }
  return record;
}

const SEVERITIES = ['error', 'warning', 'info', 'off'];

function resilienceValidator(value: unknown, path: string, errors: ConfigError[]): ResilienceConfig | undefined {
  const out = defaultResilienceConfig();
  const record = objectOf(value, path, errors, ['enabled', 'timeoutMs', 'rules', 'scopes', 'environments']);
  if (!record) return undefined;
  const enabled = own(record, 'enabled');
  const timeoutMs = own(record, 'timeoutMs');
  const rulesRaw = own(record, 'rules');
  const scopesRaw = own(record, 'scopes');
  if (enabled !== undefined) out.enabled = (boolean(enabled, `${path}.enabled`, errors) as boolean | undefined) ?? out.enabled;
  if (timeoutMs !== undefined) out.timeoutMs = (integerIn(...RANGES.timeoutMs)(timeoutMs, `${path}.timeoutMs`, errors) as number | undefined) ?? out.timeoutMs;
  if (scopesRaw !== undefined) out.scopes = parseScopeList(scopesRaw, `${path}.scopes`, errors) ?? out.scopes;
  if (rulesRaw !== undefined) {
    const rules = objectOf(rulesRaw, `${path}.rules`, errors, RESILIENCE_RULES);
    for (const key of RESILIENCE_RULES) {
      const raw = rules ? own(rules, key) : undefined;
      if (raw === undefined) continue;
      const at = `${path}.rules.${key}`;
      const rule = objectOf(raw, at, errors, ['severity', 'paths', 'clients']);
      if (!rule) continue;
      const severity = own(rule, 'severity');
      if (severity !== undefined) {
        if (typeof severity === 'string' && SEVERITIES.includes(severity)) out.rules[key].severity = severity as ResilienceConfig['rules'][typeof key]['severity'];
        else errors.push({ path: `${at}.severity`, message: `expected one of ${SEVERITIES.join(', ')}, got ${describe(severity)}` });
      }
      for (const list of ['paths', 'clients'] as const) {
        const v = own(rule, list);
        if (v !== undefined) out.rules[key][list] = (stringList(list === 'paths' ? globProblem : undefined)(v, `${at}.${list}`, errors) as string[] | undefined) ?? [];
      }
    }
  }
  if (record.environments !== undefined) {
    const list = stringList()(record.environments, `${path}.environments`, errors) as string[] | undefined;
    const bad = list?.find((e) => !(ENVIRONMENTS as readonly string[]).includes(e));
    if (bad !== undefined) errors.push({ path: `${path}.environments`, message: `expected some of ${ENVIRONMENTS.join(', ')}, got ${describe(bad)}` });
    else if (list) out.environments = list as Environment[];
  }
  return out;
}

function closest(key: string): string | undefined {
  const lower = key.toLowerCase();
  return KNOWN_KEYS.find((k) => k.toLowerCase() === lower || editDistance(k.toLowerCase(), lower) <= 2);
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/**
 * Validates a raw configuration value (parsed `.debtledger.json`, or editor settings) and fills defaults.
 * Pure: never throws, never reads files. Every invalid value is reported with its key path and replaced
 * by the default, so callers can choose between refusing (CLI) and degrading (editor).
 */
export function resolveConfig(raw: unknown): ResolvedConfig {
  const config = defaultConfig();
  const errors: ConfigError[] = [];
  if (raw === undefined || raw === null) return { config, errors };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    errors.push({ path: '', message: `expected an object at the top level, got ${describe(raw)}` });
    return { config, errors };
  }
  const record = raw as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    if (key === '$schema') continue;
    const validate = validators.get(key);
    if (!validate) {
      const hint = closest(key);
      errors.push({ path: key, message: `unknown key${hint ? ` (did you mean "${hint}"?)` : ''}` });
      continue;
    }
    const valid = validate(value, key, errors);
    if (valid !== undefined) (config as unknown as Record<string, unknown>)[key] = valid;
  }
  if (config.tags.length === 0 && !anySuppressions(config.suppressions)) {
    errors.push({ path: 'tags', message: 'no tags and suppressions off: nothing would ever be found' });
  }
  return { config, errors };
}

/** One line per error, `path: message`, for terminals and notifications. */
export function formatConfigErrors(errors: readonly ConfigError[], source: string): string {
  return errors.map((e) => `${source}${e.path ? ` ${e.path}` : ''}: ${e.message}`).join('\n');
}
