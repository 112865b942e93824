import { readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { sigOf, sigWith, type Sig } from '../../core/fs/readTrail';
import { readFileSafeSync, replaceCacheFileSync } from '../../core/fs/safeFs';
import { gitExec, type GitOutput } from '../../core/git/gitExec';
import { gitListingArgs, type GitListingOutputs } from '../../core/git/gitFiles';
import { CODEOWNERS_LOCATIONS } from '../../core/intel/codeowners';
import { TOOL_VERSION } from '../../core/version';
import { cacheDir } from '../cachePaths';
import { CLI_OPTIONS } from '../options';
import { decodeRunFile, encodeRunFileChunks, inputPaths, type RunSnapshot, type StoredOutput } from './runFile';
import { FIND_MAX_PARTS, findParts, findUsable, pathList, splitInput, startEarlyFind, statPaths, type EarlyFind } from './statPass';
import { markPhase } from './warmTrace';

/**
 * The CLI's warm path: a `scan` whose every input is unchanged prints the stored output of the last run
 * with the same arguments, without loading the CLI bundle, the configuration code or the compiler.
 *
 * Inputs, all part of the proof (any difference: the normal run, which records a new snapshot):
 * - the key: tool version, the bundles' size and mtime, argv, cwd, terminal (TTY, columns, NO_COLOR), today;
 * - what git says: the listing's own calls (core/git/gitFiles.ts: work tree and repository, `check-ignore .`,
 *   both `ls-files`), their raw answers, so a new, deleted, renamed or (un)ignored file shows; the calls
 *   start before anything else and, when the run is not replayed, the scan uses their answers;
 * - HEAD: size, mtime and inode of `HEAD`, its branch's ref file, `packed-refs` and the repository's
 *   `config` (a commit, checkout, fetch into the branch or gc changes one of them);
 * - size and mtime of every listed file (the scan's own stat pass, taken before it read them);
 * - size, mtime and inode of every other file the run read or looked for (core/fs/readTrail.ts: the
 *   configuration, `.gitattributes`, workspace manifests, tsconfig/package.json, CODEOWNERS, `.mailmap`,
 *   `.gitignore`s) and the mtime and inode of every folder a walk listed.
 * Runs that depend on more than that are never replayed: `--tickets` and `closed-ticket` (trackers),
 * `--new-since` and `--baseline` (other refs and files), `--write-commit-graph` (a side effect), markdown
 * (remote links), `--no-cache`. A file modified within `RACY_MS` before the run (or folder) means no
 * snapshot is written: a second change in the same timestamp tick would not show.
 */
const VERSION = 2;
const RACY_MS = 3000;
const MAX_SNAPSHOT = 256 * 1024 * 1024;

export type { StoredOutput } from './runFile';

export interface WarmPlan {
  root: string;
  useGit: boolean;
  key: string;
  file: string;
}


/** The scan's stat pass (files, sizes, mtimes, taken before reading) and how the files were listed. */
export interface ScanProof {
  source: 'git' | 'walk';
  files: readonly string[];
  sizes: readonly number[];
  mtimes: readonly number[];
  statAt: number;
  /** Handed to the scan: `files` is git's listing as it is now (every git answer it rests on is as recorded). */
  gitListed?: boolean;
  /** Handed to the scan and the recording: the side files' and folders' stats, as the stat pass found them (unchanged). */
  seen?: ReadonlyMap<string, Sig>;
  /**
   * find's raw answer over the stat input these stats come from (a miss's stat pass): when the run
   * recorded after it rests on exactly those stats, the answer is kept as the new snapshot's known one.
   */
  found?: {
    input: Buffer;
    raw: Buffer;
    /** The folders at the head of `input`, in order. */
    dirs: readonly string[];
    /** The stored part files are `input` (the pass took the early find's answer). */
    inParts: boolean;
  };
  /** A walk's refusals (from the scan), or, handed to the scan, a walk's answer known to be unchanged. */
  walked?: { files: readonly string[]; skipped: readonly { file: string; reason: string }[]; dirs: readonly string[]; side: readonly string[] };
}

export interface PlanIo {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  isTTY: boolean;
  columns: number;
}

/** The warm-path plan of an argv, or null when the run is not one that can be replayed. */
export function warmPlan(argv: readonly string[], io: PlanIo, bundles: readonly string[], today: string): WarmPlan | null {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: CLI_OPTIONS });
  } catch {
    return null; // the real parser reports it
  }
  const { values: v, positionals } = parsed;
  const [command = 'scan', ...rest] = positionals;
  if (command !== 'scan' || rest.length > 1 || v.help || v.version || v.debug || v['no-cache'] || v.tickets || v['new-since'] !== undefined) return null;
  if (v.baseline || v['baseline-file'] !== undefined || v['write-commit-graph'] || v.format === 'markdown') return null;
  if (v['fail-on'] !== undefined && /closed-ticket/i.test(v['fail-on'])) return null;
  const root = path.resolve(io.cwd, rest[0] ?? '.');
  const bundleSigs = bundles.map((b) => sigOf(b));
  const key = JSON.stringify({ VERSION, tool: TOOL_VERSION, bundleSigs, argv, cwd: io.cwd, root, tty: io.isTTY, columns: io.isTTY ? io.columns : 0, noColor: !!io.env.NO_COLOR, today, gitEnv: Object.entries(io.env).filter(([k]) => k.startsWith('GIT_')).sort() });
  // One file per root and argument set; the name is a short hash, the whole key is compared on read.
  return { root, useGit: !v['no-git'], key, file: path.join(cacheDir(io.env), `run-${fnv(root)}-${fnv(key)}.run`) };
}

