import type { DebtLedgerConfig } from '../config/config';
import { defaultBranch } from '../git/branchFacts';
import type { Scope } from '../scope/model';
import { gitExec } from '../git/gitExec';
import { trend, type TrendPoint } from './trend';

/** The trend of the checked-out branch with its base's trend as a reference, as the dashboard draws them. */
export interface BranchTrend {
  /** The branch name, or `detached at <sha>`. */
  branch: string;
  points: TrendPoint[];
  /** The base (`definitionOfDone.base`, else origin's default, main or master); null when HEAD is on it or there is none. */
  base: string | null;
  reference: TrendPoint[];
}

async function revParse(root: string, args: string[]): Promise<string | null> {
  const r = await gitExec(root, args);
  return r.code === 0 && r.stdout.trim() ? r.stdout.trim() : null;
}

/**
 * The trend of HEAD (what the dashboard's totals describe) and of the base branch over the same period.
 * The two run one after the other on the same cache file (commits they share are scanned once, and the
 * second read sees what the first wrote). No reference when HEAD is the base, or the base is not there.
 */
export async function branchTrend(root: string, config: DebtLedgerConfig, options: { sinceMs: number; points: number; cacheFile: string | null; now?: Date; onNote?: (text: string) => void; scopes?: readonly Scope[] }): Promise<BranchTrend> {
  const points = await trend(root, config, { ...options, ref: 'HEAD' });
  const head = await revParse(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  const name = await revParse(root, ['symbolic-ref', '--quiet', '--short', 'HEAD']);
  const branch = name ?? `detached at ${(head ?? '').slice(0, 7)}`;
  const wanted = config.definitionOfDone?.base ?? (await defaultBranch(root));
  let base: string | null = null;
  let reference: TrendPoint[] = [];
  if (wanted && wanted !== name && wanted !== `origin/${name ?? ''}`) {
    try {
      reference = await trend(root, config, { ...options, ref: wanted });
      base = wanted;
    } catch (err) {
      options.onNote?.(`the trend of ${wanted} (the reference line) is not available: ${(err as Error).message}`);
    }
  }
  return { branch, points, base, reference };
}
