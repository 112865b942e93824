import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Session } from 'node:inspector';

/**
 * A CPU profile of the extension host's main thread (all extensions, ours included) for one perf phase,
 * written as `<dir>/<phase>.cpuprofile` when DEBTLEDGER_PERF_PROFILE names a folder (`npm run perf:host --
 * <folder> --profile <dir>`); `node scripts/perf-longtasks.mjs <file>` lists its long tasks with their stacks.
 * Off (no session, no cost) otherwise.
 */
export class PhaseProfiler {
  private readonly dir = process.env.DEBTLEDGER_PERF_PROFILE;
  private session: Session | null = null;

  private post(method: string, params?: object): Promise<unknown> {
    return new Promise((resolve, reject) => this.session!.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result))));
  }

  async start(): Promise<void> {
    if (!this.dir || this.session) return;
    this.session = new Session();
    this.session.connect();
    await this.post('Profiler.enable');
    // 0.5 ms samples: fine enough to place a 50 ms slice, cheap enough not to make one.
    await this.post('Profiler.setSamplingInterval', { interval: 500 });
    await this.post('Profiler.start');
  }

  async stop(phase: string): Promise<void> {
    if (!this.session) return;
    const { profile } = (await this.post('Profiler.stop')) as { profile: unknown };
    this.session.disconnect();
    this.session = null;
    const file = path.join(this.dir!, `${phase}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.log(`PERF profile ${file}`);
  }
}
