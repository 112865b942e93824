import type { DebtLedgerConfig } from '../config/config';

/**
 * What discovery keeps: the configured `extensions` (extensions and file names) plus those of the
 * user's own `languages`, which are scanned because they were defined.
 */
export function scanEntries(config: Pick<DebtLedgerConfig, 'extensions' | 'languages'>): string[] {
  if (config.languages.length === 0) return config.extensions;
  return [...new Set([...config.extensions, ...config.languages.flatMap((l) => [...l.extensions, ...(l.fileNames ?? [])])])];
}
