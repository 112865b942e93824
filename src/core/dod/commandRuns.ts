import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { BranchFacts } from '../git/branchFacts';
import type { Evidence } from './model';
import { realRoot } from '../fs/safeFs';

/**
 * When `command` checks run: `force` (an explicit Re-check, the CLI), `run` (commits and branch switches:
 * runs unless a result for the same HEAD and changed content is cached), `cached-only` (a save: never
 * starts a process; reuses a cached result or reports the check as not run yet).
 */
export type CommandRunMode = 'force' | 'run' | 'cached-only';

/** What starts a Definition of Done evaluation in the editor. */
export type DodTrigger = 'recheck' | 'git' | 'save' | 'config';

/** The editor's policy: a save never starts `npm test`; a commit, a branch switch or Re-check may. */
export function commandRunMode(trigger: DodTrigger): CommandRunMode {
  return trigger === 'recheck' ? 'force' : trigger === 'git' ? 'run' : 'cached-only';
}

export interface CachedRun {
  pass: boolean;
  evidence: Evidence[];
}

/** Results of command checks by key (HEAD + command + content of the changed files); in memory, bounded. */
export class CommandRunCache {
  private readonly runs = new Map<string, CachedRun>();

  get(key: string): CachedRun | undefined {
    return this.runs.get(key);
  }

  set(key: string, run: CachedRun): void {
    this.runs.delete(key);
    this.runs.set(key, run);
    while (this.runs.size > 50) this.runs.delete(this.runs.keys().next().value!);
  }
}

/**
 * The key a command check's result is valid for: HEAD, the command, and the content (size, mtime, then
 * bytes up to 1 MiB) of every changed file in the work tree, so editing any of them makes it stale.
 */
export function commandRunKey(facts: BranchFacts, command: readonly string[], overrides?: ReadonlyMap<string, string>, root?: string): string {
  const hash = createHash('sha1').update(`${facts.head}\0${JSON.stringify(command)}\0${facts.includesUncommitted}\0`);
  for (const c of [...facts.changed].sort((a, b) => a.path.localeCompare(b.path))) {
    hash.update(`${c.status}\0${c.path}\0`);
    const rel = root ? path.relative(realRoot(root), path.join(facts.top, c.path)).split(path.sep).join('/') : c.path;
    const buffer = overrides?.get(rel);
    if (buffer !== undefined) {
      hash.update(buffer);
      continue;
    }
    try {
      const abs = path.join(facts.top, c.path);
      const stat = statSync(abs);
      hash.update(stat.isFile() && stat.size <= 1024 * 1024 ? readFileSync(abs) : `${stat.size}:${stat.mtimeMs}`);
    } catch {
      hash.update('missing');
    }
  }
  return hash.digest('hex');
}
