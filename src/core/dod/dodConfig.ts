import type { ConfigError } from '../config/resolveConfig';
import { compileUserRegex, CONFIG_LIMITS, globProblem } from '../config/configGuards';
import { CHECK_TYPES, type CheckConfig, type DodConfig, type DodItem } from './model';

type Errors = ConfigError[];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function strings(v: unknown, path: string, errors: Errors, fallback: string[] = [], itemCheck?: (s: string) => string | undefined): string[] {
  if (v === undefined) return fallback;
  if (Array.isArray(v) && v.length > CONFIG_LIMITS.listItems) {
    errors.push({ path, message: `at most ${CONFIG_LIMITS.listItems} entries, got ${v.length}` });
    return fallback;
  }
  if (Array.isArray(v) && v.every((s) => typeof s === 'string' && s !== '')) {
    const problems = (v as string[]).map((s, i) => ({ i, problem: itemCheck?.(s) })).filter((p) => p.problem);
    for (const p of problems) errors.push({ path: `${path}[${p.i}]`, message: p.problem! });
    return problems.length > 0 ? fallback : (v as string[]);
  }
  errors.push({ path, message: 'expected an array of non-empty strings' });
  return fallback;
}

function globs(v: unknown, path: string, errors: Errors, fallback: string[] = []): string[] {
  return strings(v, path, errors, fallback, globProblem);
}

function unknownKeys(record: Record<string, unknown>, known: readonly string[], path: string, errors: Errors): void {
  for (const k of Object.keys(record)) if (!known.includes(k)) errors.push({ path: `${path}.${k}`, message: `unknown key (expected one of ${known.join(', ')})` });
}

const MAX_COUNT = 1_000_000_000;

function count(v: unknown, path: string, errors: Errors, allowNegative = false, max = MAX_COUNT): number | null {
  if (v === undefined) return null;
  const min = allowNegative ? -max : 0;
  if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return v;
  errors.push({ path, message: `expected a whole number from ${min} to ${max}` });
  return null;
}

function check(raw: unknown, path: string, errors: Errors): CheckConfig | null {
  if (!isObject(raw)) {
    errors.push({ path, message: 'expected an object with a "type"' });
    return null;
  }
  const type = raw.type;
  if (typeof type !== 'string' || !(CHECK_TYPES as readonly string[]).includes(type)) {
    errors.push({ path: `${path}.type`, message: `expected one of ${CHECK_TYPES.join(', ')}` });
    return null;
  }
  switch (type) {
    case 'testsChanged':
      unknownKeys(raw, ['type', 'source', 'tests'], path, errors);
      return { type, source: globs(raw.source, `${path}.source`, errors, ['src/**']), tests: globs(raw.tests, `${path}.tests`, errors, ['test/**', 'tests/**', '**/*.test.*', '**/*.spec.*']) };
    case 'filesChanged':
      unknownKeys(raw, ['type', 'when', 'require'], path, errors);
      if (raw.require === undefined) errors.push({ path: `${path}.require`, message: 'required: the files that must change, e.g. ["CHANGELOG.md"]' });
      return { type, when: globs(raw.when, `${path}.when`, errors, ['**']), require: globs(raw.require, `${path}.require`, errors) };
    case 'debtBudget': {
      unknownKeys(raw, ['type', 'max'], path, errors);
      const max = count(raw.max, `${path}.max`, errors, true);
      if (max === null && raw.max === undefined) errors.push({ path: `${path}.max`, message: 'required: the most net new debt items allowed (may be negative)' });
      return { type, max: max ?? 0 };
    }
    case 'maxDiffSize': {
      unknownKeys(raw, ['type', 'maxLines', 'maxFiles'], path, errors);
      const maxLines = count(raw.maxLines, `${path}.maxLines`, errors);
      const maxFiles = count(raw.maxFiles, `${path}.maxFiles`, errors);
      if (maxLines === null && maxFiles === null) errors.push({ path, message: 'set maxLines and/or maxFiles' });
      return { type, maxLines, maxFiles };
    }
    case 'commitMessages': {
      unknownKeys(raw, ['type', 'pattern'], path, errors);
      if (typeof raw.pattern !== 'string') {
        errors.push({ path: `${path}.pattern`, message: 'expected a regular expression as a string' });
        return null;
      }
      // Run by a linear-time engine (re2js): `^(a+)+$` cannot hang the editor or CI.
      const compiled = compileUserRegex(raw.pattern);
      if (!compiled.ok) {
        errors.push({ path: `${path}.pattern`, message: compiled.message });
        return null;
      }
      return { type, pattern: raw.pattern };
    }
    case 'command': {
      unknownKeys(raw, ['type', 'command', 'timeoutMs'], path, errors);
      // An argv array, never a shell string.
      const command = strings(raw.command, `${path}.command`, errors);
      if (command.length === 0) errors.push({ path: `${path}.command`, message: 'expected the program and its arguments as an array, e.g. ["npm", "test"]' });
      return { type, command, timeoutMs: count(raw.timeoutMs, `${path}.timeoutMs`, errors, false, 86_400_000) ?? 600_000 };
    }
    case 'noClosedTicketDebt':
      unknownKeys(raw, ['type', 'closedGraceDays'], path, errors);
      return { type, closedGraceDays: count(raw.closedGraceDays, `${path}.closedGraceDays`, errors) };
    default:
      unknownKeys(raw, ['type'], path, errors);
      return { type } as CheckConfig;
  }
}

