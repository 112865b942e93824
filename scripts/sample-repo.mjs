// Makes a throwaway git repository from the sample workspace (a nested .git cannot be committed) with a
// feature branch carrying a realistic change. Used by `npm start` and the screenshots (`npm run screenshot:dod`).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  // A history on main, so the dashboard's trend has one: the service grew over five months (the api and ui
  // first, then the nightly job, then the legacy pricing module), each commit dated in the past.
  const DAY = 86_400_000;
  const later = ['src/jobs', 'src/legacy'];
  const parked = path.join(dir, '.parked');
  for (const p of later) cpSync(path.join(dir, p), path.join(parked, p), { recursive: true });
  for (const p of later) rmSync(path.join(dir, p), { recursive: true, force: true });
  // The environment git gets, without editor variables: `npm start` runs with EDITOR=vi (npm's `editor`
  // setting), and simple-git refuses a commit whose explicit environment names an editor.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(GIT_|GIT_SEQUENCE_)?EDITOR$|^VISUAL$/i.test(k)));
  const commitAt = async (message, daysAgo) => {
    const iso = new Date(Date.now() - daysAgo * DAY).toISOString();
    await git.add(['-A', '--', '.', ':!.parked']);
    await git.env({ ...env, GIT_AUTHOR_DATE: iso, GIT_COMMITTER_DATE: iso }).commit(message);
  };
  await commitAt('ORD-1 sample service', 150);
  cpSync(path.join(parked, 'src/jobs'), path.join(dir, 'src/jobs'), { recursive: true });
  await commitAt('ORD-4 nightly job', 90);
  cpSync(path.join(parked, 'src/legacy'), path.join(dir, 'src/legacy'), { recursive: true });
  rmSync(parked, { recursive: true, force: true });
  await commitAt('ORD-9 legacy pricing, moved in', 30);
  git.env({ ...env }); // simple-git keeps the env: the branch's commit is today's
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
