import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveConfig } from '../../src/core/config/resolveConfig';
import { dodTemplate } from '../../src/core/dod/dodTemplate';

describe('Definition of Done template', () => {
  it('fits a monorepo with changesets: per-package source and tests, a changeset item; and it validates', () => {
    const t = dodTemplate({ files: ['packages/server/src/a.ts', 'packages/server/test/a.test.ts', '.changeset/config.json', 'README.md'] });
    const ids = t.definitionOfDone.items.map((i) => i.id);
    assert.deepEqual(ids, ['tests', 'changeset', 'ticketed-debt', 'overdue', 'resilience', 'size', 'review']);
    assert.deepEqual((t.definitionOfDone.items[0]!.check as { source: string[] }).source, ['packages/*/src/**']);
    const resolved = resolveConfig({ definitionOfDone: t.definitionOfDone });
    assert.deepEqual(resolved.errors, []);
  });

  it('fits a single package with a changelog and no tests', () => {
    const t = dodTemplate({ files: ['src/index.ts', 'CHANGELOG.md'] });
    assert.deepEqual(t.definitionOfDone.items.map((i) => i.id), ['changelog', 'ticketed-debt', 'overdue', 'resilience', 'size', 'review']);
    assert.deepEqual(resolveConfig({ definitionOfDone: t.definitionOfDone }).errors, []);
  });
});
