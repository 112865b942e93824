// Makes a throwaway git repository from the sample workspace (a nested .git cannot be committed) with a
// feature branch carrying a realistic change. Used by `npm start` and `npm run screenshot:dod`.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Returns the repository's folder; the caller removes it. */
export async function makeSampleRepo() {
  const { simpleGit } = require('simple-git');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'debt-ledger-sample-'));
  cpSync(path.join(repo, 'examples/sample-service'), dir, { recursive: true });
  const git = simpleGit({ baseDir: dir });
  await git.init(['--initial-branch=main']);
  await git.addConfig('user.name', 'Sample Author');
  await git.addConfig('user.email', 'author@example.com');
  await git.addConfig('commit.gpgsign', 'false');
  await git.add(['-A']);
  await git.commit('ORD-1 sample service');
  await git.checkoutLocalBranch('feature/cancel-orders');
  const orders = path.join(dir, 'src/api/orders.ts');
  writeFileSync(orders, `${readFileSync(orders, 'utf8')}
// TODO: refund the payment as well
export async function cancelOrder(id: string): Promise<void> {
  await fetch(\`https://orders.internal.example/orders/\${id}/cancel\`, { method: 'PUT' });
}
`);
  await git.add(['-A']);
  await git.commit('ORD-12 cancel orders');
  return dir;
}
