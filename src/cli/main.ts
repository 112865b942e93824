import { parseArgs } from 'node:util';
import { TOOL_VERSION } from '../core/version';
import { FORMATS } from './formatters';
import { EXIT, UsageError, type CliIo } from './io';
import { runScan } from './scanCommand';

export const HELP = `debt-ledger ${TOOL_VERSION}: a technical-debt ledger for TypeScript and JavaScript

Usage:
  debt-ledger scan [dir] [options]     print the ledger of a folder (default: .)
  debt-ledger --help | --version

Options for scan:
  -f, --format <fmt>     ${FORMATS.join(' | ')} (default: table)
  -c, --config <file>    configuration file (default: <dir>/.debtledger.json)
      --fail-on <expr>   exit 1 when a condition holds; comma-separated, e.g.
                         overdue | unticketed | FIXME | count>50 | suppression>=10
  -o, --output <file>    write the report to a file instead of stdout
      --no-cache         do not read or write the content cache
      --no-git           list files by walking the folder instead of asking git

Exit codes: 0 ok, 1 --fail-on tripped, 2 usage or configuration error.
`;

/** Runs the CLI; returns the exit code. Never calls process.exit, so tests can drive it. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        format: { type: 'string', short: 'f' },
        config: { type: 'string', short: 'c' },
        'fail-on': { type: 'string' },
        output: { type: 'string', short: 'o' },
        'no-cache': { type: 'boolean' },
        'no-git': { type: 'boolean' },
      },
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
    if (command !== 'scan') throw new UsageError(`unknown command "${command}" (try: debt-ledger scan [dir], or --help)`);
    if (rest.length > 1) throw new UsageError(`scan takes one folder, got ${rest.length}: ${rest.join(' ')}`);
    return await runScan({
      dir: rest[0],
      format: values.format,
      config: values.config,
      failOn: values['fail-on'],
      output: values.output,
      cache: !values['no-cache'],
      git: !values['no-git'],
    }, io);
  } catch (err) {
    const e = err as Error & { code?: string };
    if (err instanceof UsageError || e.code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`debt-ledger: ${e.message}\n`);
      return EXIT.usage;
    }
    io.stderr(`debt-ledger: unexpected error: ${e.stack ?? e.message}\n`);
    return EXIT.usage;
  }
}
