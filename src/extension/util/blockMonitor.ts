import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import type { ScannerUsage } from '../scan/scanProtocol';

/** Figures about the extension host's event loop since the last reset (for the perf suite and the log). */
export interface HostStats {
  /** Wall time since the reset, ms. */
  wallMs: number;
  /** CPU time (user + system) of the extension host process since the reset, ms. All extensions count. */
  cpuMs: number;
  /** The longest time the event loop was blocked, ms (event-loop delay histogram, 10 ms resolution). */
  longestBlockMs: number;
  /** 99th percentile of the event-loop delay, ms. */
  p99BlockMs: number;
  /** CPU time (user + system) of the scanner process since the reset, ms (as it last reported); null without one. */
  scannerCpuMs: number | null;
  /** The extension host's and the scanner's CPU time together, ms: what the extension costs the machine, and more (all extensions in the host count). */
  totalCpuMs: number;
  /** Resident set size of the scanner process when it last reported, MB; null without one. */
  scannerRssMb: number | null;
  /** Resident set size of the extension host process now, MB. */
  rssMb: number;
  /** The highest resident set size the process reached since it started (not since the reset), MB. */
  peakRssMb: number;
}

/**
 * Measures how long the extension host's event loop is blocked at a time: Node's event-loop delay
 * histogram (the delay a 10 ms timer sees is the length of the synchronous slice that held it up).
 * Cheap enough to run always; reset by the perf suite around each phase.
 */
export class BlockMonitor {
  private readonly histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  private started = performance.now();
  private cpu = process.cpuUsage();
  private scannerCpu = 0;

  /** `scanner`: the scanner process's usage as last reported (null while none runs). */
  constructor(private readonly scanner: () => ScannerUsage | null = () => null) {
    this.histogram.enable();
  }

  reset(): void {
    this.histogram.reset();
    this.started = performance.now();
    this.cpu = process.cpuUsage();
    this.scannerCpu = this.scanner()?.cpuMs ?? 0;
  }

  stats(): HostStats {
    const cpu = process.cpuUsage(this.cpu);
    // The histogram records nanoseconds of delay beyond the resolution.
    const ms = (ns: number): number => Math.round(ns / 1e5) / 10;
    const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
    const scanner = this.scanner();
    const scannerCpuMs = scanner ? Math.round(scanner.cpuMs - this.scannerCpu) : null;
    return { wallMs: Math.round(performance.now() - this.started), cpuMs, scannerCpuMs, totalCpuMs: cpuMs + (scannerCpuMs ?? 0), scannerRssMb: scanner?.rssMb ?? null, longestBlockMs: ms(this.histogram.max), p99BlockMs: ms(this.histogram.percentile(99)),
      rssMb: Math.round(process.memoryUsage.rss() / 2 ** 20), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
  }

  dispose(): void {
    this.histogram.disable();
  }
}
