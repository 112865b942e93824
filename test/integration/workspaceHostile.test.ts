import { hostileWorkspaceTests } from './hostileWorkspace';

describe('Debt Ledger in a hostile workspace (trusted)', () => {
  hostileWorkspaceTests();
});
