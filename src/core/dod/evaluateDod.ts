import picomatch from 'picomatch';
import type { DebtLedgerConfig } from '../config/config';
import { branchFacts, changedBetween, GitFactsError, type BranchFacts } from '../git/branchFacts';
import { branchLedger } from './branchLedger';
import { evaluateCheck, plural } from './checks/automatedChecks';
import { runCommandCheck } from './checks/runCommandCheck';
import { closedTicketCheck, type TicketStateSource } from '../tickets/closedTicketCheck';
import { commandRunKey, type CommandRunCache, type CommandRunMode } from './commandRuns';
import type { DodItem, DodItemResult, DodResult, Evidence, Signoff } from './model';
import { mayAct, readSignoffs } from './signoffs';

export interface EvaluateDodOptions {
  root: string;
  config: DebtLedgerConfig;
  /** Overrides `definitionOfDone.base`. */
  base?: string | null;
  /** Count uncommitted changes (the editor's toggle); CI leaves this off. */
  includeUncommitted: boolean;
  /** `command` checks run only in the CLI or a trusted workspace. */
  allowCommands: boolean;
  /** Manual items must be signed off on HEAD for the branch to be done. */
  requireSignoffs: boolean;
  signal?: AbortSignal;
  /** Unsaved editor buffers, by path relative to root. */
  overrides?: ReadonlyMap<string, string>;
  /** Content cache for the scan of the work tree (the editor keeps one per workspace). */
  cacheFile?: string | null;
  /** Asks the trackers for the state of these items' tickets (sets `ticketState`); absent = not allowed here. */
  tickets?: TicketStateSource;
  /** When `command` checks run (default `force`: always, as in the CLI) and where their results are kept. */
  commandRuns?: { mode: CommandRunMode; cache: CommandRunCache };
}

async function manualResult(item: DodItem, all: Signoff[], facts: BranchFacts): Promise<Pick<DodItemResult, 'state' | 'evidence' | 'signoffs'>> {
  const evidence: Evidence[] = [];
  const bySigner = new Map<string, Signoff>();
  for (const s of all.filter((x) => x.item === item.id)) {
    if (!mayAct(item, s)) {
      evidence.push({ text: `ignored: ${s.name} <${s.email}> is not in who (${item.who.join(', ')})`, commit: s.commit });
      continue;
    }
    if (s.action === 'revoke') bySigner.delete(s.email.toLowerCase());
    else bySigner.set(s.email.toLowerCase(), s);
  }
  const signoffs = [...bySigner.values()].sort((a, b) => b.at.localeCompare(a.at)).map((s) => ({ ...s, stale: s.commit !== facts.head }));
  for (const s of signoffs) {
    if (!s.stale) evidence.push({ text: `signed off by ${s.name} <${s.email}> on ${s.commit.slice(0, 7)}${s.comment ? `: ${s.comment}` : ''}`, commit: s.commit });
    else {
      const since = facts.commits.slice(facts.commits.findIndex((c) => c.sha === s.commit) + 1);
      const files = await changedBetween(facts.top, s.commit, facts.head).catch(() => []);
      evidence.push({ text: `stale: ${s.name} signed off on ${s.commit.slice(0, 7)}; since then ${plural(since.length, 'commit')} changed ${plural(files.length, 'file')}${files.length ? `: ${files.slice(0, 5).join(', ')}${files.length > 5 ? '…' : ''}` : ''}`, commit: s.commit });
    }
  }
  const state = signoffs.some((s) => !s.stale) ? 'pass' : signoffs.length > 0 ? 'stale' : 'pending';
  if (state === 'pending') evidence.push({ text: item.who.length ? `waiting for a sign-off by ${item.who.join(', ')}` : 'waiting for a sign-off' });
  return { state, evidence, signoffs };
}

/**
 * Checks the current branch against the repo's Definition of Done: each item pass / fail / pending /
 * stale / n/a with evidence. `done` needs every automated item to pass (or not apply) and, with
 * `requireSignoffs`, every manual item signed off on HEAD. Throws GitFactsError for git problems.
 */
export async function evaluateDod(options: EvaluateDodOptions): Promise<DodResult> {
  const dod = options.config.definitionOfDone;
  if (!dod) throw new GitFactsError('no definitionOfDone in .debtledger.json', 'add a "definitionOfDone" section (see README, "Definition of done")');
  const facts = await branchFacts(options.root, { base: options.base ?? dod.base, includeUncommitted: options.includeUncommitted });
  const ledger = await branchLedger(options.root, options.config, facts, { useCache: options.cacheFile ?? null, ...(options.overrides ? { overrides: options.overrides } : {}) });
  const signoffs = await readSignoffs(facts.top, [...new Set([...facts.commits.map((c) => c.sha), facts.head])]);
  const items: DodItemResult[] = [];
  for (const item of dod.items) {
    options.signal?.throwIfAborted();
    const base = { id: item.id, title: item.title, signoffs: [] as DodItemResult['signoffs'] };
    const applies = picomatch(item.when.length > 0 ? item.when : ['**'], { dot: true });
    if (item.when.length > 0 && !ledger.changedFiles.some((f) => applies(f))) {
      items.push({ ...base, state: 'n/a', evidence: [{ text: `applies only when ${item.when.join(', ')} change` }] });
    } else if (item.manual) {
      items.push({ ...base, ...(await manualResult(item, signoffs, facts)) });
    } else if (item.check?.type === 'command') {
      if (!options.allowCommands) items.push({ ...base, state: 'pending', evidence: [{ text: 'commands run only in the CLI or a trusted workspace' }] });
      else {
        const policy = options.commandRuns;
        const key = policy ? commandRunKey(facts, item.check.command, options.overrides, options.root) : '';
        const cached = policy?.cache.get(key);
        if (cached && policy!.mode !== 'force') {
          items.push({ ...base, state: cached.pass ? 'pass' : 'fail', evidence: [...cached.evidence, { text: 'result of the last run for this HEAD and these changes' }] });
        } else if (policy?.mode === 'cached-only') {
          items.push({ ...base, state: 'pending', evidence: [{ text: `${item.check.command.join(' ')}: not run for these changes yet (runs on Re-check, commit or branch switch)` }] });
        } else {
          const run = await runCommandCheck(options.root, item.check.command, item.check.timeoutMs, options.signal);
          if (policy && !options.signal?.aborted) policy.cache.set(key, run);
          items.push({ ...base, state: run.pass ? 'pass' : 'fail', evidence: run.evidence });
        }
      }
    } else if (item.check?.type === 'noClosedTicketDebt') {
      items.push({ ...base, ...(await closedTicketCheck(item.check.closedGraceDays ?? options.config.tickets.closedGraceDays, ledger, options.tickets)) });
    } else if (item.check) {
      items.push({ ...base, ...evaluateCheck(item.check, facts, ledger) });
    }
  }
  const ok = (r: DodItemResult, manual: boolean): boolean => r.state === 'pass' || r.state === 'n/a' || (manual && !options.requireSignoffs);
  const done = items.every((r, i) => ok(r, dod.items[i]!.manual));
  return { version: 1, branch: facts.branch, base: facts.base, mergeBase: facts.mergeBase, head: facts.head, done, items };
}
