import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';

const repo = path.join(__dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(path.join(repo, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));
}

it('src/core and src/cli never import vscode (the dependency rule)', () => {
  const offenders = [...sources('src/core'), ...sources('src/cli')].filter((f) =>
    /from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)|import\(\s*['"]vscode['"]\s*\)/.test(readFileSync(path.join(repo, f), 'utf8')));
  assert.deepEqual(offenders, []);
});

it('src/core never imports from src/cli or src/extension', () => {
  const offenders = sources('src/core').filter((f) => /from\s+['"](\.\.\/)+(cli|extension)\//.test(readFileSync(path.join(repo, f), 'utf8')));
  assert.deepEqual(offenders, []);
});
