import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TestContext } from 'node:test';
import { simpleGit, type SimpleGit } from 'simple-git';

/** Creates a temp folder holding `files` (relative POSIX path -> content), removed after the test. */
export function tempDir(t: TestContext, files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dl-test-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
}

/** A throwaway git repository with one commit of `files` (real git through simple-git). */
export async function tempRepo(t: TestContext, files: Record<string, string | Buffer>): Promise<{ dir: string; git: SimpleGit }> {
  const dir = tempDir(t, files);
  const git = simpleGit({ baseDir: dir });
  await git.init(['--initial-branch=main']);
  await git.addConfig('user.name', 'Test User');
  await git.addConfig('user.email', 'test@example.com');
  await git.addConfig('commit.gpgsign', 'false');
  await git.add(['-A']);
  await git.commit('initial', undefined, { '--allow-empty': null });
  return { dir, git };
}
