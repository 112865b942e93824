import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { evaluateFailOn, parseFailOn, type FailCondition } from '../core/ledger/failOn';
import { emptyScanStats, type LedgerItem, type ScanResult, type SkippedFile } from '../core/model';
import { formatResult, isFormat, FORMATS, type Format } from './formatters';
import { JSON_CONTRACT_VERSION, type JsonItem, type JsonLedger } from './formatters/jsonFormatter';
import { EXIT, UsageError, type CliIo } from './io';

const FIELDS: (keyof JsonItem)[] = ['id', 'kind', 'tag', 'file', 'line', 'column', 'text', 'owner', 'ticket', 'due', 'overdue', 'rule', 'client', 'reason', 'severity', 'endLine', 'endColumn', 'callers', 'introduced', 'team', 'author', 'interest'];

function isJsonItem(x: unknown): x is JsonItem {
  const i = x as JsonItem;
  return !!i && typeof i === 'object' && FIELDS.every((f) => f in i) && typeof i.id === 'string' && typeof i.file === 'string' && Number.isInteger(i.line) && ['marker', 'suppression', 'resilience'].includes(i.kind);
}

/** Reads one `scan --format json` ledger; a file that is not one is a usage error naming it. */
async function readLedger(file: string, shown: string): Promise<JsonLedger> {
  let doc: Partial<JsonLedger>;
  try {
    doc = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<JsonLedger>;
  } catch (err) {
    throw new UsageError(`merge: cannot read ${shown}: ${(err as Error).message.split('\n')[0]}`);
  }
  if (doc?.version !== JSON_CONTRACT_VERSION || !Array.isArray(doc.items) || !Array.isArray(doc.skipped)) throw new UsageError(`merge: ${shown} is not a debt-ledger JSON ledger (version ${JSON_CONTRACT_VERSION}); make it with scan --format json`);
  const bad = doc.items.findIndex((i) => !isJsonItem(i));
  if (bad >= 0) throw new UsageError(`merge: ${shown}: item ${bad + 1} is not a ledger item`);
  return doc as JsonLedger;
}

/**
 * Merges JSON ledgers (e.g. the shards of `scan --shard i/n`) into one result: the union of items by id
 * (ids are stable, so an item found twice is one item), in the order a whole scan gives (files in path
 * order, each file's items as found, resilience findings last), and the union of skipped files.
 */
export function mergeLedgers(ledgers: readonly JsonLedger[]): ScanResult {
  const byId = new Map<string, LedgerItem>();
  for (const l of ledgers) for (const i of l.items) if (!byId.has(i.id)) byId.set(i.id, { ...i } as LedgerItem);
  const all = [...byId.values()];
  const code = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const own = all.filter((i) => i.kind !== 'resilience').map((item, n) => ({ item, n })).sort((a, b) => code(a.item.file, b.item.file) || a.n - b.n).map((x) => x.item);
  const resilience = all.filter((i) => i.kind === 'resilience').sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || (a.rule ?? '').localeCompare(b.rule ?? ''));
  const skipped = new Map<string, SkippedFile>();
  for (const l of ledgers) for (const s of l.skipped) if (!skipped.has(`${s.file}\0${s.reason}`)) skipped.set(`${s.file}\0${s.reason}`, { file: s.file, reason: s.reason });
  const dot = [...skipped.values()].filter((s) => s.file === '.');
  const rest = [...skipped.values()].filter((s) => s.file !== '.').sort((a, b) => code(a.file, b.file));
  return { root: ledgers[0]?.root ?? '', items: [...own, ...resilience], skipped: [...dot, ...rest], stats: emptyScanStats() };
}

/** `debt-ledger merge a.json b.json ... [--format X] [-o file] [--fail-on expr]`. */
export async function runMerge(args: { files: string[]; format: string | undefined; output: string | undefined; failOn: string | undefined }, io: CliIo): Promise<number> {
  const format: Format = (args.format ?? 'table') as Format;
  if (!isFormat(format)) throw new UsageError(`unknown --format "${args.format}" (expected ${FORMATS.join(', ')})`);
  if (args.files.length === 0) throw new UsageError('usage: debt-ledger merge <ledger.json>... [--format X] [-o file]');
  let failOn: FailCondition[] = [];
  try {
    failOn = args.failOn !== undefined ? parseFailOn(args.failOn) : [];
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const ledgers = await Promise.all(args.files.map((f) => readLedger(path.resolve(io.cwd, f), f)));
  const result = mergeLedgers(ledgers);
  const text = formatResult(result, format, { color: io.isTTY && !io.env.NO_COLOR && !args.output, width: io.isTTY && !args.output ? io.columns : Number.POSITIVE_INFINITY });
  if (args.output) await fs.writeFile(path.resolve(io.cwd, args.output), text);
  else io.stdout(text);
  const tripped = evaluateFailOn(failOn, result.items);
  for (const t of tripped) io.stderr(`debt-ledger: --fail-on ${t.condition.source} tripped (${t.count} item${t.count === 1 ? '' : 's'})\n`);
  return tripped.length > 0 ? EXIT.failed : EXIT.ok;
}
