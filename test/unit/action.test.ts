import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { COMMENT_MARKER, runAction } from '../../src/cli/action/actionMain';
import { fitSummary, outputBlock, readPullRequest } from '../../src/cli/action/githubEnv';
import { GITLAB_SCHEMA, SARIF_SCHEMA } from './helpers/ciSchemas';
import { TestRepo } from './helpers/gitRepo';
import { validate } from './helpers/jsonSchema';
import { tempDir } from './helpers/tempDir';

export const ACTION_REPO_CONFIG = JSON.stringify({
  definitionOfDone: {
    base: 'main',
    items: [
      { id: 'ticketed', title: 'New debt is ticketed', check: { type: 'noNewUnticketedDebt' } },
      { id: 'gaps', title: 'No new resilience gaps', check: { type: 'noNewResilienceGaps' } },
    ],
  },
});

/** Parses `$GITHUB_OUTPUT` as the runner does (name<<DELIM blocks). */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2\n/gm;
  for (const m of text.matchAll(re)) out[m[1]!] = m[3]!;
  return out;
}

/** A repository with main and a feature branch adding debt; returns the env a PR run would have. */
export async function prRepo(t: Parameters<typeof tempDir>[0]): Promise<{ repo: TestRepo; env: Record<string, string>; files: { summary: string; output: string; event: string; reports: string } }> {
  const repo = await TestRepo.create(t, {
    '.debtledger.json': ACTION_REPO_CONFIG,
    'src/old.ts': '// TODO(#1): an old, ticketed item\nexport const a = 1;\n',
  });
  const baseSha = (await repo.git.revparse(['HEAD'])).trim();
  await repo.git.checkout(['-b', 'feature/x']);
  await repo.commit('feature', {
    'src/old.ts': '\n// TODO(#1): an old, ticketed item\nexport const a = 1;\n',
    'src/new.ts': '// FIXME: new and unticketed\nexport async function get(u: string) {\n  return fetch(u);\n}\n',
  });
  const work = tempDir(t);
  const files = { summary: path.join(work, 'summary.md'), output: path.join(work, 'output.txt'), event: path.join(work, 'event.json'), reports: path.join(work, 'reports') };
  writeFileSync(files.event, JSON.stringify({ pull_request: { number: 7, base: { sha: baseSha, ref: 'main' }, head: { sha: (await repo.git.revparse(['HEAD'])).trim() } } }));
  writeFileSync(files.summary, '');
  writeFileSync(files.output, '');
  const env = {
    GITHUB_EVENT_PATH: files.event, GITHUB_STEP_SUMMARY: files.summary, GITHUB_OUTPUT: files.output, GITHUB_WORKFLOW: 'pr',
    'INPUT_OUTPUT-DIR': files.reports, INPUT_FORMAT: 'sarif,markdown,gitlab,rdjson', 'INPUT_FAIL-ON': '', INPUT_BLAME: 'true',
  };
  return { repo, env, files };
}

async function action(cwd: string, env: Record<string, string>): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const code = await runAction({ stdout: (s) => (stdout += s), stderr: (s) => (stdout += s), cwd, env, isTTY: false, columns: 120 });
  return { code, stdout };
}

