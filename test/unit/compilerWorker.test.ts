import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { loadConfig } from '../../src/core/config/loadConfig';
import type { ScanResult } from '../../src/core/model';
import { isCompilerLoaded, scanWorkspace } from '../../src/core/scan/scanner';

// The compiler on a worker thread (compilerWorker.ts) must give exactly the in-process result: items in the
// same order, the same skip reasons (parser failures, too deep), the same summaries and counts.
const FIXTURES = path.join(__dirname, '../../../test/fixtures');
// Each scan starts its own worker, which loads the compiler (~0.3 s): a few folders that reach every part of the
// summary (aliases, classes across files, the type checker, instances, the second pass).
const folders = [
  ...['aliases', 'axios', 'classes-deep', 'fetch-checker', 'wrappers'].map((f) => path.join(FIXTURES, 'resilience', f)),
  path.join(FIXTURES, 'languages'),
  path.join(FIXTURES, 'workspace'),
];

const hostile = mkdtempSync(path.join(tmpdir(), 'dl-compiler-worker-'));
after(() => rmSync(hostile, { recursive: true, force: true }));
// Too deep for the parser, a JSX file the lexer leaves to the parser, a call in code, and a marker after each.
writeFileSync(path.join(hostile, 'deep.ts'), `fetch('/x');\nconst a = ${'['.repeat(60000)}${']'.repeat(60000)};\n// TODO: after the nesting\n`);
writeFileSync(path.join(hostile, 'view.tsx'), `export const V = () => <a href="//x">// not a comment {/* TODO: in JSX */}</a>;\nfetch('/y'); // FIXME: no timeout\n`);
for (let i = 0; i < 30; i++) writeFileSync(path.join(hostile, `f${i}.js`), `// HACK: ${i}\nexport const u${i} = () => fetch('/u${i}', { signal: AbortSignal.timeout(${i + 1}) });\n`);
folders.push(hostile);

function comparable(r: ScanResult): unknown {
  return { items: r.items, skipped: r.skipped, summaries: [...(r.summaries ?? [])], stats: { ...r.stats, durationMs: 0 } };
}

async function scan(root: string, compilerWorker: boolean): Promise<ScanResult> {
  const { config } = await loadConfig(root);
  return scanWorkspace({ root, config, useGit: false, compilerWorker, today: '2026-01-01' });
}

describe('compiler worker: the same scan as in-process', () => {
  const onWorker = new Map<string, ScanResult>();
  it('scans every fixture folder without loading the compiler on the main thread', async () => {
    for (const root of folders) onWorker.set(root, await scan(root, true));
    assert.equal(isCompilerLoaded(), false);
    const deep = onWorker.get(hostile)!;
    assert.ok(deep.skipped.some((s) => s.file === 'deep.ts' && /too deeply nested/.test(s.reason)), JSON.stringify(deep.skipped));
    assert.ok(deep.items.some((i) => i.file === 'view.tsx' && i.tag === 'TODO'));
    assert.ok(deep.items.some((i) => i.kind === 'resilience' && i.file === 'view.tsx'));
  });
  for (const root of folders) {
    it(path.basename(root), async () => {
      assert.deepEqual(comparable(onWorker.get(root)!), comparable(await scan(root, false)));
    });
  }
});
