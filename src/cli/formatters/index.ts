import type { ScanResult } from '../../core/model';
import { compactFormatter } from './compactFormatter';
import { csvFormatter } from './csvFormatter';
import type { FormatContext, Formatter } from './formatter';
import { githubFormatter } from './githubFormatter';
import { gitlabFormatter } from './gitlabFormatter';
import { jsonFormatter } from './jsonFormatter';
import { markdownFormatter } from './markdownFormatter';
import { rdjsonFormatter } from './rdjsonFormatter';
import { sarifFormatter } from './sarifFormatter';
import { tableFormatter } from './tableFormatter';

/**
 * Every scan output format. A new format is one file exporting a `Formatter` and one entry here: the
 * CLI's `--format` check, its help and the hostile-text test iterate this list.
 */
export const FORMATTERS: readonly Formatter[] = [
  tableFormatter, jsonFormatter, markdownFormatter, csvFormatter, sarifFormatter,
  gitlabFormatter, githubFormatter, rdjsonFormatter, compactFormatter,
];

export const FORMATS: readonly string[] = FORMATTERS.map((f) => f.name);
export type Format = string;

export function formatterNamed(name: string): Formatter | undefined {
  return FORMATTERS.find((f) => f.name === name);
}

export function isFormat(value: string): boolean {
  return formatterNamed(value) !== undefined;
}

/** Renders a scan result in one of the output formats (unknown names throw). */
export function formatResult(result: ScanResult, format: string, ctx: FormatContext = { color: false, width: 120 }): string {
  const formatter = formatterNamed(format);
  if (!formatter) throw new Error(`unknown format "${format}"`);
  return formatter.format(result, ctx);
}
