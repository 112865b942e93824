import { compileUserRegex } from '../../config/configGuards';
import picomatch from 'picomatch';
import type { BranchFacts } from '../../git/branchFacts';
import { ruleDocById } from '../../resilience/ruleDocs';
import type { LedgerItem } from '../../model';
import type { BranchLedger } from '../branchLedger';
import type { CheckConfig, DodState, Evidence } from '../model';

export interface CheckOutcome {
  state: DodState;
  evidence: Evidence[];
}

const itemEvidence = (i: LedgerItem): Evidence => ({
  text: i.kind === 'resilience' ? `${ruleDocById(i.tag)?.title ?? i.tag} (${i.client})` : `${i.tag}: ${i.text || '(no text)'}`,
  file: i.file, line: i.line, itemId: i.id,
});
const fileEvidence = (f: string): Evidence => ({ text: f, file: f });
const match = (globs: string[]): ((f: string) => boolean) => (globs.length === 0 ? () => false : picomatch(globs, { dot: true }));

/** Evaluates one automated check (all but `command`, which runs a process: see runCommandCheck). */
export function evaluateCheck(check: Exclude<CheckConfig, { type: 'command' | 'noClosedTicketDebt' }>, facts: BranchFacts, ledger: BranchLedger): CheckOutcome {
  const changed = ledger.changedFiles;
  switch (check.type) {
    case 'testsChanged': {
      const isTest = match(check.tests);
      const isSource = match(check.source);
      const sources = changed.filter((f) => isSource(f) && !isTest(f));
      const tests = changed.filter(isTest);
      if (sources.length === 0) return { state: 'n/a', evidence: [{ text: 'no source files changed' }] };
      return tests.length > 0
        ? { state: 'pass', evidence: tests.map(fileEvidence) }
        : { state: 'fail', evidence: [{ text: `${plural(sources.length, 'source file')} changed without a test change` }, ...sources.map(fileEvidence)] };
    }
    case 'filesChanged': {
      const triggered = changed.filter(match(check.when));
      if (triggered.length === 0) return { state: 'n/a', evidence: [{ text: `no changes matching ${check.when.join(', ')}` }] };
      const required = changed.filter(match(check.require));
      return required.length > 0
        ? { state: 'pass', evidence: required.map(fileEvidence) }
        : { state: 'fail', evidence: [{ text: `changes to ${plural(triggered.length, 'file')} need one of: ${check.require.join(', ')}` }, ...triggered.slice(0, 10).map(fileEvidence)] };
    }
    case 'noNewUnticketedDebt': {
      const markers = ledger.added.filter((i) => i.kind === 'marker');
      const bad = markers.filter((i) => i.ticket === null || i.owner === null);
      if (markers.length === 0) return { state: 'pass', evidence: [{ text: 'no new debt markers' }] };
      return bad.length === 0 ? { state: 'pass', evidence: markers.map(itemEvidence) } : { state: 'fail', evidence: bad.map((i) => ({ ...itemEvidence(i), text: `${itemEvidence(i).text} (missing ${[i.owner ? null : 'owner', i.ticket ? null : 'ticket'].filter(Boolean).join(' and ')})` })) };
    }
    case 'noNewResilienceGaps': {
      const gaps = ledger.added.filter((i) => i.kind === 'resilience');
      return gaps.length === 0 ? { state: 'pass', evidence: [{ text: 'no new resilience gaps' }] } : { state: 'fail', evidence: gaps.map((i) => ({ ...itemEvidence(i), text: `${ruleDocById(i.tag)?.title ?? i.tag} (${i.client})` })) };
    }
    case 'debtBudget': {
      const net = ledger.added.length - ledger.removed.length;
      const line = { text: `net ${net >= 0 ? '+' : ''}${net} (added ${ledger.added.length}, paid down ${ledger.removed.length}); budget ${check.max}` };
      return { state: net <= check.max ? 'pass' : 'fail', evidence: [line, ...ledger.added.slice(0, 20).map(itemEvidence)] };
    }
    case 'noOverdueDebtTouched': {
      const touched = new Set(changed);
      const overdue = ledger.current.filter((i) => i.overdue && touched.has(i.file));
      return overdue.length === 0 ? { state: 'pass', evidence: [{ text: 'no overdue items in changed files' }] } : { state: 'fail', evidence: overdue.map(itemEvidence) };
    }
    case 'maxDiffSize': {
      const lines = facts.linesAdded + facts.linesDeleted;
      const files = facts.changed.length;
      const over = [check.maxLines !== null && lines > check.maxLines ? `${lines} lines changed > ${check.maxLines}` : null, check.maxFiles !== null && files > check.maxFiles ? `${files} files changed > ${check.maxFiles}` : null].filter((x): x is string => x !== null);
      return { state: over.length === 0 ? 'pass' : 'fail', evidence: over.length > 0 ? over.map((text) => ({ text })) : [{ text: `${plural(lines, 'line')} in ${plural(files, 'file')}` }] };
    }
    case 'commitMessages': {
      if (facts.commits.length === 0) return { state: 'n/a', evidence: [{ text: 'no commits on the branch yet' }] };
      const compiled = compileUserRegex(check.pattern);
      if (!compiled.ok) return { state: 'fail', evidence: [{ text: compiled.message }] };
      const re = compiled.regex;
      const bad = facts.commits.filter((c) => !re.test(c.subject));
      return bad.length === 0 ? { state: 'pass', evidence: [{ text: `${plural(facts.commits.length, 'commit')} match /${check.pattern}/` }] } : { state: 'fail', evidence: bad.map((c) => ({ text: `${c.sha.slice(0, 7)} ${c.subject}`, commit: c.sha })) };
    }
  }
}

/** `1 file`, `2 files`. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
