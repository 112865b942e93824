import { parseArgs } from 'node:util';
import { TOOL_VERSION } from '../core/version';
import { FORMATTERS } from './formatters';
import { EXIT, UsageError, type CliIo } from './io';
import { reportError } from './errors';
import { runDod, runSignoff } from './dodCommand';
import { runBaselineUpdate } from './baselineCommand';
import { runScan } from './scanCommand';
import { runTrend } from './trendCommand';
import { runTicketsCreate } from './ticketsCommand';
import { runInit } from './initCommand';
import { CLI_OPTIONS } from './options';
import { runMerge } from './mergeCommand';

export const HELP = `debt-ledger ${TOOL_VERSION}: a technical-debt ledger: markers in every language by syntax, resilience gaps in TS/JS, Definition of Done

Usage:
  debt-ledger scan [dir] [options]     print the ledger of a folder (default: .)
  debt-ledger dod [dir] [options]      check the branch against the Definition of Done
  debt-ledger signoff <item> [dir]     sign off a manual item on HEAD (--revoke to take it back)
  debt-ledger baseline update [dir]    accept today's items as the baseline (--allow-growth --reason to grow it)
  debt-ledger trend [dir]              debt per kind over the main branch's history
  debt-ledger tickets create [dir]     open an issue per unticketed marker (GitHub/GitLab, token; docs/tickets.md)
  debt-ledger init [dir]               write a commented .debtledger.json (Definition of Done for the layout found)
  debt-ledger merge <a.json> <b.json>... [--format X]   one ledger from JSON ledgers (e.g. shards)
  debt-ledger --help | --version

Options for scan:
  -f, --format <fmt>     output format (default: table):
${FORMATTERS.map((f) => `                           ${f.name.padEnd(9)} ${f.summary}`).join('\n')}
      --max-items <n>    markdown: rows at most; github: annotations per level at most
  -c, --config <file>    configuration file (default: <dir>/.debtledger.json)
      --fail-on <expr>   exit 1 when a condition holds; comma-separated, e.g.
                         overdue | unticketed | closed-ticket | FIXME | count>50 | suppression>=10 | no-reason
  -o, --output <file>    write the report to a file instead of stdout
      --no-cache         do not read or write the content cache
      --no-git           list files by walking the folder instead of asking git
      --no-blame         skip git blame (age, interest by age)
      --write-commit-graph  write a commit-graph with Bloom filters first (blame ~4x faster; fine in CI)
      --sort <key>       file (default) | interest (costliest first, with hotspots) | age (oldest first)
      --new-since <ref>  only items new since the merge base with <ref> (moved code is not new)
      --baseline         only items not in the baseline (.debtledger-baseline.json); fails when any
      --baseline-file <f> another baseline file (scan and baseline update)
      --tickets          ask the trackers for each ticket's state (open/closed/missing/unknown; docs/tickets.md)
      --scope <list>     only these scopes: source, test, example, generated, vendored, tooling, or all
                         (default: all listed, generated/vendored not counted; hotspots and --sort interest: source)
      --package <name>   only items of this monorepo package (name or folder)
      --shard <i/n>      only slice i of n (by a hash of each path): run n jobs, then merge their JSON

Options for dod:
      --base <ref>            base branch (default: definitionOfDone.base, origin's default, main, master)
  -f, --format <fmt>          table | json | markdown | sarif (default: table)
      --require-signoffs      manual items must be signed off on HEAD
      --include-uncommitted   count uncommitted changes (CI leaves this off)
Options for tickets create: --new-since <ref>, --tag <TAG> (repeatable), --scope <glob>, --dry-run (create nothing),
                   --write (apply the marker edits, e.g. TODO: x -> TODO(#812): x)
  -o, --output <file>         write the report to a file instead of stdout
Options for signoff: --comment <text>, --revoke
Options for trend: --since <n.unit> (e.g. 6.months, 90.days; default 6.months), --points <n> (default 12),
                   --ref <branch> (default: origin's default branch, main, master),
                   -f table | json | csv

      --debug            print the stack trace of an internal error (for bug reports)

Exit codes: 0 ok / done, 1 --fail-on tripped / not done, 2 usage, configuration or git error.
`;

/** Runs the CLI; returns the exit code. Never calls process.exit, so tests can drive it. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: CLI_OPTIONS,
    });
    if (values.help) {
      io.stdout(HELP);
      return EXIT.ok;
    }
    if (values.version) {
      io.stdout(`${TOOL_VERSION}\n`);
      return EXIT.ok;
    }
    const [command = 'scan', ...rest] = positionals;
    if (command === 'dod') {
      if (rest.length > 1) throw new UsageError(`dod takes one folder, got ${rest.length}: ${rest.join(' ')}`);
      return await runDod({ dir: rest[0], config: values.config, base: values.base, format: values.format, requireSignoffs: !!values['require-signoffs'], includeUncommitted: !!values['include-uncommitted'], output: values.output }, io);
    }
    if (command === 'baseline') {
      if (rest[0] !== 'update') throw new UsageError('usage: debt-ledger baseline update [dir] [--allow-growth --reason "why"]');
      return await runBaselineUpdate({ dir: rest[1], config: values.config, file: values['baseline-file'], allowGrowth: !!values['allow-growth'], reason: values.reason ?? null, git: !values['no-git'] }, io);
    }
    if (command === 'tickets') {
      if (rest[0] !== 'create' || rest.length > 2) throw new UsageError('usage: debt-ledger tickets create [dir] [--new-since <ref>] [--tag <TAG>]... [--scope <glob>] [--dry-run] [--write]');
      return await runTicketsCreate({ dir: rest[1], config: values.config, newSince: values['new-since'], tags: values.tag ?? [], scope: values.scope, write: !!values.write, dryRun: !!values['dry-run'], blame: !values['no-blame'], cache: !values['no-cache'] }, io);
    }
    if (command === 'trend') return await runTrend({ dir: rest[0], config: values.config, since: values.since, points: values.points, format: values.format, ref: values.ref }, io);
    if (command === 'init') return await runInit({ dir: rest[0] }, io);
    if (command === 'signoff') return await runSignoff({ item: rest[0], dir: rest[1], config: values.config, comment: values.comment, revoke: !!values.revoke }, io);
    if (command === 'merge') return await runMerge({ files: rest, format: values.format, output: values.output, failOn: values['fail-on'] }, io);
    if (command !== 'scan') throw new UsageError(`unknown command "${command}" (try: debt-ledger scan [dir], dod, signoff, baseline, trend, init, merge, tickets, or --help)`);
    if (rest.length > 1) throw new UsageError(`scan takes one folder, got ${rest.length}: ${rest.join(' ')}`);
    return await runScan({
      dir: rest[0],
      format: values.format,
      config: values.config,
      failOn: values['fail-on'],
      output: values.output,
      cache: !values['no-cache'],
      git: !values['no-git'],
      sort: values.sort,
      blame: !values['no-blame'],
      writeCommitGraph: !!values['write-commit-graph'],
      newSince: values['new-since'],
      maxItems: values['max-items'],
      tickets: !!values.tickets,
      baseline: values.baseline || values['baseline-file'] !== undefined ? values['baseline-file'] ?? '' : undefined,
      scope: values.scope,
      package: values.package,
      shard: values.shard,
    }, io);
  } catch (err) {
    const report = reportError(err, argv.includes('--debug'));
    io.stderr(report.text);
    return report.code;
  }
}
