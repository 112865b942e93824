import * as path from 'node:path';
import Mocha from 'mocha';

/** Entry point for `npm run perf:dashboard -- <folder>`: the dashboard's paint times on a real repository (not part of npm test). */
export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 600_000, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, 'dashboardPerf.test.js'));
  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} perf step(s) failed`)) : resolve()));
  });
}
