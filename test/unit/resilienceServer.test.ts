import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/core/config/loadConfig';
import { resolveConfig } from '../../src/core/config/resolveConfig';
import { environmentHint, environmentOf, type EnvHint } from '../../src/core/resilience/environment';
import { linkResilience } from '../../src/core/resilience/link';
import { parseFile } from '../../src/core/scan/parser';
import { checkerStats } from '../../src/core/resilience/analyzer/fetchChecker';
import type { LedgerItem } from '../../src/core/model';
import { scanFileTextFull, scanWorkspace } from '../../src/core/scan/scanner';
import { LedgerIndex } from '../../src/core/ledger/ledgerIndex';
import { readFileSync } from 'node:fs';

const FIXTURES = path.join(__dirname, '../../../test/fixtures/resilience');

async function findings(fixture: string): Promise<LedgerItem[]> {
  const root = path.join(FIXTURES, fixture);
  const { config } = await loadConfig(root);
  return (await scanWorkspace({ root, config, useGit: false })).items.filter((i) => i.kind === 'resilience');
}
const at = (items: LedgerItem[], where: string, rule: string): LedgerItem => {
  const found = items.find((i) => `${i.file}:${i.line}` === where && i.rule === rule);
  assert.ok(found, `a ${rule} finding at ${where}; got ${items.map((i) => `${i.file}:${i.line} ${i.rule}`).join(', ')}`);
  return found;
};

describe('resilience on server code: the paths real services take', () => {
  it('aliases: tsconfig paths (through extends), package.json imports and workspace packages reach the client', async () => {
    const items = await findings('aliases');
    assert.match(at(items, 'plugins/slack/slack.ts:7', 'resilience/timeout').reason ?? '', /^axios instance slackApi \(server\/utils\/http\.ts:4\) has no timeout/);
    assert.match(at(items, 'apps/worker/src/poll.ts:9', 'resilience/timeout').client ?? '', /got instance feeds \(apps\/worker\/src\/utils\/client\.ts:3\)/);
    // `@acme/lib` (main: index.ts, a re-export) and `@acme/lib/safeFetch` both resolve to the package source.
    assert.deepEqual(at(items, 'packages/lib/safeFetch.ts:5', 'resilience/timeout').callers, ['apps/worker/src/poll.ts:6']);
    assert.deepEqual(at(items, 'packages/lib/safeFetch.ts:10', 'resilience/retry').callers, ['apps/worker/src/poll.ts:7']);
  });

  it('per-file updates (an unsaved buffer) resolve alias imports like the full scan', async () => {
    const root = path.join(FIXTURES, 'aliases');
    const { config } = await loadConfig(root);
    const full = await scanWorkspace({ root, config, useGit: false });
    const index = new LedgerIndex(root);
    index.setResilienceConfig(config.resilience);
    index.reset(full.items, full.skipped, full.summaries);
    const timeouts = (): string[] => index.resilienceItems().filter((i) => i.file === 'plugins/slack/slack.ts' && i.rule === 'resilience/timeout').map((i) => `${i.line}`);
    assert.deepEqual(timeouts(), ['7']);
    // The editor re-scans the buffer with two lines added on top: its summary holds `@server/utils/http` as written.
    const rel = 'plugins/slack/slack.ts';
    const edited = `// edited\n\n${readFileSync(path.join(root, rel), 'utf8')}`;
    const scan = scanFileTextFull(config, rel, edited, undefined, root);
    assert.ok(scan.summary?.imports.some((i) => i.specifier === '@server/utils/http'));
    assert.equal(index.setFile(rel, scan.items, scan.summary), true);
    assert.deepEqual(timeouts(), ['9'], 'the finding follows the edit instead of vanishing until the next full scan');
    // Resolution follows the file set: a call on the covered instance stays covered.
    assert.equal(index.resilienceItems().filter((i) => i.file === rel).length, 1);
  });

  it('pass-through wrappers: covered only when every caller passes a timeout; the others are listed once', async () => {
    const items = await findings('passthrough');
    const fetchGap = at(items, 'server/utils/fetch.ts:13', 'resilience/timeout');
    assert.deepEqual(fetchGap.callers, ['plugins/linear.ts:6']);
    assert.match(fetchGap.reason ?? '', /^fetch\(\) passes its options through to node-fetch and sets no timeout itself; 1 of 3 callers pass neither `timeout` nor a timeout signal/);
    const axiosGap = at(items, 'server/utils/api.ts:14', 'resilience/timeout');
    assert.deepEqual(axiosGap.callers, ['plugins/linear.ts:23']);
    assert.equal(items.filter((i) => i.rule === 'resilience/timeout').length, 2, 'fetchBounded() and getBounded() are covered');
  });
});