describe('the GitHub Action entry point, on a synthesized pull-request event', () => {
  it('writes the job summary, outputs, annotations and report files for what the branch adds', async (t) => {
    const { repo, env, files } = await prRepo(t);
    const run = await action(repo.dir, env);
    assert.equal(run.code, 1, 'not done: the branch adds unticketed debt and a gap');
    const outputs = parseOutputs(readFileSync(files.output, 'utf8'));
    assert.equal(outputs.done, 'false');
    assert.equal(outputs.items, '4');
    assert.equal(outputs['new-items'], '3', 'the moved old TODO is not new');
    assert.equal(outputs['comment-marker'], COMMENT_MARKER);
    const summary = readFileSync(files.summary, 'utf8');
    assert.ok(summary.startsWith(`${COMMENT_MARKER}\n## Definition of done: ❌ not done`), summary);
    assert.match(summary, /Branch `feature\/x` against `[0-9a-f]{40}`/);
    assert.match(summary, /\*\*3 new on this branch\*\*/);
    const annotations = run.stdout.trimEnd().split('\n');
    assert.ok(annotations.some((l) => l.startsWith('::warning file=src/new.ts,line=1,') && l.includes('FIXME: new and unticketed')), run.stdout);
    assert.ok(annotations.some((l) => l.startsWith('::warning file=src/new.ts,line=3,') && l.includes('title=resilience/timeout (new on this branch)')), run.stdout);
    assert.ok(!run.stdout.includes('src/old.ts'), 'old items are not annotated by default');
    assert.ok(annotations.some((l) => l.startsWith('::error title=Definition of Done::not done: New debt is ticketed (fail); No new resilience gaps (fail)')), run.stdout);
    assert.deepEqual(validate(JSON.parse(readFileSync(outputs.sarif!, 'utf8')), SARIF_SCHEMA), []);
    assert.deepEqual(validate(JSON.parse(readFileSync(outputs.gitlab!, 'utf8')), GITLAB_SCHEMA), []);
    assert.equal(readFileSync(outputs.markdown!, 'utf8'), summary.replace(/\n$/, ''));
    const rd = JSON.parse(readFileSync(outputs.rdjson!, 'utf8')) as { diagnostics: { suggestions?: unknown[] }[] };
    assert.ok(rd.diagnostics.some((d) => d.suggestions && d.suggestions.length > 0), 'the fetch timeout fix is a suggestion');
  });

  it('fail-on counts new items; a typo stops the run with exit 2 and a suggestion', async (t) => {
    const { repo, env, files } = await prRepo(t);
    const clean = await action(repo.dir, { ...env, INPUT_DOD: 'false', 'INPUT_FAIL-ON': 'overdue' });
    assert.equal(clean.code, 0, clean.stdout);
    assert.equal(parseOutputs(readFileSync(files.output, 'utf8')).done, 'n/a');
    const tripped = await action(repo.dir, { ...env, INPUT_DOD: 'false', 'INPUT_FAIL-ON': 'FIXME' });
    assert.equal(tripped.code, 1);
    assert.match(tripped.stdout, /^::error title=Debt Ledger fail-on::fail-on FIXME tripped: 1 new item$/m);
    const typo = await action(repo.dir, { ...env, 'INPUT_FAIL-ON': 'overdu' });
    assert.equal(typo.code, 2);
    assert.match(typo.stdout, /^::error title=Debt Ledger::--fail-on: unknown selector "overdu" \(did you mean "overdue"\?\)/m);
    const badInput = await action(repo.dir, { ...env, INPUT_ANNOTATE: 'some' });
    assert.deepEqual([badInput.code, /input annotate: expected new, all, none/.test(badInput.stdout)], [2, true]);
  });

  it('event payloads and GitHub files: hostile or missing input never crashes, outputs cannot be forged', async (t) => {
    const dir = tempDir(t, { 'bad.json': '{not json', 'push.json': '{"ref":"refs/heads/main"}', 'evil.json': '{"pull_request":{"base":{"sha":"--upload-pack=evil","ref":"main"}}}' });
    assert.deepEqual(await readPullRequest(path.join(dir, 'bad.json')), { baseSha: null, baseRef: null, headSha: null, number: null });
    assert.equal((await readPullRequest(path.join(dir, 'push.json'))).baseSha, null);
    assert.equal((await readPullRequest(path.join(dir, 'evil.json'))).baseSha, null, 'only a hex sha is taken as a base');
    assert.equal((await readPullRequest(path.join(dir, 'none.json'))).number, null);
    const block = outputBlock({ done: 'false\nitems=999' });
    assert.deepEqual(parseOutputs(block), { done: 'false\nitems=999' });
    const big = 'x'.repeat(100) + '\n';
    const fitted = fitSummary(big.repeat(20_000), 1024 * 1024);
    assert.ok(Buffer.byteLength(fitted) <= 1024 * 1024 && fitted.endsWith('see the Markdown artifact.\n'));
  });
});
