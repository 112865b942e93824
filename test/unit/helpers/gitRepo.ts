import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TestContext } from 'node:test';
import { simpleGit, type SimpleGit } from 'simple-git';
import { writeFiles } from './tempDir';

/** A throwaway repository: write files and commit them as a given person, switch branches. */
export class TestRepo {
  private constructor(readonly dir: string, readonly git: SimpleGit) {}

  static async create(t: TestContext, files: Record<string, string> = {}, options: { commit?: boolean } = {}): Promise<TestRepo> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dl-git-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const repo = new TestRepo(dir, simpleGit({ baseDir: dir }));
    await repo.git.init(['--initial-branch=main']);
    await repo.as('Ann Author', 'ann@example.com');
    await repo.git.addConfig('commit.gpgsign', 'false');
    if (options.commit !== false) await repo.commit('initial', files);
    return repo;
  }

  static async clone(t: TestContext, from: string, args: string[] = []): Promise<TestRepo> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dl-clone-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    await simpleGit().clone(from, dir, args);
    const repo = new TestRepo(dir, simpleGit({ baseDir: dir }));
    await repo.as('Ann Author', 'ann@example.com');
    return repo;
  }

  async as(name: string, email: string): Promise<this> {
    await this.git.addConfig('user.name', name);
    await this.git.addConfig('user.email', email);
    return this;
  }

  async commit(message: string, files: Record<string, string> = {}): Promise<string> {
    writeFiles(this.dir, files);
    await this.git.add(['-A']);
    await this.git.commit(message, undefined, { '--allow-empty': null });
    return (await this.git.revparse(['HEAD'])).trim();
  }

  async branch(name: string): Promise<void> {
    await this.git.checkout(['-b', name]);
  }
}
