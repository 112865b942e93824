import type { ConfigError } from '../config/resolveConfig';
import { defaultTicketsConfig, PROVIDER_TYPES, type ProviderConfig, type ProviderType, type TicketsConfig } from './model';

type Errors = ConfigError[];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const HOST = /^[a-z0-9.-]+(?::\d+)?$/;

const PROVIDER_KEYS: Record<ProviderType, string[]> = {
  github: ['type', 'host', 'apiUrl', 'repo', 'tokenEnv'],
  gitlab: ['type', 'host', 'apiUrl', 'repo', 'tokenEnv'],
  jira: ['type', 'baseUrl', 'apiUrl', 'keys', 'tokenEnv', 'emailEnv'],
  linear: ['type', 'apiUrl', 'keys', 'tokenEnv'],
};

function text(raw: Record<string, unknown>, key: string, path: string, errors: Errors, check?: (s: string) => string | null): string | null {
  const v = raw[key];
  if (v === undefined) return null;
  if (typeof v !== 'string' || v.trim() === '') {
    errors.push({ path: `${path}.${key}`, message: 'expected a non-empty string' });
    return null;
  }
  const problem = check?.(v);
  if (problem) {
    errors.push({ path: `${path}.${key}`, message: problem });
    return null;
  }
  return v.trim();
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

// Tokens travel to these URLs: plain http only to this machine.
const url = (s: string): string | null => {
  try {
    const u = new URL(s);
    if (u.protocol === 'https:') return null;
    return u.protocol === 'http:' && LOOPBACK.has(u.hostname) ? null : 'expected an https URL (http only for 127.0.0.1 or localhost)';
  } catch {
    return 'expected a URL such as https://example.com';
  }
};

function provider(raw: unknown, path: string, errors: Errors): ProviderConfig | null {
  if (!isObject(raw) || typeof raw.type !== 'string' || !(PROVIDER_TYPES as readonly string[]).includes(raw.type)) {
    errors.push({ path: `${path}.type`, message: `expected an object with "type": one of ${PROVIDER_TYPES.join(', ')}` });
    return null;
  }
  const type = raw.type as ProviderType;
  for (const k of Object.keys(raw)) if (!PROVIDER_KEYS[type].includes(k)) errors.push({ path: `${path}.${k}`, message: `unknown key for ${type} (expected one of ${PROVIDER_KEYS[type].join(', ')})` });
  const keys: string[] = [];
  if (raw.keys !== undefined) {
    if (!Array.isArray(raw.keys) || !raw.keys.every((k) => typeof k === 'string' && /^[A-Z][A-Z0-9]{1,9}$/.test(k))) errors.push({ path: `${path}.keys`, message: 'expected project or team keys such as ["ABC", "OPS"] (upper case)' });
    else keys.push(...(raw.keys as string[]));
  }
  const out: ProviderConfig = {
    type,
    host: text(raw, 'host', path, errors, (s) => (HOST.test(s.toLowerCase()) ? null : 'expected a host name such as github.example.com'))?.toLowerCase() ?? null,
    apiUrl: text(raw, 'apiUrl', path, errors, url),
    baseUrl: text(raw, 'baseUrl', path, errors, url),
    repo: text(raw, 'repo', path, errors, (s) => (/^[\w.-]+(\/[\w.-]+)+$/.test(s) ? null : 'expected owner/repo or group/subgroup/project')),
    keys,
    tokenEnv: text(raw, 'tokenEnv', path, errors, (s) => (ENV_NAME.test(s) ? null : 'expected the name of an environment variable, e.g. "JIRA_TOKEN"')),
    emailEnv: text(raw, 'emailEnv', path, errors, (s) => (ENV_NAME.test(s) ? null : 'expected the name of an environment variable')),
  };
  if (type === 'jira' && !out.baseUrl) {
    errors.push({ path: `${path}.baseUrl`, message: 'required for jira: the site, e.g. "https://acme.atlassian.net"' });
    return null;
  }
  if (type === 'jira') out.host = new URL(out.baseUrl!).host.toLowerCase();
  return out;
}

function whole(raw: Record<string, unknown>, key: string, path: string, errors: Errors, min: number): number | undefined {
  const v = raw[key];
  if (v === undefined) return undefined;
  if (typeof v === 'number' && Number.isInteger(v) && v >= min) return v;
  errors.push({ path: `${path}.${key}`, message: `expected a whole number >= ${min}` });
  return undefined;
}

/** Validates `tickets` (see docs/tickets.md); errors carry key paths, bad values fall back to defaults. */
export function resolveTicketsConfig(raw: unknown, path: string, errors: Errors): TicketsConfig | undefined {
  if (!isObject(raw)) {
    errors.push({ path, message: 'expected an object' });
    return undefined;
  }
  const known = ['providers', 'closedGraceDays', 'cacheTtlSeconds', 'timeoutMs'];
  for (const k of Object.keys(raw)) if (!known.includes(k)) errors.push({ path: `${path}.${k}`, message: `unknown key (expected one of ${known.join(', ')})` });
  const out = defaultTicketsConfig();
  if (raw.providers !== undefined) {
    if (!Array.isArray(raw.providers)) errors.push({ path: `${path}.providers`, message: 'expected an array of trackers' });
    else raw.providers.forEach((p, i) => {
      const valid = provider(p, `${path}.providers[${i}]`, errors);
      if (valid) out.providers.push(valid);
    });
  }
  out.closedGraceDays = whole(raw, 'closedGraceDays', path, errors, 0) ?? out.closedGraceDays;
  out.cacheTtlSeconds = whole(raw, 'cacheTtlSeconds', path, errors, 0) ?? out.cacheTtlSeconds;
  out.timeoutMs = whole(raw, 'timeoutMs', path, errors, 1) ?? out.timeoutMs;
  return out;
}
