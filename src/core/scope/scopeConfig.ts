import type { ConfigError } from '../config/resolveConfig';
import { isScope, SCOPES } from './model';
import type { ScopeGlobs } from './scopeResolver';

/** Validates the `scopes` setting: `{ "test": ["qa/**"], "generated": ["src/api/client/**"] }`. */
export function resolveScopesConfig(value: unknown, path: string, errors: ConfigError[]): ScopeGlobs | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    errors.push({ path, message: `expected an object of globs per scope (${SCOPES.join(', ')})` });
    return undefined;
  }
  const out: ScopeGlobs = {};
  for (const [key, globs] of Object.entries(value as Record<string, unknown>)) {
    if (!isScope(key)) {
      errors.push({ path: `${path}.${key}`, message: `unknown scope (expected one of ${SCOPES.join(', ')})` });
      continue;
    }
    if (!Array.isArray(globs) || globs.some((g) => typeof g !== 'string' || g.trim() === '')) {
      errors.push({ path: `${path}.${key}`, message: 'expected an array of non-empty glob strings' });
      continue;
    }
    out[key] = globs as string[];
  }
  return out;
}

/** Validates a list of scopes (`resilience.scopes`, `--scope`); `all` stands for every scope. */
export function parseScopeList(value: unknown, path: string, errors: ConfigError[]): string[] | undefined {
  const list = typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : value;
  if (!Array.isArray(list) || list.length === 0 || list.some((s) => typeof s !== 'string')) {
    errors.push({ path, message: `expected a list of scopes (${SCOPES.join(', ')}, or all)` });
    return undefined;
  }
  if (list.includes('all')) return [...SCOPES];
  const bad = (list as string[]).filter((s) => !isScope(s));
  if (bad.length > 0) {
    errors.push({ path, message: `unknown scope ${bad.map((b) => JSON.stringify(b)).join(', ')} (expected ${SCOPES.join(', ')}, or all)` });
    return undefined;
  }
  return [...new Set(list as string[])];
}
