import { gitExec } from './gitExec';

/**
 * Which commits touched which file, from ONE pass over the history (`git log -z --name-status -M`), so blame
 * can walk only those commits instead of the whole history for every file. Without it, blame's cost per
 * file grows with the number of commits in the repository (it visits every commit to ask whether the file
 * changed), and a repository that doubles in files usually doubles in commits too: blame of all files with
 * items was quadratic (9.8 s for 5k files, 197 s for 40k, issue 16).
 *
 * Only for linear histories (no merge commit reachable from HEAD), where the chain of commits touching a
 * file is exactly what blame would walk; elsewhere `load` returns null and blame walks as before.
 */
export class FileHistory {
  private constructor(
    private readonly head: string,
    private readonly commits: string[],
    /** path -> indices into `commits` (0 = newest), newest first. */
    private readonly touched: Map<string, number[]>,
    /** new path -> (commit index -> old path) for renames and copies. */
    private readonly renamedFrom: Map<string, Map<number, string>>,
  ) {}

  static async load(top: string): Promise<FileHistory | null> {
    const [head, merges] = await Promise.all([gitExec(top, ['rev-parse', '--verify', '-q', 'HEAD']), gitExec(top, ['rev-list', '--min-parents=2', '-n', '1', 'HEAD'])]);
    if (head.code !== 0 || merges.code !== 0 || merges.stdout.trim() !== '') return null;
    const log = await gitExec(top, ['-c', 'core.quotePath=false', 'log', '-z', '--name-status', '-M', '--format=%x01%H', 'HEAD']);
    if (log.code !== 0) return null;
    return FileHistory.parse(head.stdout.trim(), log.stdout);
  }

  /** Parses `git log -z --name-status -M --format=%x01%H` output; null when it does not look like it. */
  static parse(head: string, out: string): FileHistory | null {
    const commits: string[] = [];
    const touched = new Map<string, number[]>();
    const renamedFrom = new Map<string, Map<number, string>>();
    const touch = (p: string, at: number): void => {
      const list = touched.get(p);
      if (list) list.push(at);
      else touched.set(p, [at]);
    };
    for (const record of out.split('\x01')) {
      if (!record) continue;
      const sha = record.slice(0, 40);
      if (!/^[0-9a-f]{40}$/.test(sha)) return null;
      const at = commits.push(sha) - 1;
      const tokens = record.slice(40).replace(/^\0?\n?/, '').split('\0');
      for (let i = 0; i < tokens.length;) {
        const status = tokens[i]!;
        if (!status) {
          i++;
          continue;
        }
        if (/^[RC]\d*$/.test(status)) {
          const from = tokens[i + 1];
          const to = tokens[i + 2];
          if (from === undefined || to === undefined) return null;
          touch(to, at);
          if (status.startsWith('R')) touch(from, at);
          const m = renamedFrom.get(to) ?? new Map<number, string>();
          m.set(at, from);
          renamedFrom.set(to, m);
          i += 3;
        } else if (/^[AMDTUX]$/.test(status)) {
          const p = tokens[i + 1];
          if (p === undefined) return null;
          touch(p, at);
          i += 2;
        } else return null;
      }
    }
    return new FileHistory(head, commits, touched, renamedFrom);
  }

  /**
   * The graft lines (`commit parent`) making the commits that touched `file` (following renames) a chain
   * from HEAD down to the file's creation, for `git blame -S`. Null when git never saw the file.
   */
  grafts(file: string): string | null {
    const chain: number[] = [];
    let name = file;
    let older = -1;
    for (let hops = 0; hops < 1000; hops++) {
      const list = this.touched.get(name);
      let next: string | undefined;
      for (const at of list ?? []) {
        if (at <= older) continue;
        if (chain[chain.length - 1] !== at) chain.push(at);
        next = this.renamedFrom.get(name)?.get(at);
        if (next !== undefined) {
          older = at;
          break;
        }
      }
      if (next === undefined) break;
      name = next;
    }
    if (chain.length === 0) return null;
    const shas = chain.map((i) => this.commits[i]!);
    if (shas[0] !== this.head) shas.unshift(this.head);
    const lines: string[] = [];
    for (let i = 0; i < shas.length; i++) lines.push(i + 1 < shas.length ? `${shas[i]} ${shas[i + 1]}` : shas[i]!);
    return lines.join('\n') + '\n';
  }
}