/** FNV-1a, 32 bits, as 8 hex digits: a file name, never a check (the key itself is compared). */
function fnv(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}


/**
 * What git says about the folder. Without a snapshot (or after a miss): the listing's four calls, which
 * the scan then uses. To validate a snapshot: only the calls whose answer no file stat can prove:
 * `check-ignore .` and the untracked listing (and the tracked one when the repository has submodules);
 * the work-tree answer is proven by the `.git` entries from the folder up to the top, the tracked listing
 * by the index (both recorded as side files).
 */
export interface GitProbe {
  /** Every call's answer, in `GitListingOutputs` order; null for a call proven by stats instead. */
  answers: Promise<(string | null)[]>;
  /** The full listing (for the scan), when this probe ran it. */
  outputs?: Promise<GitListingOutputs>;
  /** A check probe's calls, by position (null: not asked). */
  calls?: (Promise<GitOutput> | null)[];
}

const answerOf = (o: GitOutput): string => `${o.code}\0${o.error ?? ''}\0${o.stdout}`;

/** A recorded `check-ignore .` answer saying the folder is ignored (exit 0, naming `.`). */
const saysIgnored = (answer: string | undefined): boolean => /^0\0\0\.\n?$/.test(answer ?? '');

/**
 * The listing's four calls, for the scan and for recording. A check probe's calls are the listing's own,
 * started earlier: their answers are reused, not asked again. `proven`: the snapshot whose side files all
 * held (a stat miss on listed files only): the calls the check probe left out are proven by those stats
 * (the work tree by the `.git` entries, the tracked listing by the index), so their recorded answers are
 * git's answers now; a recorded failure is asked again (its stderr was not kept), and so is the
 * untracked listing, unless the folder was ignored and still is.
 */
export function startGitProbe(root: string, check?: GitProbe | null, proven?: RunSnapshot | null): GitProbe {
  const args = gitListingArgs(true);
  const recorded = (i: number): Promise<GitOutput> | null => {
    const answer = check?.calls && proven?.git?.[i];
    const parsed = answer ? outputOf(answer) : null;
    if (parsed?.code !== 0) return null;
    if (i === 0 || i === 2) return Promise.resolve(parsed);
    // The untracked listing: no stat proves it (a new file). It counts only when the folder is not
    // ignored; in an ignored folder it is taken as recorded while check-ignore still says so.
    const checking = check?.calls?.[1];
    if (i !== 3 || !saysIgnored(proven!.git![1]) || !checking) return null;
    return checking.then((now) => (answerOf(now) === proven!.git![1] ? parsed : gitExec(root, args[3])));
  };
  const outputs = Promise.all(args.map((a, i) => check?.calls?.[i] ?? recorded(i) ?? gitExec(root, a))) as unknown as Promise<GitListingOutputs>;
  return { outputs, answers: outputs.then((outs) => outs.map(answerOf)) };
}

/** A recorded answer (answerOf) back as git's output; stderr is not recorded (only kept for failures). */
function outputOf(answer: string): GitOutput | null {
  const a = answer.indexOf('\0');
  const b = a < 0 ? -1 : answer.indexOf('\0', a + 1);
  if (b < 0 || !/^\d+$/.test(answer.slice(0, a))) return null;
  return { code: Number(answer.slice(0, a)), error: answer.slice(a + 1, b) || null, stdout: answer.slice(b + 1), stderr: '' };
}