describe('resilience: node:http shapes', () => {
  it('reads https.get(url, cb), and gives each gap its own message', async () => {
    const items = await findings('http-shapes');
    const reason = (line: number): string => at(items, `shapes.ts:${line}`, 'resilience/timeout').reason ?? '';
    assert.match(reason(8), /only reports an idle socket/, 'timeout option, no listener');
    assert.match(reason(13), /^node:http request without a timeout/, 'https.get(url, cb) with a variable URL');
    assert.match(reason(27), /^node:http request without a timeout/, "another function's req.setTimeout is not this request's");
    assert.match(reason(32), /without destroy/, 'a listener that only logs');
    assert.match(reason(46), /without destroy/, 'setTimeout on the request, no destroy');
  });
});

describe('resilience: classes', () => {
  it('this.axios made in a base class in another file is judged by its config; an injected service method is a wrapper', async () => {
    const items = await findings('classes');
    assert.match(at(items, 'src/billing/BillingClient.ts:10', 'resilience/timeout').client ?? '', /^axios instance this\.axios of HttpBase \(src\/http\/HttpBase\.ts:9\)$/);
    assert.ok(!items.some((i) => i.file === 'src/billing/BillingClient.ts' && i.line === 18 && i.rule === 'resilience/timeout'), "BoundedBase's instance has a timeout");
    assert.deepEqual(at(items, 'src/fetch/FetchService.ts:5', 'resilience/timeout').callers, ['src/users/UsersService.ts:7']);
    assert.deepEqual(at(items, 'src/fetch/FetchService.ts:5', 'resilience/retry').callers, ['src/users/UsersService.ts:7', 'src/users/UsersService.ts:11']);
  });
});

describe('resilience: deeper class hierarchies and retry layers', () => {
  it('follows several levels of extends to the instance, and names the base class stating job attempts', async () => {
    const deep = await findings('classes-deep');
    assert.equal(at(deep, 'src/comics/ComicApi.ts:10', 'resilience/timeout').client, 'axios instance this.instance of HttpClient (src/http/HttpClient.ts:10)');
    assert.equal(at(deep, 'src/comics/ComicApi.ts:18', 'resilience/timeout').client, 'axios instance this.instance of HttpClient (src/http/HttpClient.ts:10)');
    const layers = await findings('retry-layers-2');
    assert.match(at(layers, 'tasks/tasks.ts:19', 'resilience/unsafe-retry').reason ?? '', /job attempts: 5 in BaseTask \(tasks\/BaseTask\.ts:15\)/);
    // The job retries the browserless path (callers of callers); the download's catch returns null, so not it.
    assert.deepEqual(at(layers, 'crawler.ts:7', 'resilience/retry').callers, ['crawler.ts:13', 'crawler.ts:22 (every caller of browserlessCrawlPage() is covered)']);
  });
});

