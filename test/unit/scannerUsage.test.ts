import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { defaultConfig } from '../../src/core/config/config';
import { ScanService } from '../../src/extension/scan/scanService';
import { BlockMonitor } from '../../src/extension/util/blockMonitor';

// The compiled worker next to this test's compiled sources (out/src/...): the real scanner process, forked.
const workerFile = path.join(__dirname, '../../src/extension/scan/scanWorker.js');
const text = Array.from({ length: 4000 }, (_, n) => `export const v${n} = ${n}; // TODO(ann): item ${n}`).join('\n');

describe("the scanner process's CPU time, next to the host's", () => {
  const logs: string[] = [];
  const scans = new ScanService(workerFile, (l) => logs.push(l));
  after(() => scans.dispose());

  it('comes with every answer, counts only the scanner, and adds to the host figure in BlockMonitor', async () => {
    assert.equal(scans.usage(), null, 'nothing reported before the process runs');
    const blocks = new BlockMonitor(() => scans.usage());
    const first = await scans.scanText(defaultConfig(), 'a.ts', text, '2026-01-01');
    assert.equal(first.items.length, 4000);
    assert.ok(scans.inWorker, 'the scan ran in the scanner process');
    const afterFirst = scans.usage();
    assert.ok(afterFirst && afterFirst.cpuMs > 0 && afterFirst.rssMb > 0, `usage after the first scan: ${JSON.stringify(afterFirst)}`);
    await scans.sampleUsage();
    blocks.reset();
    const hostBefore = process.cpuUsage();
    for (let n = 0; n < 5; n++) await scans.scanText(defaultConfig(), `b${n}.ts`, text, '2026-01-01');
    await scans.sampleUsage();
    const hostOwn = process.cpuUsage(hostBefore);
    const s = blocks.stats();
    assert.ok(s.scannerCpuMs !== null && s.scannerCpuMs > 0, `scanner CPU since the reset: ${s.scannerCpuMs}`);
    assert.equal(s.totalCpuMs, s.cpuMs + s.scannerCpuMs);
    // Five parses of 4,000 lines cost the scanner more than this process spent sending texts and waiting.
    assert.ok(s.scannerCpuMs > (hostOwn.user + hostOwn.system) / 1000 / 2, `scanner ${s.scannerCpuMs} ms, this process ${(hostOwn.user + hostOwn.system) / 1000} ms`);
    // And it only grows from the figure before the reset (a cumulative process figure, not a per-message one).
    assert.ok(scans.usage()!.cpuMs >= afterFirst.cpuMs + s.scannerCpuMs - 1);
    blocks.dispose();
    assert.deepEqual(logs, []);
  });

  it('is null when scans run in this process (no scanner bundle)', async () => {
    const inHost = new ScanService(path.join(__dirname, 'no-such-worker.js'), () => undefined);
    await inHost.scanText(defaultConfig(), 'a.ts', '// TODO: x', '2026-01-01');
    assert.equal(await inHost.sampleUsage(), null);
    const blocks = new BlockMonitor(() => inHost.usage());
    const s = blocks.stats();
    assert.equal(s.scannerCpuMs, null);
    assert.equal(s.totalCpuMs, s.cpuMs);
    blocks.dispose();
  });
});
