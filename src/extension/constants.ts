/** Every command id the extension contributes. A unit test checks package.json against this list. */
export const COMMANDS = {
  scanWorkspace: 'debtLedger.scanWorkspace',
} as const;

export const OUTPUT_CHANNEL_NAME = 'Debt Ledger';