/**
 * True when the check probe's answers are the recorded ones: with the side files held (the other calls
 * proven), git would list exactly the snapshot's files.
 */
export async function listingHolds(snap: RunSnapshot, check: GitProbe | null): Promise<boolean> {
  if (!check || !snap.git) return false;
  const answers = await check.answers;
  return answers.length === snap.git.length && answers.every((a, i) => a === null || a === snap.git![i]);
}

/** The calls a snapshot's validation needs (see GitProbe); started at once, awaited last. */
export function startCheckProbe(root: string, snap: RunSnapshot): GitProbe | null {
  if (!snap.git) return null;
  const [inside, ignored] = snap.git;
  const args = gitListingArgs(true);
  const isRepo = inside!.startsWith('0\0');
  const isIgnored = saysIgnored(ignored);
  const modules = snap.side.some(([p, size]) => path.basename(p) === '.gitmodules' && size !== -1);
  const wanted = [false, isRepo, isRepo && !isIgnored && modules, isRepo && !isIgnored];
  const calls = wanted.map((w, i) => (w ? gitExec(root, args[i]!) : null));
  return { calls, answers: Promise.all(calls.map((c) => c?.then(answerOf) ?? null)) };
}

/**
 * The files the git answers rest on, from the first call's answer (work tree, top, git dir, common dir):
 * `.git` in every folder from the root up to the top (up to the file system's root outside a repository),
 * the index, HEAD, its ref, packed-refs, the config, worktree links, and CODEOWNERS, `.mailmap` and
 * `.gitmodules` at the top.
 */
function gitFacts(root: string, first: string): string[] {
  const [inside, top, gitDir, commonDir] = first.split('\n').map((l) => l.trim());
  const files: string[] = [];
  for (let dir = root; ; dir = path.dirname(dir)) {
    files.push(path.join(dir, '.git'));
    if ((inside === 'true' && dir === top) || path.dirname(dir) === dir) break;
  }
  if (inside !== 'true' || !top || !gitDir || !commonDir) return files;
  const git = path.resolve(root, gitDir);
  const common = path.resolve(root, commonDir);
  files.push(...['HEAD', 'index', 'commondir', 'gitdir'].map((f) => path.join(git, f)), ...['packed-refs', 'config', path.join('reftable', 'tables.list')].map((f) => path.join(common, f)));
  files.push(...[...CODEOWNERS_LOCATIONS, '.mailmap', '.gitmodules'].map((f) => path.join(top, f)));
  const head = readFileSafeSync(path.join(git, 'HEAD'), { maxBytes: 4096 });
  const ref = head.ok ? /^ref:\s*(refs\/\S+)\s*$/.exec(head.bytes.toString('utf8'))?.[1] : undefined;
  if (ref && !ref.split('/').includes('..')) files.push(path.join(common, ref));
  return files;
}

/** Reads the plan's snapshot: null when missing, damaged or for another key. */
export function readRunSnapshot(plan: WarmPlan): RunSnapshot | null {
  const read = readFileSafeSync(plan.file, { maxBytes: MAX_SNAPSHOT });
  if (!read.ok) return null;
  const snap = decodeRunFile(read.bytes, VERSION);
  return snap && snap.key === plan.key ? snap : null;
}

/**
 * The stored output when every recorded input is unchanged. One stat pass (statPass.ts) covers the side
 * files, folders and listed files while git works; the git answers are compared last. On a miss where
 * only listed files' stats differ, `onStatMiss` gets the stat pass over the snapshot's file list (taken
 * before anything was read), which the scan can use as its own.
 */
export async function validateRunSnapshot(plan: WarmPlan, snap: RunSnapshot, stats: StartedStats, probe: GitProbe | null, onStatMiss?: (prestat: ScanProof | null) => void): Promise<StoredOutput | null> {
  if ((snap.git === null) !== (probe === null) || (snap.git && snap.git.length !== 4)) return null;
  const held = await statsHold(plan, snap, stats);
  if (held !== true) {
    onStatMiss?.(held);
    return null;
  }
  if (probe && snap.git) {
    const answers = await probe.answers;
    if (answers.length !== snap.git.length || answers.some((a, i) => a !== null && a !== snap.git![i])) return null;
  }
  return snap.out;
}

