import type { GitListingOutputs } from '../core/git/gitFiles';
import type { ScanProof } from './warm/runSnapshot';

/** What the CLI needs from its process, injectable for tests. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** True when stdout is a terminal (colours on unless NO_COLOR). */
  isTTY: boolean;
  columns: number;
  /** Set by the warm-path launcher (cli/warm/warmCli.ts): what a scan rests on and what it wrote, to record it. */
  warm?: { onScanProof?: (proof: ScanProof) => void; onOutputFile?: (file: string, text: string) => void; gitListing?: Promise<GitListingOutputs>; prestat?: ScanProof };
}

/** Exit codes, as documented in the README. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** A usage or configuration problem: exit 2 with one line naming it. */
export class UsageError extends Error {}
