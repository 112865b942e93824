/** One start-up step's synchronous time, ms (the part that held the event loop). */
export interface StepTiming {
  name: string;
  ms: number;
}

/** A turn of the event loop: what the host queued meanwhile (RPC from the window, other extensions) runs first. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Runs start-up steps after activate() has returned, one per turn of the event loop, so no two of them add up
 * to one long block of the extension host (on MUI X, activation, the scan's start and the first render were one
 * 72 ms task). Each step's synchronous part is timed: the perf suite reports the longest as our longest start-up
 * slice. A failing step is reported and the next ones still run. Resolves after the last step (stopped early
 * by `stopped()`, e.g. the extension was deactivated).
 */
export async function runInTurns(steps: readonly { name: string; run: () => void }[], onError: (name: string, err: unknown) => void, stopped: () => boolean = () => false): Promise<StepTiming[]> {
  const timings: StepTiming[] = [];
  for (const step of steps) {
    await nextTurn();
    if (stopped()) break;
    const started = performance.now();
    try {
      step.run();
    } catch (err) {
      onError(step.name, err);
    }
    timings.push({ name: step.name, ms: Math.round((performance.now() - started) * 10) / 10 });
  }
  return timings;
}
