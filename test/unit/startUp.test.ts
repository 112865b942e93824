import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runInTurns } from '../../src/extension/util/startUp';

describe('start-up steps, one turn of the event loop each', () => {
  it('lets queued work run between steps, times each, reports a failure and goes on', async () => {
    const log: string[] = [];
    const errors: string[] = [];
    // Other work the host queued: each step must find the previous one's follow-up already done.
    const step = (name: string, fail = false) => ({ name, run: () => {
      log.push(name);
      setImmediate(() => log.push(`after ${name}`));
      const until = performance.now() + 5;
      while (performance.now() < until) { /* a 5 ms synchronous step */ }
      if (fail) throw new Error(`${name} broke`);
    } });
    const ran = runInTurns([step('scan'), step('dod', true), step('render')], (name, err) => errors.push(`${name}: ${(err as Error).message}`));
    assert.deepEqual(log, [], 'nothing runs in the caller\'s turn (activate() returns first)');
    const timings = await ran;
    assert.deepEqual(log.slice(0, 5), ['scan', 'after scan', 'dod', 'after dod', 'render']);
    assert.deepEqual(errors, ['dod: dod broke']);
    assert.deepEqual(timings.map((t) => t.name), ['scan', 'dod', 'render']);
    for (const t of timings) assert.ok(t.ms >= 4.5 && t.ms < 1000, `${t.name} took ${t.ms} ms`);
  });

  it('stops when told (the extension was deactivated)', async () => {
    const log: string[] = [];
    let stopped = false;
    const timings = await runInTurns([{ name: 'a', run: () => { log.push('a'); stopped = true; } }, { name: 'b', run: () => log.push('b') }], () => undefined, () => stopped);
    assert.deepEqual(log, ['a']);
    assert.equal(timings.length, 1);
  });
});
