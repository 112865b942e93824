import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type * as Sarif from 'sarif';
import { TOOL_VERSION } from '../../src/core/version';
import { cli } from './helpers/cli';
import { tempDir } from './helpers/tempDir';

const SAMPLE = {
  'src/a.ts': '// TODO(@ann): first #1 [2020-01-01]\nconst s = "TODO: not me";\n// @ts-ignore\nx();\n',
  'src/b.tsx': 'export const B = () => <i>{/* FIXME: jsx | pipe <img src=x onerror=alert(1)> */}</i>;\n',
  'src/c.js': '// HACK: "quoted", comma\n',
};

describe('scan command', () => {
  it('prints a table grouped by file with counts, exit 0', async (t) => {
    const dir = tempDir(t, SAMPLE);
    const run = await cli(['scan', '.', '--no-git'], dir);
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.split('\n');
    assert.equal(lines[0], 'src/a.ts');
    assert.match(run.stdout, /^ +1:4 +TODO +first #1 +@ann +#1 +due 2020-01-01 +OVERDUE$/m);
    assert.match(run.stdout, /^4 items \(@ts-ignore 1, FIXME 1, HACK 1, TODO 1\), 1 overdue in 3 files \(3 scanned\)$/m);
  });

  it('emits the JSON contract: version 1, exact item fields, nulls for missing values', async (t) => {
    const dir = tempDir(t, SAMPLE);
    const run = await cli(['scan', dir, '--format', 'json', '--no-git'], '/');
    const doc = JSON.parse(run.stdout) as { version: number; root: string; items: Record<string, unknown>[]; skipped: unknown[] };
    assert.equal(doc.version, 1);
    assert.equal(doc.root, dir);
    assert.deepEqual(doc.skipped, []);
    for (const item of doc.items) {
      assert.deepEqual(Object.keys(item), ['id', 'kind', 'tag', 'file', 'line', 'column', 'text', 'owner', 'ticket', 'due', 'overdue', 'rule', 'client', 'reason', 'severity', 'endLine', 'endColumn', 'callers', 'introduced', 'team', 'author', 'interest', 'ticketState', 'ticketClosedAt', 'scope', 'package', 'owners', 'labels', 'rules', 'environment']);
      assert.match(item.id as string, /^[0-9a-f]{12}(-\d+)?$/);
    }
    const ignore = doc.items.find((i) => i.tag === '@ts-ignore')!;
    assert.deepEqual({ ...ignore, id: 'x' }, {
      id: 'x', kind: 'suppression', tag: '@ts-ignore', file: 'src/a.ts', line: 3, column: 4, text: '', owner: null, ticket: null, due: null, overdue: false,
      rule: null, client: null, reason: null, severity: null, endLine: 3, endColumn: null, callers: null,
      introduced: null, team: null, author: null, interest: 0, ticketState: null, ticketClosedAt: null, scope: 'source', package: null, owners: [], labels: [], rules: [], environment: null,
    });
  });

  it('emits SARIF 2.1.0 with the required fields, one rule per tag and kind, fingerprints from ids', async (t) => {
    const dir = tempDir(t, SAMPLE);
    const json = JSON.parse((await cli(['scan', '--format', 'json', '--no-git'], dir)).stdout) as { items: { id: string }[] };
    const log = JSON.parse((await cli(['scan', '--format', 'sarif', '--no-git'], dir)).stdout) as Sarif.Log;
    assert.equal(log.version, '2.1.0');
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(log.runs.length, 1);
    const run = log.runs[0]!;
    assert.equal(run.tool.driver.name, 'Debt Ledger');
    assert.equal(run.tool.driver.version, TOOL_VERSION);
    const rules = run.tool.driver.rules!;
    assert.deepEqual(rules.map((r) => r.id).sort(), ['marker/FIXME', 'marker/HACK', 'marker/TODO', 'suppression/@ts-ignore']);
    for (const rule of rules) {
      assert.ok(rule.shortDescription?.text && rule.help?.text, `rule ${rule.id} has descriptions and help`);
      assert.ok(['note', 'warning', 'error', 'none'].includes(rule.defaultConfiguration!.level!));
    }
    assert.equal(run.results!.length, 4);
    for (const r of run.results!) {
      assert.equal(typeof r.message.text, 'string');
      assert.equal(rules[r.ruleIndex!]!.id, r.ruleId, 'ruleIndex points at the rule');
      const loc = r.locations![0]!.physicalLocation!;
      assert.equal(loc.artifactLocation!.uriBaseId, '%SRCROOT%');
      assert.ok(!loc.artifactLocation!.uri!.startsWith('/'), 'relative uri');
      assert.ok(loc.region!.startLine! >= 1 && loc.region!.startColumn! >= 1);
      assert.ok(json.items.some((i) => i.id === r.partialFingerprints!['debtLedgerId/v1']));
    }
    assert.match(run.originalUriBaseIds!['%SRCROOT%']!.uri!, /^file:\/\/.*\/$/);
    assert.equal(run.results!.find((r) => r.ruleId === 'marker/TODO')!.level, 'warning', 'overdue raises the level');
  });

  it('escapes workspace text in Markdown and quotes CSV', async (t) => {
    const dir = tempDir(t, SAMPLE);
    const md = (await cli(['scan', '--format', 'markdown', '--no-git'], dir)).stdout;
    assert.match(md, /\| src\/b\.tsx:1 \| FIXME \| jsx &#124; pipe &lt;img src=x onerror=alert\(1\)&gt; \|/);
    assert.doesNotMatch(md, /<img/);
    const csv = (await cli(['scan', '--format', 'csv', '--no-git'], dir)).stdout.split('\r\n');
    assert.equal(csv[0], 'id,kind,tag,file,line,column,text,owner,ticket,due,overdue,rule,client,severity,interest,introduced,team,scope,package,labels');
    assert.ok(csv.some((row) => row.endsWith(',marker,HACK,src/c.js,1,4,"""quoted"", comma",,,,false,,,,0,,,source,,')), csv.join('\n'));
    assert.ok(csv.some((row) => row.includes(",suppression,'@ts-ignore,")), 'formula-like cells are defused');
  });

  it('writes to --output instead of stdout', async (t) => {
    const dir = tempDir(t, SAMPLE);
    const run = await cli(['scan', '--format', 'json', '--output', 'ledger.json', '--no-git'], dir);
    assert.equal(run.stdout, '');
    const { readFileSync } = await import('node:fs');
    assert.equal((JSON.parse(readFileSync(path.join(dir, 'ledger.json'), 'utf8')) as { items: unknown[] }).items.length, 4);
  });
});

describe('exit codes', () => {
  it('exits 1 when --fail-on trips and 0 when it does not', async (t) => {
    const dir = tempDir(t, SAMPLE);
    const overdue = await cli(['scan', '--fail-on', 'overdue', '--no-git'], dir);
    assert.equal(overdue.code, 1);
    assert.equal(overdue.stderr, 'debt-ledger: --fail-on overdue tripped (1 item)\n');
    assert.equal((await cli(['scan', '--fail-on', 'count>50', '--no-git'], dir)).code, 0);
    assert.equal((await cli(['scan', '--fail-on', 'count>=4', '--no-git'], dir)).code, 1);
    assert.equal((await cli(['scan', '--fail-on', 'FIXME,unticketed>5', '--no-git'], dir)).code, 1);
    assert.equal((await cli(['scan', '--fail-on', '@ts-ignore>1,unticketed>5', '--no-git'], dir)).code, 0);
  });

  it('exits 2 with one line naming the problem for usage errors', async (t) => {
    const dir = tempDir(t, SAMPLE);
    const cases: [string[], string][] = [
      [['scan', '--format', 'xml'], 'debt-ledger: unknown --format "xml" (expected table, json, markdown, csv, sarif, gitlab, github, rdjson, compact)\n'],
      [['scan', '--fail-on', 'count>>3'], 'debt-ledger: --fail-on: cannot read "count>>3" (expected e.g. overdue, FIXME, count>50)\n'],
      [['scan', 'nope'], 'debt-ledger: nope is not a folder\n'],
      [['frobnicate'], 'debt-ledger: unknown command "frobnicate" (try: debt-ledger scan [dir], dod, signoff, baseline, trend, init, merge, tickets, or --help)\n'],
    ];
    for (const [args, message] of cases) {
      const run = await cli(args, dir);
      assert.deepEqual([run.code, run.stderr], [2, message], args.join(' '));
    }
    const unknownFlag = await cli(['scan', '--colour'], dir);
    assert.equal(unknownFlag.code, 2);
    assert.match(unknownFlag.stderr, /^debt-ledger: Unknown option '--colour'/);
  });

  it('exits 2 on a broken configuration, naming file, key and problem', async (t) => {
    const badType = tempDir(t, { ...SAMPLE, '.debtledger.json': '{ "tags": "TODO" }' });
    const run = await cli(['scan'], badType);
    assert.deepEqual([run.code, run.stderr], [2, 'debt-ledger: invalid configuration:\n.debtledger.json tags: expected an array of strings, got string "TODO"\n']);
    const badJson = tempDir(t, { '.debtledger.json': '{ "tags": [ }' });
    assert.equal((await cli(['scan'], badJson)).stderr, 'debt-ledger: invalid configuration:\n.debtledger.json 1:13: invalid JSON: ValueExpected\n');
    const missing = await cli(['scan', '--config', 'missing.json'], badJson);
    assert.deepEqual([missing.code, missing.stderr], [2, 'debt-ledger: invalid configuration:\nmissing.json: file not found\n']);
  });

  it('--help and --version exit 0', async (t) => {
    const dir = tempDir(t);
    assert.deepEqual(await cli(['--version'], dir), { code: 0, stdout: `${TOOL_VERSION}\n`, stderr: '' });
    const help = await cli(['--help'], dir);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage:\n {2}debt-ledger scan \[dir\]/);
  });

  it('the real process sets the exit code (compiled bin)', (t) => {
    const dir = tempDir(t, SAMPLE);
    const bin = path.join(__dirname, '../../src/cli/bin.js');
    const env = { ...process.env, XDG_CACHE_HOME: path.join(dir, '.cache-home') };
    const ok = spawnSync(process.execPath, [bin, 'scan', dir, '--format', 'json'], { encoding: 'utf8', env });
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal((JSON.parse(ok.stdout) as { items: unknown[] }).items.length, 4);
    assert.equal(spawnSync(process.execPath, [bin, 'scan', dir, '--fail-on', 'overdue'], { encoding: 'utf8', env }).status, 1);
    assert.equal(spawnSync(process.execPath, [bin, 'scan', '--format', 'nope'], { encoding: 'utf8', env }).status, 2);
  });
});
