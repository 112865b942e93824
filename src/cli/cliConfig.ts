import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { DebtLedgerConfig } from '../core/config/config';
import { loadConfig } from '../core/config/loadConfig';
import { formatConfigErrors } from '../core/config/resolveConfig';
import { SafeFsError, writeFileAtomic } from '../core/fs/safeFs';
import { GitFactsError } from '../core/git/branchFacts';
import { UsageError, type CliIo } from './io';

/**
 * The folder a command works on and its configuration, as every command reads them: the folder must
 * exist; an invalid `.debtledger.json` (or `--config` file) is a usage error naming the file and keys.
 */
export async function loadCliConfig(io: CliIo, dir: string | undefined, configFile: string | undefined): Promise<{ root: string; config: DebtLedgerConfig }> {
  const root = path.resolve(io.cwd, dir ?? '.');
  if (!(await fs.stat(root).catch(() => null))?.isDirectory()) throw new UsageError(`${dir ?? root} is not a folder`);
  const loaded = await loadConfig(root, configFile && path.resolve(io.cwd, configFile));
  if (loaded.errors.length > 0) {
    const source = loaded.file ? path.relative(io.cwd, loaded.file) || loaded.file : '.debtledger.json';
    throw new UsageError(`invalid configuration:\n${formatConfigErrors(loaded.errors, source)}`);
  }
  return { root, config: loaded.config };
}

/** Turns a git problem into the one-line usage error (exit 2) with what to do; rethrows anything else. */
export function gitProblem(err: unknown): never {
  if (err instanceof GitFactsError) throw new UsageError(`${err.message}; ${err.hint}`);
  throw err;
}

/**
 * Writes a report given with `-o`: temp file + rename, the folder created when missing; a target that is
 * a folder, or a symlink out of its folder, is a one-line error.
 */
export async function writeOutput(io: CliIo, output: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(path.resolve(io.cwd, output), text, { createDir: true });
    io.warm?.onOutputFile?.(path.resolve(io.cwd, output), text);
  } catch (err) {
    if (err instanceof SafeFsError) throw new UsageError(err.message.replace(path.resolve(io.cwd, output), output));
    throw err;
  }
}
