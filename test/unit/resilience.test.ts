import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/core/config/loadConfig';
import type { LedgerItem } from '../../src/core/model';
import { scanWorkspace } from '../../src/core/scan/scanner';

const FIXTURES = path.join(__dirname, '../../../test/fixtures/resilience');

/** `// expect: rule, rule` annotations: the exact findings a fixture must produce, by file and line. */
function expectations(dir: string): string[] {
  const out: string[] = [];
  for (const rel of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ts|js)$/.test(f))) {
    readFileSync(path.join(dir, rel), 'utf8').split('\n').forEach((line, i) => {
      const m = /\/\/ expect: (.*)$/.exec(line);
      if (m) for (const rule of m[1]!.split(',')) out.push(`${rel.split(path.sep).join('/')}:${i + 1} ${rule.trim()}`);
    });
  }
  return out.sort();
}

async function findings(fixture: string): Promise<LedgerItem[]> {
  const root = path.join(FIXTURES, fixture);
  const { config, errors } = await loadConfig(root);
  assert.deepEqual(errors, []);
  const result = await scanWorkspace({ root, config, useGit: false });
  return result.items.filter((i) => i.kind === 'resilience');
}

const actual = (items: LedgerItem[]): string[] => items.map((i) => `${i.file}:${i.line} ${i.rule}`).sort();
const reasonAt = (items: LedgerItem[], where: string, rule: string): string => {
  const found = items.find((i) => `${i.file}:${i.line}` === where && i.rule === rule);
  assert.ok(found, `a ${rule} finding at ${where}; got ${actual(items).join(', ')}`);
  return found.reason!;
};

describe('resilience: exact findings per fixture (gaps found, covered calls not reported)', () => {
  for (const fixture of readdirSync(FIXTURES).sort()) {
    it(fixture, async () => {
      assert.deepEqual(actual(await findings(fixture)), expectations(path.join(FIXTURES, fixture)));
    });
  }
});

describe('resilience: reasons and traps', () => {
  it('fetch: `timeout` is not an option; a plain call needs a signal; an unaborted controller is no timeout', async () => {
    const items = await findings('fetch');
    assert.match(reasonAt(items, 'calls.ts:7', 'resilience/timeout'), /^fetch has no `timeout` option/);
    assert.match(reasonAt(items, 'calls.ts:3', 'resilience/timeout'), /^fetch has no timeout of its own and this call passes no signal/);
    assert.equal(reasonAt(items, 'calls.ts:36', 'resilience/timeout'), 'AbortController `never` is never aborted by a timer');
    assert.equal(reasonAt(items, 'calls.ts:25', 'resilience/timeout'), 'AbortSignal.any([...]) holds no timeout signal');
    assert.equal(items.find((i) => i.line === 10 && i.file === 'injected.ts')?.client, 'injected fetch (this.fetchImpl)');
  });

  it('axios: instance gaps name the instance and where it was created, across files and re-exports', async () => {
    const items = await findings('axios');
    assert.equal(reasonAt(items, 'src/calls.ts:15', 'resilience/timeout'), 'axios instance api (src/clients.ts:5) has no timeout (axios defaults to 0: none)');
    assert.equal(items.find((i) => i.file === 'src/calls.ts' && i.line === 16)?.client, 'axios instance api (src/clients.ts:5)');
    assert.equal(reasonAt(items, 'src/calls.ts:8', 'resilience/timeout'), '`timeout: 0` means no timeout');
    assert.equal(reasonAt(items, 'src/calls.ts:19', 'resilience/timeout'), '`timeout: 0` means no timeout');
    assert.match(reasonAt(items, 'src/calls.ts:24', 'resilience/unsafe-retry'), /^POST is retried \(axios-retry\) without an explicit opt-in/);
  });

  it('node:http: a timeout without destroy() is not bounded', async () => {
    const items = await findings('http');
    assert.match(reasonAt(items, 'calls.ts:7', 'resilience/timeout'), /only reports an idle socket/);
    assert.match(reasonAt(items, 'calls.ts:22', 'resilience/timeout'), /only reports an idle socket/);
  });

  it('undici: 0 disables a timeout; defaults are 300 s', async () => {
    const items = await findings('undici');
    assert.equal(reasonAt(items, 'calls.ts:7', 'resilience/timeout'), '`headersTimeout: 0` disables that timeout');
    assert.match(reasonAt(items, 'calls.ts:5', 'resilience/timeout'), /300 s/);
  });

  it('p-retry: minTimeout/maxTimeout are backoff delays, so the timeout gap stays', async () => {
    const items = await findings('retry');
    assert.match(reasonAt(items, 'calls.ts:8', 'resilience/timeout'), /^fetch has no timeout of its own/);
    assert.equal(items.filter((i) => i.rule === 'resilience/retry').length, 1, 'only the loop without a pause lacks a retry');
  });

  it('opossum: its default timeout bounds calls through the breaker; `timeout: false` does not', async () => {
    const items = await findings('breaker');
    assert.equal(reasonAt(items, 'critical/payments.ts:9', 'resilience/timeout'), 'fetch has no timeout of its own and this call passes no signal: add `signal: AbortSignal.timeout(ms)`');
    assert.equal(items.find((i) => i.rule === 'resilience/circuit-breaker')?.severity, 'warning');
  });

  it('project wrappers: reported once at the wrapper, with its callers', async () => {
    const items = await findings('wrappers');
    const gap = items.find((i) => i.file === 'http.ts' && i.line === 4)!;
    assert.deepEqual(gap.callers, ['callers.ts:5 (p-retry)', 'callers.ts:9']);
    assert.match(gap.reason!, /getJson\(\) is called from 2 places, not all covering it$/);
  });

  it('inline opt-outs drop the finding and are listed in the ledger with their reason', async () => {
    const root = path.join(FIXTURES, 'errors');
    const { config } = await loadConfig(root);
    const result = await scanWorkspace({ root, config, useGit: false });
    const ignore = result.items.find((i) => i.tag === 'debt-ledger-ignore')!;
    assert.deepEqual([ignore.kind, ignore.line, ignore.text], ['suppression', 35, 'resilience/timeout: long-poll endpoint, the server closes it']);
  });

  it('severity and required patterns follow the configuration', async () => {
    const root = path.join(FIXTURES, 'fetch');
    const { config } = await loadConfig(root);
    config.resilience.rules.timeout.severity = 'error';
    config.resilience.rules.retry.severity = 'off';
    config.resilience.rules.timeout.paths = ['injected.ts'];
    const items = (await scanWorkspace({ root, config, useGit: false })).items.filter((i) => i.kind === 'resilience');
    assert.deepEqual([...new Set(items.map((i) => `${i.file} ${i.rule} ${i.severity}`))], ['injected.ts resilience/timeout error']);
    config.resilience.rules.timeout.paths = [];
    config.resilience.rules.timeout.clients = ['injected'];
    const byClient = (await scanWorkspace({ root, config, useGit: false })).items.filter((i) => i.kind === 'resilience');
    assert.ok(byClient.length === 5 && byClient.every((i) => i.client!.startsWith('injected fetch')), byClient.map((i) => i.client).join());
  });
});
