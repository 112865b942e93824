import { lstatSync } from 'node:fs';
import { readFileSafeSync, writeFileAtomic } from '../../core/fs/safeFs';
import { localToday } from '../../core/ledger/ids';
import type { CliIo } from '../io';
import { markPhase } from './warmTrace';
import { listingHolds, readRunSnapshot, recordRunSnapshot, startCheckProbe, startEarlyStats, startGitProbe, startStatPass, validateRunSnapshot, warmPlan, type GitProbe, type ScanProof, type StoredOutput } from './runSnapshot';

/** What the launcher needs from the CLI bundle (src/cli/mainEntry.ts). */
export interface MainModule {
  runCli(argv: readonly string[], io: CliIo): Promise<number>;
  startReadTrail(): void;
  takeReadTrail(): { files: string[]; dirs: string[] };
}

export interface WarmCliOptions {
  /** Loads the CLI bundle (only when the stored output cannot answer). */
  loadMain: () => MainModule;
  /** Files whose size and mtime identify this build (the bundles). */
  bundles: readonly string[];
  /** Called once the run is known to be replayed or not (for the bench and tests). */
  onOutcome?: (outcome: 'replayed' | 'ran' | 'recorded') => void;
}

/**
 * The CLI behind the warm path (see runSnapshot.ts): a `scan` whose inputs are all unchanged prints the
 * stored output; any other run goes to the CLI bundle and, when it can be replayed later, is recorded.
 */
export async function runWarmCli(argv: readonly string[], io: CliIo, options: WarmCliOptions): Promise<number> {
  const startedAt = Date.now();
  const plan = warmPlan(argv, io, options.bundles, localToday());
  markPhase('plan (argv, key, bundle stats)');
  let probe: GitProbe | null = null;
  let prestat: ScanProof | null = null;
  let holds: Promise<boolean> | null = null;
  if (plan) {
    // find starts on the stored parts of its input first; the snapshot is read while it works.
    const early = startEarlyStats(plan);
    markPhase('start find');
    const snap = readRunSnapshot(plan);
    if (!snap) early?.cancel();
    markPhase('read + parse stored run');
    const stats = snap ? startStatPass(plan, snap, early) : null;
    markPhase('start the stat pass');
    const check = snap && plan.useGit ? startCheckProbe(plan.root, snap) : null;
    markPhase('start git');
    const out = snap && stats ? await validateRunSnapshot(plan, snap, stats, check, (missed) => {
      // A stat differs: start the full listing now, while the CLI loads; the scan may reuse the stat pass.
      // Only listed files differ (`missed` is their stat pass): the side files held, so git's answers they prove are the recorded ones.
      if (plan.useGit) probe ??= startGitProbe(plan.root, check, missed ? snap : null);
      prestat = missed;
    }) : null;
    markPhase('wait for git, compare');
    if (out && (await replay(out, io))) {
      markPhase('write -o file, stdout');
      options.onOutcome?.('replayed');
      return out.code;
    }
    if (plan.useGit) probe ??= startGitProbe(plan.root, check);
    // Only listed files' stats differ and git says what it said: the scan takes the snapshot's listing as
    // it is. Git's answers are awaited once the bundle is loaded (git works meanwhile).
    if ((prestat as ScanProof | null)?.source === 'git' && snap) holds = listingHolds(snap, check);
  }
  const main = options.loadMain();
  const pre = prestat as ScanProof | null;
  if (pre && holds && (await holds)) prestat = { ...pre, gitListed: true };
  markPhase('load the CLI bundle');
  if (!plan) {
    options.onOutcome?.('ran');
    return main.runCli(argv, io);
  }
  let proof: ScanProof | null = null;
  let file: { file: string; text: string } | null = null;
  const stdout: string[] = [];
  const stderr: string[] = [];
  const recording: CliIo = {
    ...io,
    stdout: (t) => {
      stdout.push(t);
      io.stdout(t);
    },
    stderr: (t) => {
      stderr.push(t);
      io.stderr(t);
    },
    warm: {
      onScanProof: (p) => {
        proof = p;
      },
      onOutputFile: (f, text) => {
        file = { file: f, text };
      },
      ...(probe?.outputs ? { gitListing: probe.outputs } : {}),
      ...(prestat ? { prestat } : {}),
    },
  };
  main.startReadTrail();
  const code = await main.runCli(argv, recording);
  markPhase('run the CLI');
  const trail = main.takeReadTrail();
  const reused = (prestat as ScanProof | null)?.walked;
  if (reused && (proof as ScanProof | null)?.source === 'walk' && trail.dirs.length === 0) {
    // The scan took the stored walk (nothing it rests on changed): what that walk read still counts.
    trail.dirs.push(...reused.dirs);
    trail.files.push(...reused.side);
  }
  const f = file as { file: string; text: string } | null;
  const out: StoredOutput = { stdout: stdout.join(''), stderr: stderr.join(''), code, file: f?.file ?? null, text: f?.text ?? null };
  const recorded = await recordRunSnapshot(plan, { startedAt, probe: probe as GitProbe | null, proof, trail, out, prestat: prestat as ScanProof | null });
  markPhase('record the run');
  options.onOutcome?.(recorded ? 'recorded' : 'ran');
  return code;
}

/**
 * Writes a stored output; false when the `-o` file cannot be written (the normal run then says why). An
 * `-o` file that already holds exactly these bytes (a regular file, not a link) is left as it is: the
 * end state is the same, without a temp file, an fsync and a rename (5-10 ms of a ~100 ms replay).
 */
async function replay(out: StoredOutput, io: CliIo): Promise<boolean> {
  if (out.file !== null && out.text !== null && !holdsAlready(out.file, out.text)) {
    try {
      await writeFileAtomic(out.file, out.text, { createDir: true });
    } catch {
      return false;
    }
  }
  if (out.stdout) io.stdout(out.stdout);
  if (out.stderr) io.stderr(out.stderr);
  return true;
}

function holdsAlready(file: string, text: string | Uint8Array): boolean {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  try {
    const st = lstatSync(file, { throwIfNoEntry: false });
    if (!st?.isFile() || st.size !== bytes.length) return false;
    const read = readFileSafeSync(file, { maxBytes: bytes.length });
    return read.ok && read.bytes.equals(bytes);
  } catch {
    return false;
  }
}
