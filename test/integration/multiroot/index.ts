import * as path from 'node:path';
import Mocha from 'mocha';

/** Entry point for the multi-root run (a .code-workspace with two folders, each with its own configuration). */
export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, 'multiroot.test.js'));
  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} multi-root test(s) failed`)) : resolve()));
  });
}