/** The stat pass over a snapshot's folders and listed files, under way (see startStatPass). */
export interface StartedStats {
  pass: ReturnType<typeof statPaths>;
  statAt: number;
}

/**
 * Starts the stat pass over the snapshot's folders and listed files: the longest part of a replay (find
 * processes, ~30 ms each on the bench's folders), so it starts before git is asked and before the side
 * files are stat'ed here, which both overlap it.
 */
export function startStatPass(plan: WarmPlan, snap: RunSnapshot, early?: EarlyStats | null): StartedStats {
  const statAt = early?.statAt ?? Date.now();
  // The known answer is read once find has answered (it is compared only then).
  const pass = statPaths(plan.root, { count: snap.dirs.length + snap.n, input: snap.input, findable: snap.findable, paths: () => inputPaths(snap.input) }, { known: () => readKnownAnswer(plan, snap), early });
  return { pass, statAt };
}

/**
 * The stat pass's input as find part files next to the snapshot (`run-….p0`, `.p1`, ...: the split
 * findParts makes), written when the snapshot is: the next replay starts find on them as soon as it knows
 * the snapshot's name, before reading the snapshot (5-8 ms of reading and decoding on the bench corpus),
 * and uses the answer only when the parts are exactly the snapshot's input (EarlyFind.holds).
 */
const partFile = (plan: WarmPlan, i: number): string => besideRun(plan.file, `p${i}`);

/** A file kept beside a stored run (`run-<root>-<key>.<ext>`). */
const besideRun = (runFile: string, ext: string): string => runFile.replace(/\.run$/, `.${ext}`);

/** Every file of one stored run: the run, its known answer, its find parts. */
const storedRunFiles = (runFile: string): string[] => [runFile, besideRun(runFile, 'stat'), ...Array.from({ length: FIND_MAX_PARTS }, (_, i) => besideRun(runFile, `p${i}`))];

/** find under way over the stored part files, and when it started (the pass's time). */
export type EarlyStats = EarlyFind & { statAt: number };

/** find over the stored part files, started before the snapshot is read; null when there are none. */
export function startEarlyStats(plan: WarmPlan): EarlyStats | null {
  if (!findUsable(Infinity)) return null;
  const statAt = Date.now();
  const early = startEarlyFind(plan.root, (i) => partFile(plan, i));
  return early ? Object.assign(early, { statAt }) : null;
}

/** Writes the part files of a new snapshot's stat input and removes any others (see partFile). */
function writeParts(plan: WarmPlan, input: Buffer, count: number, findable: boolean): void {
  const parts = findable && findUsable(count) ? splitInput(input, findParts(count)) : [];
  // Parts left from an earlier snapshot would not hold (EarlyFind.holds), but cost a find each time.
  for (let i = parts.length; i < FIND_MAX_PARTS; i++) rmSync(partFile(plan, i), { force: true });
  // A part that cannot be written leaves p0 gone: the next pass starts its own find.
  if (!parts.every((p, i) => replaceCacheFileSync(partFile(plan, i), p))) rmSync(partFile(plan, 0), { force: true });
}

