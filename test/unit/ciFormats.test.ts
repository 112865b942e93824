import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type * as Sarif from 'sarif';
import { FORMATTERS } from '../../src/cli/formatters';
import { compactLine } from '../../src/cli/formatters/compactFormatter';
import { ANNOTATION_CAPS, formatGithub } from '../../src/cli/formatters/githubFormatter';
import { toCodeQuality } from '../../src/cli/formatters/gitlabFormatter';
import { DEFAULT_MARKDOWN_BUDGET, formatMarkdown } from '../../src/cli/formatters/markdownFormatter';
import { SARIF_MAX_RESULTS, toSarif } from '../../src/cli/formatters/sarifFormatter';
import { emptyScanStats, type LedgerItem, type ScanResult } from '../../src/core/model';
import { blobPrefix, webRepository } from '../../src/core/git/remoteLinks';
import { cli } from './helpers/cli';
import { TestRepo } from './helpers/gitRepo';
import { GITLAB_SCHEMA, RDJSON_SCHEMA, SARIF_SCHEMA } from './helpers/ciSchemas';
import { gap, makeItem } from './helpers/items';
import { validate } from './helpers/jsonSchema';
import { tempDir } from './helpers/tempDir';

const result = (items: LedgerItem[]): ScanResult => ({ root: '/repo', items, skipped: [], stats: emptyScanStats() });

const SAMPLE = {
  'src/a.ts': '// TODO(@ann): first #1 [2020-01-01]\n// FIXME: second\n// @ts-ignore\nconst x = 1;\n',
  // A non-ASCII character before the call: reviewdog counts columns in UTF-8 bytes.
  'src/api.ts': 'export async function get(id: string) {\n  const é = await fetch(`https://api.example/${id}`);\n  return é;\n}\n',
};

/** Reads workflow commands back the way the runner does (unescaping as @actions/core escapes). */
function parseCommand(line: string): { command: string; props: Record<string, string>; message: string } {
  const m = /^::([a-z]+)(?: ([^:]*))?::(.*)$/.exec(line);
  assert.ok(m, `not a workflow command: ${line}`);
  const un = (s: string): string => s.replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
  const props = Object.fromEntries((m[2] ?? '').split(',').filter(Boolean).map((kv) => { const [k, v] = kv.split('='); return [k!, un(v!)]; }));
  return { command: m[1]!, props, message: un(m[3]!) };
}

