import * as path from 'node:path';
import type { TestContext } from 'node:test';
import { runCli } from '../../../src/cli/main';
import * as mainEntry from '../../../src/cli/mainEntry';
import { runWarmCli } from '../../../src/cli/warm/warmCli';
import { TestRepo } from './gitRepo';
import { tempDir } from './tempDir';

/**
 * A repository and the CLI's warm path over it: `run` goes through the launcher (replay or record, its
 * outcome reported), `fresh` is the same scan with no cache at all. `baseArgs` follow `scan --format json`.
 */
export interface WarmHarness {
  repo: TestRepo;
  env: { XDG_CACHE_HOME: string; NO_COLOR: string };
  bundle: string;
  run: (...args: string[]) => Promise<{ outcome: string; text: string; code: number }>;
  fresh: (...args: string[]) => Promise<{ text: string; code: number }>;
}

export async function warmHarness(t: TestContext, files: Record<string, string>, baseArgs: readonly string[] = []): Promise<WarmHarness> {
  const repo = await TestRepo.create(t, files);
  const env = { XDG_CACHE_HOME: tempDir(t), NO_COLOR: '1' };
  const bundle = path.join(tempDir(t, { 'bundle.js': '// build 1\n' }), 'bundle.js');
  const io = (out: string[]) => ({ stdout: (s: string) => out.push(s), stderr: (s: string) => out.push(`ERR ${s}`), cwd: repo.dir, env, isTTY: false, columns: 80 });
  /** One CLI run through the warm path: its outcome and output. */
  const run = async (...args: string[]) => {
    const out: string[] = [];
    let outcome = '';
    const code = await runWarmCli(['scan', '--format', 'json', ...baseArgs, ...args], io(out), { loadMain: () => mainEntry, bundles: [bundle], onOutcome: (o) => (outcome = o) });
    return { outcome, text: out.join(''), code };
  };
  /** The same run with no cache at all, in the same state. */
  const fresh = async (...args: string[]) => {
    const out: string[] = [];
    const code = await runCli(['scan', '--format', 'json', ...baseArgs, '--no-cache', ...args], io(out));
    return { text: out.join(''), code };
  };
  return { repo, env, bundle, run, fresh };
}
