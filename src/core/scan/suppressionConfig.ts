import type { ConfigError } from '../config/resolveConfig';
import { SUPPRESSION_FAMILIES } from './suppressionDirectives';

/** The `suppressions` setting in object form: families on or off (all on unless named), and `requireReason`. */
export interface SuppressionSettings {
  families: Record<string, boolean>;
  /** Flag suppressions without a reason (label `no-reason`), as `ban-ts-comment` and `require-description` do. */
  requireReason: boolean;
}

/** `true` (every family), `false` (none) or the object form, as one shape. */
export function suppressionSettings(value: boolean | SuppressionSettings): SuppressionSettings {
  if (typeof value === 'object') return value;
  return { families: Object.fromEntries(SUPPRESSION_FAMILIES.map((f) => [f, value])), requireReason: false };
}

/** Whether any suppression family is on. */
export function anySuppressions(value: boolean | SuppressionSettings): boolean {
  return Object.values(suppressionSettings(value).families).some(Boolean);
}

/**
 * Validates `suppressions`: `true`/`false` (the original form) or
 * `{ "prettier": false, "coverage": false, "requireReason": true }` (families not named stay on).
 */
export function resolveSuppressions(value: unknown, path: string, errors: ConfigError[]): boolean | SuppressionSettings | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    errors.push({ path, message: `expected true or false (or an object of families: ${SUPPRESSION_FAMILIES.join(', ')}, requireReason), got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'string' ? `string ${JSON.stringify(value.slice(0, 40))}` : `${typeof value} ${String(value)}`}` });
    return undefined;
  }
  const out = suppressionSettings(true);
  for (const [key, on] of Object.entries(value as Record<string, unknown>)) {
    if (typeof on !== 'boolean') {
      errors.push({ path: `${path}.${key}`, message: 'expected true or false' });
    } else if (key === 'requireReason') {
      out.requireReason = on;
    } else if (SUPPRESSION_FAMILIES.includes(key)) {
      out.families[key] = on;
    } else {
      errors.push({ path: `${path}.${key}`, message: `unknown suppression family (expected ${SUPPRESSION_FAMILIES.join(', ')} or requireReason)` });
    }
  }
  return out;
}
