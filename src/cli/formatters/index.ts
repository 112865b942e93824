import type { ScanResult } from '../../core/model';
import { formatCsv } from './csvFormatter';
import { formatJson } from './jsonFormatter';
import { formatMarkdown } from './markdownFormatter';
import { formatSarif } from './sarifFormatter';
import { formatTable, type TableStyle } from './tableFormatter';

export const FORMATS = ['table', 'json', 'markdown', 'csv', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

/** Renders a scan result in one of the output formats. */
export function formatResult(result: ScanResult, format: Format, style: TableStyle = { color: false, width: 120 }): string {
  switch (format) {
    case 'table': return formatTable(result, style);
    case 'json': return formatJson(result);
    case 'markdown': return formatMarkdown(result);
    case 'csv': return formatCsv(result);
    case 'sarif': return formatSarif(result);
  }
}