describe('native CI formats against their published schemas', () => {
  it('every registered format renders from the CLI, and the JSON ones validate', async (t) => {
    const dir = tempDir(t, SAMPLE);
    for (const f of FORMATTERS) {
      const run = await cli(['scan', '--format', f.name, '--no-git'], dir);
      assert.equal(run.code, 0, `${f.name}: ${run.stderr}`);
      assert.ok(run.stdout.length > 0, f.name);
    }
    const sarif = JSON.parse((await cli(['scan', '--format', 'sarif', '--no-git'], dir)).stdout) as Sarif.Log;
    assert.deepEqual(validate(sarif, SARIF_SCHEMA), []);
    assert.equal(sarif.runs[0]!.automationDetails!.id, 'debt-ledger/scan/');
    for (const rule of sarif.runs[0]!.tool.driver.rules!) {
      assert.match(rule.help!.markdown!, /\[Documentation\]\(https:\/\/github\.com\/debt-ledger\/debt-ledger\/blob\/main\/[^)]+\)/);
      assert.equal(rule.helpUri, /\((https:[^)]+)\)/.exec(rule.help!.markdown!)![1]);
    }
    const gitlab = JSON.parse((await cli(['scan', '--format', 'gitlab', '--no-git'], dir)).stdout) as unknown;
    assert.deepEqual(validate(gitlab, GITLAB_SCHEMA), []);
    const rd = JSON.parse((await cli(['scan', '--format', 'rdjson', '--no-git'], dir)).stdout) as { diagnostics: { code: { value: string }; location: { range: { start: { column: number } } }; suggestions?: { range: { start: { line: number; column: number } }; text: string }[] }[] };
    assert.deepEqual(validate(rd, RDJSON_SCHEMA), []);
    const timeout = rd.diagnostics.find((d) => d.code.value === 'resilience/timeout')!;
    // `  const é = await fetch(`: fetch starts at UTF-16 column 19, UTF-8 byte column 20 (é is 2 bytes).
    assert.equal(timeout.location.range.start.column, 20);
    assert.ok(timeout.suggestions && timeout.suggestions.length > 0, 'the quick fix becomes a suggestion');
    assert.ok(timeout.suggestions.some((s) => s.text.includes('AbortSignal.timeout(')), JSON.stringify(timeout.suggestions));
    assert.equal(timeout.suggestions[0]!.range.start.line, 2);
  });

  it('gitlab: fingerprints are the stable ids (a shifted line keeps them), severity from kind and state', () => {
    const todo = makeItem({ id: 'aaaaaaaaaaaa', line: 10, endLine: 10 });
    const moved = { ...todo, line: 14, endLine: 14 };
    assert.equal(toCodeQuality(result([todo]))[0]!.fingerprint, toCodeQuality(result([moved]))[0]!.fingerprint);
    const newIds = new Set(['new1', 'new2']);
    const sev = (i: LedgerItem): string => toCodeQuality(result([i]), { newIds })[0]!.severity;
    assert.equal(sev(makeItem()), 'info', 'an existing marker');
    assert.equal(sev(makeItem({ id: 'new1' })), 'minor', 'new unticketed debt');
    assert.equal(sev(makeItem({ id: 'new2', ticket: '#12' })), 'info', 'new but ticketed');
    assert.equal(sev(makeItem({ overdue: true, due: '2020-01-01' })), 'major', 'overdue');
    assert.equal(sev(gap({ severity: 'error' })), 'major');
    assert.equal(sev(gap({ severity: 'warning' })), 'minor');
  });

  it('github: at most what GitHub shows, most important first, then a totals notice', () => {
    const items = [
      ...Array.from({ length: 30 }, () => makeItem()),
      ...Array.from({ length: 15 }, () => makeItem({ overdue: true, due: '2020-01-01' })),
      ...Array.from({ length: 15 }, (_, k) => gap({ interest: k })),
      makeItem({ id: 'brand-new', text: 'new on branch' }),
    ];
    const out = formatGithub(result(items), { newIds: new Set(['brand-new']) }).trimEnd().split('\n').map(parseCommand);
    const count = (c: string): number => out.filter((o) => o.command === c).length;
    assert.ok(count('error') <= ANNOTATION_CAPS.error && count('warning') <= ANNOTATION_CAPS.warning && count('notice') <= ANNOTATION_CAPS.notice, JSON.stringify([count('error'), count('warning'), count('notice')]));
    assert.ok(out.length <= ANNOTATION_CAPS.job);
    assert.equal(out[0]!.message, 'TODO: new on branch', 'new on the branch first');
    assert.match(out[0]!.props.title!, /new on this branch/);
    const gaps = out.filter((o) => o.props.title === 'resilience/timeout');
    assert.equal(gaps.length, 9, 'nine warnings left after the new item');
    const last = out.at(-1)!;
    assert.equal(last.command, 'notice');
    assert.match(last.message, /^61 item\(s\): 15 error, 16 warning, 30 notice; 1 new on this branch\. 29 annotated, 32 more not shown/);
    const all = formatGithub(result(items), { maxItems: 100 }).trimEnd().split('\n');
    assert.equal(all.length, 62, '--max-items shows everything, plus the totals');
  });

  it('github: escaping of %, CR, LF, : and , round-trips and no command can be injected', () => {
    const nasty = makeItem({ file: 'src/a,b:c%.ts', text: 'line1\r\n::error::forged\nend 100%' });
    const lines = formatGithub(result([nasty])).trimEnd().split('\n');
    assert.equal(lines.length, 2);
    const o = parseCommand(lines[0]!);
    assert.equal(o.props.file, 'src/a,b:c%.ts');
    assert.equal(o.message, 'TODO: line1\r\n::error::forged\nend 100%');
    assert.ok(!/[\r\n]/.test(lines[0]!), 'one line: the forged command stays inside the message');
  });

  it('compact: the tsc shape a problem matcher reads', () => {
    // VS Code's $tsc pattern with our code prefix (the stock one wants TS\d+).
    const matcher = /^([^\s].*)[(:](\d+)[,:](\d+)(?:\):\s+|\s+-\s+)(error|warning|info)\s+(DL\d+)\s*:\s*(.*)$/;
    const m = matcher.exec(compactLine(gap({ file: 'src/x y.ts', line: 7, column: 3 })));
    assert.ok(m);
    assert.deepEqual(m.slice(1, 6), ['src/x y.ts', '7', '3', 'warning', 'DL301']);
    assert.equal(matcher.exec(compactLine(makeItem({ overdue: true })))![4], 'error');
  });

  it('sarif: percent-encoded URIs, ranked cut past 25,000 results with a note', () => {
    const uris = toSarif(result([makeItem({ file: 'src/#hash.ts' }), makeItem({ file: 'src/q?x=1.ts' }), makeItem({ file: 'src/100%.ts' })])).runs[0]!.results!.map((r) => r.locations![0]!.physicalLocation!.artifactLocation!.uri);
    assert.deepEqual(uris, ['src/%23hash.ts', 'src/q%3Fx%3D1.ts', 'src/100%25.ts']);
    const many = Array.from({ length: SARIF_MAX_RESULTS + 100 }, () => makeItem());
    many.push(makeItem({ id: 'the-new-one' }));
    const log = toSarif(result(many), { newIds: new Set(['the-new-one']) });
    const run = log.runs[0]!;
    assert.equal(run.results!.length, SARIF_MAX_RESULTS);
    assert.equal(run.results![0]!.partialFingerprints!['debtLedgerId/v1'], 'the-new-one');
    assert.match(run.invocations![0]!.toolExecutionNotifications![0]!.message.text!, /^101 of 25101 results were left out/);
    assert.deepEqual(validate(log, SARIF_SCHEMA).slice(0, 3), []);
  });

  it('markdown: a 6,000-item ledger stays within the budget, summary first, "and N more"', () => {
    const items = Array.from({ length: 6000 }, (_, k) => (k % 10 === 0 ? gap({ text: '' }) : makeItem({ text: `a fairly long debt text number ${k} that needs a ticket`.repeat(2), owner: '@team-x' })));
    const md = formatMarkdown(result(items), { newIds: new Set([items[5]!.id]) });
    assert.ok(md.length < DEFAULT_MARKDOWN_BUDGET, `${md.length}`);
    const lines = md.split('\n');
    assert.equal(lines[0], '## Debt Ledger');
    assert.match(lines[2]!, /^6000 items .*, \*\*1 new on this branch\*\*\.$/);
    assert.match(md, /<details open><summary>Debt \(5400\)<\/summary>/);
    assert.match(md, /<details><summary>Resilience gaps \(600\)<\/summary>/);
    assert.match(md, /… and \d+ more \(size budget 60000 characters/);
    assert.ok(lines.find((l) => /^\| (?!Where|---)/.test(l))!.includes(`${items[5]!.file}:${items[5]!.line}`), 'the new item is listed first');
    const ten = formatMarkdown(result(items), { maxItems: 10 });
    assert.equal(ten.split('\n').filter((l) => /^\| (?!Where|---)/.test(l)).length, 10);
    assert.match(ten, /… and \d+ more \(--max-items 10;/);
    const linked = formatMarkdown(result([makeItem({ file: 'src/a b#.ts', line: 3 })]), { links: { blob: 'https://github.com/o/r/blob/0123456789abcdef0123456789abcdef01234567/' } });
    assert.match(linked, /\[src\/a b#\.ts:3\]\(https:\/\/github\.com\/o\/r\/blob\/0123456789abcdef0123456789abcdef01234567\/src\/a%20b%23\.ts#L3\)/);
  });
});

describe('permalinks from the remote and commit', () => {
  it('reads GitHub and GitLab remotes (ssh, https with credentials, subgroups) and nothing else', () => {
    assert.deepEqual(webRepository('git@github.com:o/r.git'), { web: 'https://github.com/o/r', kind: 'github' });
    assert.deepEqual(webRepository('https://user:token@github.com/o/r'), { web: 'https://github.com/o/r', kind: 'github' });
    assert.deepEqual(webRepository('ssh://git@gitlab.example.com:2222/g/sub/p.git'), { web: 'https://gitlab.example.com/g/sub/p', kind: 'gitlab' });
    assert.equal(webRepository('/srv/git/r.git'), null);
    assert.equal(webRepository('https://bitbucket.org/o/r.git'), null);
    assert.equal(webRepository('https://github.com/o/r"><script>.git'), null);
    assert.equal(blobPrefix({ web: 'https://gitlab.com/g/p', kind: 'gitlab' }, 'abc'), 'https://gitlab.com/g/p/-/blob/abc/');
  });

  it('scan --format markdown links to the commit when origin is on GitHub; relative dod links otherwise', async (t) => {
    const repo = await TestRepo.create(t, { 'src/a b.ts': '// TODO: linked\n' });
    const head = (await repo.git.revparse(['HEAD'])).trim();
    assert.doesNotMatch((await cli(['scan', '--format', 'markdown', '--no-blame'], repo.dir)).stdout, /\]\(/, 'no remote: no links');
    await repo.git.addRemote('origin', 'git@github.com:acme/service.git');
    const md = (await cli(['scan', '--format', 'markdown', '--no-blame'], repo.dir)).stdout;
    assert.ok(md.includes(`[src/a b.ts:1](https://github.com/acme/service/blob/${head}/src/a%20b.ts#L1)`), md);
  });
});