/** True when every stat is as recorded; else the listed files' stat pass (null when a side file or folder differs). */
async function statsHold(plan: WarmPlan, snap: RunSnapshot, stats: StartedStats): Promise<true | ScanProof | null> {
  // Side files are few and often missing (looked for, not found): stat'ed here while find works.
  for (const [p, ...s] of snap.side) {
    const now = sigOf(p);
    if (now[0] !== s[0] || now[1] !== s[1] || now[2] !== s[2]) return null;
  }
  const nDirs = snap.dirs.length;
  const { statAt } = stats;
  const pass = await stats.pass;
  markPhase(`stat ${snap.side.length} side files, ${nDirs} dirs, ${snap.n} listed files (${pass.via}${pass.early ? ', started early' : ''}${pass.same ? ', as known' : ''})`);
  if (pass.same) return true;
  const { kinds, sizes: pSizes, mtimes: pMtimes, inos } = pass;
  for (let i = 0; i < nDirs; i++) {
    const [, mtime, ino] = snap.dirs[i]!;
    if (kinds[i] === 0 ? mtime !== 0 || ino !== 0 : mtime !== pMtimes[i] || ino !== inos[i]) return null;
  }
  const off = nDirs;
  const n = snap.n;
  // One path per stat (the paths themselves are split out only on a miss, below).
  if (countPaths(snap.input) !== nDirs + n) return null;
  const sizes = new Array<number>(n);
  const mtimes = new Array<number>(n);
  let same = true;
  for (let j = 0; j < n; j++) {
    const k = kinds[off + j]!;
    // The scan's own encoding (core/scan/ledgerSnapshot.ts): -1 gone, -2 not a regular file.
    sizes[j] = k === 0 ? -1 : k === 1 ? pSizes[off + j]! : -2;
    mtimes[j] = k === 0 ? 0 : pMtimes[off + j]!;
    if (sizes[j] !== snap.sizes[j] || mtimes[j] !== snap.mtimes[j]) same = false;
  }
  if (same) {
    if (pass.raw) writeKnownAnswer(plan, snap, pass.raw);
    return true;
  }
  const files = inputPaths(snap.input).slice(nDirs);
  const dirPaths = snap.dirs.map(([p]) => p);
  // Every folder and side file is as it was: a walk would list the same files (the configuration is in the key).
  const walked = snap.walk ? { files, skipped: snap.walk, dirs: dirPaths, side: snap.side.map(([p]) => p) } : undefined;
  // Their stats, so the scan's snapshot check and the recording need not stat them again (773 folders on the bench corpus).
  const seen = new Map<string, Sig>(snap.side.map(([p, ...s]) => [p, s]));
  for (let i = 0; i < nDirs; i++) seen.set(snap.dirs[i]![0], kinds[i] === 0 ? [-1, 0, 0] : [kinds[i] === 3 ? -2 : pSizes[i]!, pMtimes[i]!, inos[i]!]);
  const found = pass.raw ? { input: snap.input, raw: pass.raw, dirs: dirPaths, inParts: pass.early } : undefined;
  return { source: snap.walk ? 'walk' : 'git', files, sizes, mtimes, statAt, seen, ...(walked ? { walked } : {}), ...(found ? { found } : {}) };
}

/** The number of NUL-terminated paths in a stat input. */
function countPaths(input: Buffer): number {
  let count = 0;
  for (let at = input.indexOf(0); at >= 0; at = input.indexOf(0, at + 1)) count++;
  return count;
}

/**
 * find's raw answer over a snapshot's paths, kept next to it once a replay found every stat as recorded
 * (`run-….stat`): the next replay compares find's answer byte for byte instead of parsing it (10-15 ms for
 * 10,000 paths). Bound to the snapshot file by its size, mtime and inode: a snapshot written again (temp +
 * rename, a new inode) makes it stale.
 */
const knownFile = (plan: WarmPlan): string => besideRun(plan.file, 'stat');

function readKnownAnswer(plan: WarmPlan, snap: RunSnapshot): Buffer | null {
    const read = readFileSafeSync(knownFile(plan), { maxBytes: MAX_SNAPSHOT });
  if (!read.ok) return null;
  const nl = read.bytes.indexOf(10);
  const head = nl > 0 ? read.bytes.toString('latin1', 0, nl) : '';
  return head === knownHead(plan, snap.id) ? read.bytes.subarray(nl + 1) : null;
}

const knownHead = (plan: WarmPlan, id: string): string => `DLSTAT1 ${id} ${sigOf(plan.file).join(' ')}`;

function writeKnownAnswer(plan: WarmPlan, snap: RunSnapshot, raw: Buffer): void {
  // A failure only costs speed next time.
  replaceCacheFileSync(knownFile(plan), Buffer.concat([Buffer.from(`${knownHead(plan, snap.id)}\n`, 'latin1'), raw]));
}

/**
 * Writes the snapshot after a normal run, when everything it rests on is older than the racy window
 * before `startedAt`; otherwise removes a previous one (it can no longer be valid).
 */
