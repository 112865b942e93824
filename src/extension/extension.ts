import type * as vscode from 'vscode';
import { isCompilerLoaded } from '../core/scan/scanner';
import { DebtLedgerExtension, type DebtLedgerApi } from './composition';

declare global {
  // Set by the bundle's first and last lines (scripts/build.mjs banner and footer).
  var __debtLedgerLoadStart: number | undefined;
  var __debtLedgerLoadEnd: number | undefined;
}

/** Kept tiny: the composition root does the wiring; the scanner and the compiler load on the first scan. */
export function activate(context: vscode.ExtensionContext): DebtLedgerApi {
  const started = performance.now();
  const extension = new DebtLedgerExtension(context);
  const done = performance.now();
  const loadStart = globalThis.__debtLedgerLoadStart ?? started;
  const loadEnd = globalThis.__debtLedgerLoadEnd ?? started;
  extension.recordActivation({ loadMs: loadEnd - loadStart, hostMs: started - loadEnd, activateMs: done - started, compilerLoaded: isCompilerLoaded() });
  return extension.api;
}

export function deactivate(): void {}
