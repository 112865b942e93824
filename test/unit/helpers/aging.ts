import { readdirSync, utimesSync } from 'node:fs';
import * as path from 'node:path';

let tick = 0;

/** A time an hour ago, one second later on every call: out of the warm path's racy window, never repeated. */
export function nextAge(): number {
  return (Date.now() - 3_600_000) / 1000 + tick++;
}

/** Every file and folder (the repository's own too) gets the same new `nextAge()` time. */
export function ageAll(dir: string): void {
  const when = nextAge();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      utimesSync(p, when, when);
    }
  };
  walk(dir);
  utimesSync(dir, when, when);
}
