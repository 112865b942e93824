/**
 * Phase timings of the warm path (`DEBT_LEDGER_TRACE_WARM=1`): wall and CPU (user+system of this process,
 * not of the git children) per phase, the first one being Node's start-up plus the launcher's own load
 * (measured from the process's time origin). Off unless started: `mark` is one branch then.
 */
interface Phase {
  name: string;
  wallMs: number;
  cpuMs: number;
}

let phases: Phase[] | null = null;
let lastWall = 0;
let lastCpu = 0;

const cpuNow = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

/** Starts the trace; the first phase ("start-up") runs from the process's start to this call. */
export function startWarmTrace(): void {
  phases = [];
  lastWall = 0;
  lastCpu = 0;
  markPhase('node start-up + launcher load');
}

/** Ends the phase running since the previous mark. */
export function markPhase(name: string): void {
  if (!phases) return;
  const wall = performance.now();
  const cpu = cpuNow();
  phases.push({ name, wallMs: wall - lastWall, cpuMs: cpu - lastCpu });
  lastWall = wall;
  lastCpu = cpu;
}

/** The phases as one line each (`name  wall ms  cpu ms`), or '' when the trace is off. */
export function formatWarmTrace(): string {
  if (!phases) return '';
  return phases.map((p) => `debt-ledger: warm phase ${p.name.padEnd(32)} ${p.wallMs.toFixed(1).padStart(7)} ms wall ${p.cpuMs.toFixed(1).padStart(7)} ms cpu\n`).join('');
}
