import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME } from '../core/config/config';
import { evaluateDod } from '../core/dod/evaluateDod';
import { recordSignoff } from '../core/dod/signoffs';
import { formatDodJson, formatDodMarkdown, formatDodSarif, formatDodTable } from './formatters/dodFormatters';
import { gitProblem, loadCliConfig, writeOutput } from './cliConfig';
import { EXIT, UsageError, type CliIo } from './io';
import { headBlobPrefix } from '../core/git/remoteLinks';
import { didYouMean } from '../core/text/didYouMean';
import { cliTicketSource } from './ticketsSupport';

const DOD_FORMATS = ['table', 'json', 'markdown', 'sarif'];

/** `debt-ledger dod`: exit 0 when done, 1 when not, 2 for usage, config or git problems. */
export async function runDod(args: { dir?: string; config?: string; base?: string; format?: string; requireSignoffs: boolean; includeUncommitted: boolean; output?: string }, io: CliIo): Promise<number> {
  const format = args.format ?? 'table';
  if (!DOD_FORMATS.includes(format)) throw new UsageError(`unknown --format "${format}" for dod${didYouMean(format, DOD_FORMATS)} (expected ${DOD_FORMATS.join(', ')})`);
  const { root, config } = await loadCliConfig(io, args.dir, args.config);
  if (!config.definitionOfDone) {
    const exists = args.config !== undefined || (await fs.stat(path.join(root, CONFIG_FILE_NAME)).catch(() => null)) !== null;
    throw new UsageError(exists
      ? `no definitionOfDone in ${args.config ?? CONFIG_FILE_NAME}: add one (see README, "Definition of done")`
      : `no ${CONFIG_FILE_NAME} in ${path.relative(io.cwd, root) || '.'}: create one with a Definition of Done for this layout with: debt-ledger init ${args.dir ?? ''}`.trimEnd());
  }
  const result = await evaluateDod({ root, config, base: args.base ?? null, includeUncommitted: args.includeUncommitted, allowCommands: true, requireSignoffs: args.requireSignoffs, tickets: cliTicketSource(root, config, io) }).catch(gitProblem);
  const text = format === 'json' ? formatDodJson(result) : format === 'markdown' ? formatDodMarkdown(result, await headBlobPrefix(root).then((blob) => (blob ? { blob } : null))) : format === 'sarif' ? formatDodSarif(result, root) : formatDodTable(result);
  if (args.output) await writeOutput(io, args.output, text);
  else io.stdout(text);
  return result.done ? EXIT.ok : EXIT.failed;
}

/** `debt-ledger signoff <item> [dir] [--comment text] [--revoke]`: records a git note on HEAD. */
export async function runSignoff(args: { item?: string; dir?: string; config?: string; comment?: string; revoke: boolean }, io: CliIo): Promise<number> {
  if (!args.item) throw new UsageError('signoff needs the item id, e.g. debt-ledger signoff runbook');
  const { root, config } = await loadCliConfig(io, args.dir, args.config);
  const item = config.definitionOfDone?.items.find((i) => i.id === args.item);
  const ids = config.definitionOfDone?.items.map((i) => i.id) ?? [];
  if (!item) throw new UsageError(`no Definition of Done item "${args.item}"${didYouMean(args.item, ids)} (items: ${config.definitionOfDone?.items.map((i) => i.id).join(', ') || 'none'})`);
  const s = await recordSignoff(root, item, args.revoke ? 'revoke' : 'signoff', args.comment ?? null).catch(gitProblem);
  io.stdout(`${args.revoke ? 'revoked' : 'signed off'} "${item.title}" as ${s.name} <${s.email}> on ${s.commit.slice(0, 7)} (git note in refs/notes/debt-ledger; share it with: git push origin refs/notes/debt-ledger)\n`);
  return EXIT.ok;
}