/** Validates `definitionOfDone` (see README "Definition of done"); errors carry key paths. */
export function resolveDodConfig(raw: unknown, path: string, errors: Errors): DodConfig | undefined {
  if (!isObject(raw)) {
    errors.push({ path, message: 'expected an object with "items"' });
    return undefined;
  }
  unknownKeys(raw, ['base', 'items'], path, errors);
  if (raw.base !== undefined && (typeof raw.base !== 'string' || raw.base === '' || raw.base.startsWith('-') || raw.base.length > 256)) errors.push({ path: `${path}.base`, message: 'expected a branch or ref name (not starting with "-")' });
  if (!Array.isArray(raw.items)) {
    errors.push({ path: `${path}.items`, message: 'expected an array of checklist items' });
    return undefined;
  }
  if (raw.items.length > CONFIG_LIMITS.dodItems) {
    errors.push({ path: `${path}.items`, message: `at most ${CONFIG_LIMITS.dodItems} items, got ${raw.items.length}` });
    return undefined;
  }
  const ids = new Set<string>();
  const items: DodItem[] = [];
  raw.items.forEach((it: unknown, i) => {
    const at = `${path}.items[${i}]`;
    if (!isObject(it)) {
      errors.push({ path: at, message: 'expected an object' });
      return;
    }
    unknownKeys(it, ['id', 'title', 'description', 'check', 'manual', 'who', 'when'], at, errors);
    if (typeof it.id !== 'string' || !/^[\w.-]+$/.test(it.id)) errors.push({ path: `${at}.id`, message: 'expected an id of letters, digits, _ . -' });
    else if (ids.has(it.id)) errors.push({ path: `${at}.id`, message: `duplicate id "${it.id}"` });
    if (typeof it.title !== 'string' || it.title === '') errors.push({ path: `${at}.title`, message: 'expected a title' });
    const manual = it.manual === true;
    if (manual === (it.check !== undefined)) errors.push({ path: at, message: 'give either "check" or "manual": true' });
    const c = it.check !== undefined ? check(it.check, `${at}.check`, errors) : null;
    if (typeof it.id === 'string') ids.add(it.id);
    items.push({
      id: typeof it.id === 'string' ? it.id : '', title: typeof it.title === 'string' && it.title !== '' ? it.title : typeof it.id === 'string' ? it.id : '', description: typeof it.description === 'string' ? it.description : null,
      check: c, manual, who: strings(it.who, `${at}.who`, errors), when: strings(it.when, `${at}.when`, errors),
    });
  });
  return { base: typeof raw.base === 'string' && raw.base !== '' && !raw.base.startsWith('-') ? raw.base : null, items };
}
