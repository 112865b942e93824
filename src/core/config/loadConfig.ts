import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { LineIndex } from '../scan/lineIndex';
import { CONFIG_FILE_NAME, type DebtLedgerConfig } from './config';
import { resolveLayers, type LayeredError } from './layers';
import { resolveConfig, type ConfigError, type ResolvedConfig } from './resolveConfig';

export interface LoadedConfig extends ResolvedConfig {
  /** Absolute path of the file read, or null when none exists and defaults apply. */
  file: string | null;
}

/**
 * Parses configuration text (JSON with comments and trailing commas, as VS Code's own settings files).
 * A syntax error comes back as one error whose path is `line:column`.
 */
export function parseConfigText(text: string): ResolvedConfig {
  const parseErrors: ParseError[] = [];
  const raw: unknown = parse(text, parseErrors, { allowTrailingComma: true, disallowComments: false });
  if (parseErrors.length > 0) {
    // Only the first: after one syntax error the rest are mostly its echoes.
    const first = parseErrors[0]!;
    const at = new LineIndex(text).position(first.offset);
    const errors: ConfigError[] = [{ path: `${at.line}:${at.column}`, message: `invalid JSON: ${printParseErrorCode(first.error)}` }];
    return { config: resolveConfig(undefined).config, errors };
  }
  return resolveConfig(raw);
}

/**
 * Reads `.debtledger.json` at `root` (or an explicit file). A missing default file means defaults;
 * a missing explicit file is an error.
 */
export async function loadConfig(root: string, explicitFile?: string): Promise<LoadedConfig> {
  const file = explicitFile ? path.resolve(explicitFile) : path.join(root, CONFIG_FILE_NAME);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !explicitFile) return { ...resolveConfig(undefined), file: null };
    return {
      ...resolveConfig(undefined),
      file,
      errors: [{ path: '', message: code === 'ENOENT' ? 'file not found' : `cannot read: ${(err as Error).message}` }],
    };
  }
  return { ...parseConfigText(text), file };
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
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      const resolved = resolveLayers([{ source: 'settings', raw: settings }]);
      return { ...resolved, errors: [...resolved.errors, { source: CONFIG_FILE_NAME, path: '', message: `cannot read: ${(err as Error).message}` }], file, text: null };
    }
  }
  if (text === null) return { ...resolveLayers([{ source: 'settings', raw: settings }]), file: null, text: null };
  const parseErrors: ParseError[] = [];
  const raw: unknown = parse(text, parseErrors, { allowTrailingComma: true, disallowComments: false });
  if (parseErrors.length > 0) {
    const syntax = parseConfigText(text).errors.map((e) => ({ ...e, source: CONFIG_FILE_NAME }));
    const resolved = resolveLayers([{ source: 'settings', raw: settings }]);
    return { config: resolved.config, errors: [...resolved.errors, ...syntax], file, text };
  }
  return { ...resolveLayers([{ source: 'settings', raw: settings }, { source: CONFIG_FILE_NAME, raw }]), file, text };
}
