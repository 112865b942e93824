import * as path from 'node:path';
import { printParseErrorCode } from 'jsonc-parser';
import { parseJsonc } from './jsoncValue';
import { readTextSafe } from '../fs/safeFs';
import { LineIndex } from '../scan/lineIndex';
import { CONFIG_FILE_NAME, type DebtLedgerConfig } from './config';
import { resolveLayers, type LayeredError } from './layers';
import { resolveConfig, type ConfigError, type ResolvedConfig } from './resolveConfig';
import { noteRead } from '../fs/readTrail';

export interface LoadedConfig extends ResolvedConfig {
  /** Absolute path of the file read, or null when none exists and defaults apply. */
  file: string | null;
}

/**
 * Parses configuration text (JSON with comments and trailing commas, as VS Code's own settings files).
 * A syntax error comes back as one error whose path is `line:column`.
 */
export function parseConfigText(text: string): ResolvedConfig {
  const parsed = parseJsonc(text);
  if (!parsed.ok) {
    // Only the first: after one syntax error the rest are mostly its echoes.
    const first = parsed.parseErrors?.[0];
    const at = new LineIndex(text).position(parsed.offset);
    const errors: ConfigError[] = [{ path: `${at.line}:${at.column}`, message: first ? `invalid JSON: ${printParseErrorCode(first.error)}` : parsed.message }];
    return { config: resolveConfig(undefined).config, errors };
  }
  return resolveConfig(parsed.value);
}

/**
 * Reads `.debtledger.json` at `root` (or an explicit file). A missing default file means defaults;
 * a missing explicit file is an error.
 */
export async function loadConfig(root: string, explicitFile?: string): Promise<LoadedConfig> {
  const file = explicitFile ? path.resolve(explicitFile) : path.join(root, CONFIG_FILE_NAME);
  noteRead(file);
  const read = await readConfigFile(file, explicitFile ? undefined : root);
  if (!read.ok) {
    if (read.refusal === 'missing' && !explicitFile) return { ...resolveConfig(undefined), file: null };
    return { ...resolveConfig(undefined), file, errors: [{ path: '', message: read.refusal === 'missing' ? 'file not found' : read.reason }] };
  }
  return { ...parseConfigText(read.text), file };
}

/** The most a configuration file may weigh. */
export const MAX_CONFIG_FILE = 1024 * 1024;

/**
 * Reads a configuration file as any workspace file (regular, capped, never a FIFO; inside the root when
 * `root` is given), decoding a BOM. Refusals come back as one-line reasons.
 */
async function readConfigFile(file: string, root: string | undefined): Promise<{ ok: true; text: string } | { ok: false; refusal: string; reason: string }> {
  const read = await readTextSafe(file, { maxBytes: MAX_CONFIG_FILE, ...(root !== undefined ? { root } : {}) });
  if (read.ok || read.refusal === 'missing') return read;
  return { ok: false, refusal: read.refusal, reason: read.reason.startsWith('cannot read') ? read.reason : `cannot read: ${read.reason}` };
}

export interface LayeredConfig {
  config: DebtLedgerConfig;
  errors: LayeredError[];
  /** Absolute path of the repo file, or null when it does not exist. */
  file: string | null;
  /** The repo file's text, for locating errors in it. */
  text: string | null;
}

/**
 * Configuration as the editor sees it: explicitly set editor settings, then `.debtledger.json`
 * (the team's file wins). A syntax error in the file is reported and the file layer dropped.
 */
export async function loadLayeredConfig(root: string, settings: unknown): Promise<LayeredConfig> {
  const file = path.join(root, CONFIG_FILE_NAME);
  let text: string | null = null;
  const read = await readConfigFile(file, root);
  if (read.ok) text = read.text;
  else if (read.refusal !== 'missing') {
    const resolved = resolveLayers([{ source: 'settings', raw: settings }]);
    return { ...resolved, errors: [...resolved.errors, { source: CONFIG_FILE_NAME, path: '', message: read.reason }], file, text: null };
  }
  if (text === null) return { ...resolveLayers([{ source: 'settings', raw: settings }]), file: null, text: null };
  const parsed = parseJsonc(text);
  const raw = parsed.ok ? parsed.value : undefined;
  if (!parsed.ok) {
    const syntax = parseConfigText(text).errors.map((e) => ({ ...e, source: CONFIG_FILE_NAME }));
    const resolved = resolveLayers([{ source: 'settings', raw: settings }]);
    return { config: resolved.config, errors: [...resolved.errors, ...syntax], file, text };
  }
  return { ...resolveLayers([{ source: 'settings', raw: settings }, { source: CONFIG_FILE_NAME, raw }]), file, text };
}
