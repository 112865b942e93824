/** Every command id the extension contributes. A unit test checks package.json against this list. */
export const COMMANDS = {
  scanWorkspace: 'debtLedger.scanWorkspace',
  refresh: 'debtLedger.refresh',
  groupBy: 'debtLedger.groupBy',
  filter: 'debtLedger.filter',
  clearFilter: 'debtLedger.clearFilter',
  filterScope: 'debtLedger.filterScope',
  showCurrentFileOnly: 'debtLedger.showCurrentFileOnly',
  showAllFiles: 'debtLedger.showAllFiles',
  exportLedger: 'debtLedger.exportLedger',
  openConfiguration: 'debtLedger.openConfiguration',
  openDashboard: 'debtLedger.openDashboard',
  showNewOnBranch: 'debtLedger.showNewOnBranch',
  showAllDebt: 'debtLedger.showAllDebt',
  writeCommitGraph: 'debtLedger.writeCommitGraph',
  nextItem: 'debtLedger.nextItem',
  previousItem: 'debtLedger.previousItem',
  revealInLedger: 'debtLedger.revealInLedger',
  copyPermalink: 'debtLedger.copyPermalink',
  createIssue: 'debtLedger.createIssue',
  setTrackerToken: 'debtLedger.setTrackerToken',
  dodCreate: 'debtLedger.dod.createFromTemplate',
  getStarted: 'debtLedger.getStarted',
  dodRecheck: 'debtLedger.dod.recheck',
  dodSignOff: 'debtLedger.dod.signOff',
  dodRevoke: 'debtLedger.dod.revoke',
  dodIncludeUncommitted: 'debtLedger.dod.includeUncommitted',
  dodExcludeUncommitted: 'debtLedger.dod.excludeUncommitted',
} as const;

export const VIEWS = {
  container: 'debtLedger',
  ledger: 'debtLedger.ledger',
  dod: 'debtLedger.dod',
} as const;

/** Context keys used in `when` clauses of package.json menus. */
export const CONTEXT = {
  filterActive: 'debtLedger.filterActive',
  currentFileOnly: 'debtLedger.currentFileOnly',
  dodUncommitted: 'debtLedger.dodUncommitted',
  newOnBranch: 'debtLedger.newOnBranch',
  /** No folder has a Definition of Done (the view shows its welcome with a button). */
  dodMissing: 'debtLedger.dodMissing',
  /** Some folder has a `.debtledger.json`. */
  hasConfig: 'debtLedger.hasConfig',
} as const;

/** Keys in `ExtensionContext.workspaceState` (UI state, never settings). */
export const STATE = {
  groupBy: 'debtLedger.view.groupBy',
  filter: 'debtLedger.view.filter',
  currentFileOnly: 'debtLedger.view.currentFileOnly',
  dodUncommitted: 'debtLedger.dod.includeUncommitted',
  newOnBranch: 'debtLedger.view.newOnBranch',
  scopes: 'debtLedger.view.scopes',
} as const;

export const OUTPUT_CHANNEL_NAME = 'Debt Ledger';
export const SETTINGS_SECTION = 'debtLedger';
