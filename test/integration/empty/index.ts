import * as path from 'node:path';
import Mocha from 'mocha';

/** Entry point for the empty-window run (no folder open). */
export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, 'empty.test.js'));
  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} empty-window test(s) failed`)) : resolve()));
  });
}