describe('resilience: the checker for a fetch that may not be HTTP', () => {
  it('is created only where syntax cannot decide, once per file', () => {
    const before = { ...checkerStats };
    parseFile('a.ts', "export async function f(u: string) { await fetch(u); return globalThis.fetch(u, { signal: AbortSignal.timeout(1) }); }", true);
    parseFile('b.ts', 'export class U extends Repo { all() { return this.fetch(); } }', true);
    assert.deepEqual([checkerStats.files, checkerStats.sites], [before.files, before.sites], 'syntax decides: no program');
    const prop = 'interface P { fetch: (o: { page: number }) => Promise<number[]> }\nexport function t({ fetch }: P) { fetch({ page: 1 }); return fetch({ page: 2 }); }';
    assert.deepEqual(parseFile('c.ts', prop, true).resilience?.calls ?? [], []);
    assert.deepEqual([checkerStats.files - before.files, checkerStats.sites - before.sites, checkerStats.other - before.other], [1, 2, 2]);
  });
});

describe('resilience: environment of each finding', () => {
  it('reads framework conventions, the file itself and the nearest folder that marks a side', () => {
    const cases: [string, EnvHint | undefined, string][] = [
      ['apps/web/pages/api/v1/getFavicon/index.ts', undefined, 'server'],
      ['app/github/stars/route.ts', undefined, 'server'],
      ['src/routes/+page.server.ts', undefined, 'server'],
      ['apps/remix/server/api/ai/detect-fields.client.ts', undefined, 'browser'],
      ['src/lib/actions.ts', 'server', 'server'],
      ['src/lib/widget.ts', 'browser', 'browser'],
      ['plugins/slack/server/slack.ts', undefined, 'server'],
      ['app/components/Lightbox.tsx', undefined, 'browser'],
      ['shared/editor/lib/FileHelper.ts', undefined, 'universal'],
    ];
    for (const [file, hint, env] of cases) assert.equal(environmentOf(file, hint), env, file);
    assert.equal(environmentHint("'use server';\nexport async function f() {}", [], []), 'server');
    assert.equal(environmentHint('"use client"\nexport const A = 1;', [], []), 'browser');
    assert.equal(environmentHint('x', ['express'], []), 'server');
    assert.equal(environmentHint('window.location.href = "/"', [], []), 'browser');
    assert.equal(environmentHint('if (typeof window !== "undefined") window.x = 1', [], []), undefined);
  });

  it("reads the package.json `browser` field: replaced files are Node's, their replacements and browser-only packages the browser's", async () => {
    const items = await findings('environment-browser');
    const env = (file: string): string | undefined => items.find((i) => i.file === file && i.rule === 'resilience/timeout')?.environment;
    assert.deepEqual(
      ['packages/sdk/lib/adapters/http.ts', 'packages/sdk/lib/adapters/xhr.ts', 'packages/sdk/lib/node-only.ts', 'packages/sdk/lib/index.ts', 'packages/widget/src/api/load.ts', 'packages/worker/src/api/poll.ts'].map(env),
      ['server', 'browser', 'server', 'universal', 'browser', 'server'],
    );
  });

  it('resilience.environments selects what is reported; browser findings are one severity lower', () => {
    const call = "export async function f() { return fetch('https://x'); }";
    const summaries = new Map([['server/a.ts', parseFile('server/a.ts', call, true).resilience!], ['client/b.ts', parseFile('client/b.ts', call, true).resilience!]]);
    const all = resolveConfig({}).config.resilience;
    const timeout = linkResilience(summaries, all).filter((f) => f.ruleKey === 'timeout');
    assert.deepEqual(timeout.map((f) => [f.file, f.environment, f.severity]), [['server/a.ts', 'server', 'warning'], ['client/b.ts', 'browser', 'info']]);
    const serverOnly = resolveConfig({ resilience: { environments: ['server'] } });
    assert.deepEqual(serverOnly.errors, []);
    assert.deepEqual([...new Set(linkResilience(summaries, serverOnly.config.resilience).map((f) => f.environment))], ['server']);
    assert.match(resolveConfig({ resilience: { environments: ['edge'] } }).errors[0]!.message, /expected some of server, browser, universal/);
  });
});
