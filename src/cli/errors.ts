import { SafeFsError } from '../core/fs/safeFs';
import { GitFactsError } from '../core/git/branchFacts';
import { GitNotFoundError } from '../core/git/gitGuards';
import { BaselineError } from '../core/intel/baseline';
import { EXIT, UsageError } from './io';

/** File-system error codes that mean "this path the user gave is not usable", not "the tool is broken". */
const USER_FS_CODES = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'ELOOP', 'ENAMETOOLONG', 'EEXIST']);

/**
 * What the top-level handler prints for an error, and the exit code. A user's problem (usage,
 * configuration, git, a path that cannot be read or written) is one line, never a stack; anything else
 * is a bug: one "please report" line, with the stack only under `--debug`.
 */
export function reportError(err: unknown, debug: boolean): { text: string; code: number } {
  const e = err as Error & { code?: string; path?: string; hint?: string };
  const firstLine = (s: string): string => s.split('\n')[0] ?? s;
  if (err instanceof UsageError || (typeof e?.code === 'string' && e.code.startsWith('ERR_PARSE_ARGS'))) return { text: `debt-ledger: ${e.message}\n`, code: EXIT.usage };
  if (err instanceof GitFactsError) return { text: `debt-ledger: ${firstLine(e.message)}; ${e.hint}\n`, code: EXIT.usage };
  if (err instanceof GitNotFoundError || err instanceof SafeFsError || err instanceof BaselineError) return { text: `debt-ledger: ${firstLine(e.message)}\n`, code: EXIT.usage };
  if (typeof e?.code === 'string' && USER_FS_CODES.has(e.code)) return { text: `debt-ledger: ${firstLine(e.message)}\n`, code: EXIT.usage };
  const detail = debug ? `\n${e?.stack ?? String(err)}` : ' (run with --debug for details)';
  return { text: `debt-ledger: internal error: ${firstLine(e?.message ?? String(err))}. This is a bug; please report it with the command you ran.${detail}\n`, code: EXIT.usage };
}
