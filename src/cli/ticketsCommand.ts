import picomatch from 'picomatch';
import { branchLedger } from '../core/dod/branchLedger';
import { branchFacts } from '../core/git/branchFacts';
import { headCommit, originRemote } from '../core/git/remote';
import { enrichLedger } from '../core/intel/enrich';
import { localToday } from '../core/ledger/ids';
import { scanWorkspace } from '../core/scan/scanner';
import { applyLineEdits, createIssues } from '../core/tickets/createIssues';
import { DEFAULT_HTTP_POLICY } from '../core/tickets/http';
import { TrackerProblem } from '../core/tickets/model';
import { buildProviders } from '../core/tickets/registry';
import { gitProblem, loadCliConfig } from './cliConfig';
import { EXIT, UsageError, type CliIo } from './io';
import { defaultCacheFile } from './scanCommand';

export interface TicketsCreateArgs {
  dir: string | undefined;
  config: string | undefined;
  newSince: string | undefined;
  tags: string[];
  scope: string | undefined;
  write: boolean;
  dryRun: boolean;
  blame: boolean;
  cache: boolean;
}

/**
 * `debt-ledger tickets create`: one issue per unticketed marker that matches the filters, on the origin
 * remote's GitHub or GitLab (token needed). Idempotent by stable id: an issue whose body carries the id is
 * reused. Prints the marker edits; `--write` applies them. Exit 0, or 2 for usage, git or tracker problems.
 */
export async function runTicketsCreate(args: TicketsCreateArgs, io: CliIo): Promise<number> {
  const { root, config } = await loadCliConfig(io, args.dir, args.config);
  const remote = await originRemote(root);
  if (!remote) throw new UsageError('tickets create needs a git remote (origin) on GitHub or GitLab');
  const provider = buildProviders(config.tickets, io.env).find((p) => (p.type === 'github' || p.type === 'gitlab') && p.host === remote.host);
  if (!provider) throw new UsageError(`origin's host ${remote.host} is not a configured GitHub or GitLab: add it to "tickets.providers" (docs/tickets.md)`);
  if (!provider.authenticated && !args.dryRun) throw new UsageError(`tickets create needs a token: set ${provider.type === 'github' ? 'GITHUB_TOKEN or GH_TOKEN' : 'GITLAB_TOKEN'}${provider.config.tokenEnv ? ` (or ${provider.config.tokenEnv})` : ''}`);
  const result = await scanWorkspace({ root, config, useGit: true, cacheFile: args.cache ? defaultCacheFile(root, io.env) : null });
  if (args.blame && result.listedWith === 'git') {
    await enrichLedger(result.items, { root, config, today: localToday(), useGit: true, blameCacheFile: args.cache ? defaultCacheFile(root, io.env).replace(/\.json$/, '.blame.json') : null });
  }
  let items = result.items.filter((i) => i.kind === 'marker' && i.ticket === null);
  if (args.newSince) {
    const facts = await branchFacts(root, { base: args.newSince, includeUncommitted: true }).catch(gitProblem);
    const added = new Set((await branchLedger(root, config, facts, { current: result })).added.map((i) => i.id));
    items = items.filter((i) => added.has(i.id));
  }
  if (args.tags.length > 0) {
    const tags = new Set(args.tags.map((t) => t.toUpperCase()));
    items = items.filter((i) => tags.has(i.tag.toUpperCase()));
  }
  if (args.scope) {
    const inScope = picomatch(args.scope, { dot: true });
    items = items.filter((i) => inScope(i.file));
  }
  if (items.length === 0) {
    io.stdout('No unticketed markers match.\n');
    return EXIT.ok;
  }
  const repo = provider.config.repo ?? remote.path;
  let plans;
  try {
    plans = await createIssues(items, { root, provider, forge: provider.type as 'github' | 'gitlab', remote, repo, commit: await headCommit(root), dryRun: args.dryRun, policy: { ...DEFAULT_HTTP_POLICY, timeoutMs: config.tickets.timeoutMs } });
  } catch (err) {
    if (err instanceof TrackerProblem) throw new UsageError(err.message);
    throw err;
  }
  for (const p of plans) {
    io.stdout(`${p.action}${p.issue ? ` #${p.issue.number} ${p.issue.url}` : ''}  ${p.item.file}:${p.item.line}  ${p.item.tag}: ${p.item.text}\n`);
    if (p.edit) io.stdout(`  - ${p.edit.before.trim()}\n  + ${p.edit.after.trim()}\n`);
  }
  const edits = plans.flatMap((p) => (p.edit ? [p.edit] : []));
  if (args.write) {
    const applied = await applyLineEdits(root, edits);
    io.stdout(`${applied.length} marker(s) updated${applied.length < edits.length ? ` (${edits.length - applied.length} changed since the scan, left alone)` : ''}.\n`);
  } else if (edits.length > 0) {
    io.stdout(`${edits.length} marker edit(s) not applied: run again with --write to apply them.\n`);
  }
  const counts = ['created', 'found', 'would create'].map((a) => `${plans.filter((p) => p.action === a).length} ${a}`).join(', ');
  io.stderr(`debt-ledger: ${counts} on ${provider.type} ${repo}\n`);
  return EXIT.ok;
}