export async function recordRunSnapshot(plan: WarmPlan, input: { startedAt: number; probe: GitProbe | null; proof: ScanProof | null; trail: { files: string[]; dirs: string[] }; out: StoredOutput; prestat?: ScanProof | null | undefined }): Promise<boolean> {
  const { proof, startedAt, prestat } = input;
  // Stats taken before the run (the stat pass) where there are some: what the run rested on.
  const sig = sigWith(prestat?.seen);
  const drop = (): false => {
    for (const f of storedRunFiles(plan.file)) rmSync(f, { force: true });
    return false;
  };
  try {
    if (!proof || proof.mtimes.some((m) => m >= proof.statAt - RACY_MS)) return drop();
    const answers = input.probe ? await input.probe.answers : null;
    if (answers?.some((a) => a === null)) return drop(); // a check probe: not the answers the run rested on
    const git = answers as string[] | null;
    const refs = git ? gitFacts(plan.root, git[0]!.split('\0')[2] ?? '') : [];
    const side: [string, ...Sig][] = [];
    for (const p of new Set([...input.trail.files, ...refs])) {
      const s = sig(p);
      if (s[1] >= startedAt - RACY_MS) return drop();
      side.push([p, ...s]);
    }
    const dirs: [string, number, number][] = [];
    for (const p of new Set(input.trail.dirs)) {
      const s = sig(p);
      if (s[0] === -1 || s[1] >= startedAt - RACY_MS) return drop();
      dirs.push([p, s[1], s[2]]);
    }
    // The same folders and files as the miss's pass (an edit, no file added or gone): its input as it is.
    const found = prestat?.found && sameList(prestat.found.dirs, dirs, prestat.files, proof.files) ? prestat.found : null;
    const { input: stat, findable } = found ? { input: found.input, findable: true } : pathList([...dirs.map(([p]) => p), ...proof.files]);
    const snap: RunSnapshot = {
      v: VERSION, key: plan.key, id: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`, git, side, dirs, ...(proof.source === 'walk' ? { walk: [...(proof.walked?.skipped ?? [])] } : {}),
      n: proof.files.length, sizes: Float64Array.from(proof.sizes), mtimes: Float64Array.from(proof.mtimes), input: stat, findable, out: input.out,
    };
    if (!replaceCacheFileSync(plan.file, encodeRunFileChunks(snap), { createDir: true })) return false;
    // Part files that already hold this input (the replay's early find used them) stay as they are.
    if (!found?.inParts) writeParts(plan, stat, snap.dirs.length + snap.n, findable);
    // The miss's find answer, when the snapshot rests on exactly it: the next replay compares bytes
    // instead of parsing 10,000 records (what the first replay after every recording did).
    if (found && answersFor(prestat!, stat, snap)) writeKnownAnswer(plan, snap, found.raw);
    // A stored run replaced under its own name (a miss) adds no file: nothing to prune.
    if (!prestat) prune(plan.file);
    return true;
  } catch {
    return false; // only costs speed next time
  }
}

function sameList(dirsBefore: readonly string[], dirs: readonly [string, number, number][], filesBefore: readonly string[], files: readonly string[]): boolean {
  if (dirsBefore.length !== dirs.length || filesBefore.length !== files.length) return false;
  for (let i = 0; i < dirs.length; i++) if (dirs[i]![0] !== dirsBefore[i]) return false;
  for (let i = 0; i < files.length; i++) if (files[i] !== filesBefore[i]) return false;
  return true;
}

/**
 * True when find's answer in `pre` is the new snapshot's stats: the same stat input byte for byte, and
 * the folders' and files' recorded stats exactly those that answer gave (the scan took the pass as its
 * own, no folder was stat'ed again with another result).
 */
function answersFor(pre: ScanProof, stat: Buffer, snap: RunSnapshot): boolean {
  if (!pre.found || !pre.found.input.equals(stat) || pre.sizes.length !== snap.n || pre.mtimes.length !== snap.n) return false;
  for (let j = 0; j < snap.n; j++) if (pre.sizes[j] !== snap.sizes[j] || pre.mtimes[j] !== snap.mtimes[j]) return false;
  return snap.dirs.every(([p, mtime, ino]) => {
    const s = pre.seen?.get(p);
    return !!s && s[0] !== -1 && s[1] === mtime && s[2] === ino;
  });
}

/** Keeps the most recent stored outputs of a folder (one per argument set): `KEEP` at most. */
const KEEP = 8;
function prune(file: string): void {
  const dir = path.dirname(file);
  const prefix = path.basename(file).slice(0, 'run-'.length + 9);
  const names = readdirSync(dir).filter((n) => n.startsWith(prefix));
  // The JSON form of an earlier release (run-*.json) is never read again.
  for (const n of names) if (n.endsWith('.json')) rmSync(path.join(dir, n), { force: true });
  const mine = names.filter((n) => n.endsWith('.run')).map((n) => ({ n, m: sigOf(path.join(dir, n))[1] }));
  for (const { n } of mine.sort((a, b) => b.m - a.m).slice(KEEP)) {
    for (const f of storedRunFiles(path.join(dir, n))) rmSync(f, { force: true });
  }
}
