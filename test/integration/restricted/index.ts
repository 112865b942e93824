import * as path from 'node:path';
import Mocha from 'mocha';

/** Entry point for the Restricted Mode run (the host opens the folder untrusted). */
export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, 'restricted.test.js'));
  mocha.addFile(path.join(__dirname, 'tickets.test.js'));
  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} restricted-mode test(s) failed`)) : resolve()));
  });
}
