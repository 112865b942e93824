import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { COMMIT_GRAPH_MIN_FILES, ensureCommitGraphFor } from '../../src/core/git/commitGraph';
import { TestRepo } from './helpers/gitRepo';

describe('the commit-graph written for CI blame', () => {
  it('is written once there are enough files to blame, and never twice or for a few files', async (t) => {
    const repo = await TestRepo.create(t, { 'src/a.ts': '// TODO: one\n' });
    await repo.commit('second', { 'src/b.ts': '// TODO: two\n' });
    const graph = path.join(repo.dir, '.git/objects/info/commit-graph');
    assert.equal(await ensureCommitGraphFor(repo.dir, COMMIT_GRAPH_MIN_FILES - 1), false);
    assert.equal(existsSync(graph), false);
    assert.equal(await ensureCommitGraphFor(path.join(repo.dir, 'src'), COMMIT_GRAPH_MIN_FILES), true);
    assert.equal(existsSync(graph), true);
    assert.equal(await ensureCommitGraphFor(repo.dir, 1000), false, 'a graph is there already');
  });

  it('outside a repository: nothing written, no error', async () => {
    assert.equal(await ensureCommitGraphFor(path.parse(process.cwd()).root, 1000), false);
  });
});
