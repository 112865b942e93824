/** Automated checks a Definition of Done item can run. */
export type CheckConfig =
  | { type: 'testsChanged'; source: string[]; tests: string[] }
  | { type: 'filesChanged'; when: string[]; require: string[] }
  | { type: 'noNewUnticketedDebt' }
  | { type: 'noNewResilienceGaps' }
  | { type: 'debtBudget'; max: number }
  | { type: 'noOverdueDebtTouched' }
  | { type: 'maxDiffSize'; maxLines: number | null; maxFiles: number | null }
  | { type: 'commitMessages'; pattern: string }
  | { type: 'command'; command: string[]; timeoutMs: number }
  | { type: 'noClosedTicketDebt'; closedGraceDays: number | null };

export const CHECK_TYPES = ['testsChanged', 'filesChanged', 'noNewUnticketedDebt', 'noNewResilienceGaps', 'debtBudget', 'noOverdueDebtTouched', 'maxDiffSize', 'commitMessages', 'command', 'noClosedTicketDebt'] as const;

/** One line of the checklist: automated (`check`) or signed off by people (`manual`). */
export interface DodItem {
  id: string;
  title: string;
  description: string | null;
  check: CheckConfig | null;
  manual: boolean;
  /** Who may sign off: names, emails or `@handles`; empty = anyone. */
  who: string[];
  /** Globs: the item applies only when a changed file matches one; empty = always. */
  when: string[];
}

export interface DodConfig {
  /** Base branch to compare with; null = the remote's default branch, else main, else master. */
  base: string | null;
  items: DodItem[];
}

export type DodState = 'pass' | 'fail' | 'pending' | 'stale' | 'n/a';

/** What decided an item: a file, a ledger item, a commit, or a plain line. */
export interface Evidence {
  text: string;
  file?: string;
  line?: number;
  itemId?: string;
  commit?: string;
}

/** A recorded sign-off (or revocation), stored as a git note on the commit it was given on. */
export interface Signoff {
  item: string;
  action: 'signoff' | 'revoke';
  name: string;
  email: string;
  /** ISO 8601. */
  at: string;
  commit: string;
  comment: string | null;
}

export interface DodItemResult {
  id: string;
  title: string;
  state: DodState;
  evidence: Evidence[];
  /** Sign-offs in force for the item (manual items), newest first; `stale` when given on an older commit. */
  signoffs: (Signoff & { stale: boolean })[];
}

export interface DodResult {
  version: 1;
  branch: string;
  base: string;
  mergeBase: string;
  head: string;
  done: boolean;
  items: DodItemResult[];
}
