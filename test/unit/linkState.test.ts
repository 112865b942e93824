import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultConfig } from '../../src/core/config/config';
import { LedgerIndex } from '../../src/core/ledger/ledgerIndex';
import { scanFileTextFull } from '../../src/core/scan/scanner';
import { LinkState } from '../../src/extension/scan/linkState';

// The scan worker re-links resilience findings after one file changed; the host takes its list.
describe('LinkState (re-linking resilience findings in the scan worker)', () => {
  const config = defaultConfig();
  const summaryOf = (file: string, text: string) => scanFileTextFull(config, file, text, '2026-01-01').summary;
  const call = "export async function load() { return fetch('https://example.com/a'); }\n";

  it('re-links only when a summary changed, after a full scan of the root; forgets deleted files', () => {
    const links = new LinkState();
    const a = summaryOf('src/a.ts', call)!;
    assert.ok(a, 'a fetch call has a summary');
    assert.equal(links.update('/r', 'src/a.ts', a, config), undefined, 'no full scan of the root yet');
    links.reset('/r', new Map([['src/a.ts', a]]));
    assert.equal(links.update('/r', 'src/a.ts', summaryOf('src/a.ts', call), config), undefined, 'the same summary');
    const moved = links.update('/r', 'src/a.ts', summaryOf('src/a.ts', `\n\n${call}`), config);
    assert.ok(moved && moved.length > 0 && moved.every((i) => i.kind === 'resilience' && i.file === 'src/a.ts' && i.line === 3), JSON.stringify(moved?.map((i) => i.line)));
    assert.equal(moved[0]!.scope, 'source', 'placed like the full scan places findings');
    const both = links.update('/r', 'src/b.ts', summaryOf('src/b.ts', call), config)!;
    assert.deepEqual([...new Set(both.map((i) => i.file))], ['src/a.ts', 'src/b.ts']);
    links.forget('/r', 'src');
    const after = links.update('/r', 'src/c.ts', summaryOf('src/c.ts', call), config)!;
    assert.deepEqual([...new Set(after.map((i) => i.file))], ['src/c.ts'], 'a deleted folder takes its files\' summaries with it');
    assert.equal(links.update('/r', 'src/c.ts', summaryOf('src/c.ts', call), { ...config, resilience: { ...config.resilience, enabled: false } }), undefined);
  });

  it('the index keeps the full scan\'s findings and takes a worker\'s list only for files it has summaries of', () => {
    const index = new LedgerIndex('/r');
    index.setResilienceConfig(config.resilience);
    const a = scanFileTextFull(config, 'src/a.ts', call, '2026-01-01');
    const links = new LinkState();
    links.reset('/r', new Map([['src/a.ts', a.summary!]]));
    const scanned = links.update('/r', 'src/a.ts', summaryOf('src/a.ts', `\n${call}`), config)!;
    index.reset(scanned, [], new Map([['src/a.ts', summaryOf('src/a.ts', `\n${call}`)!]]));
    assert.equal(index.resilienceItems().length, scanned.length);
    assert.equal(index.resilienceItems()[0], scanned[0], 'the scan\'s own findings, not linked again');
    const other = links.update('/r', 'src/b.ts', summaryOf('src/b.ts', call), config)!;
    index.setLinkedResilience(other);
    assert.ok(index.resilienceItems().every((i) => i.file === 'src/a.ts'), 'src/b.ts is unknown to the index: the list is refused');
  });
});
