// DEBT(@platform-team): hand-written retry without jitter; replace with p-retry due:2027-03-31
export async function withRetry<T>(fn: () => Promise<T>, attempts = 3): Promise<T> {
  let last: unknown;
  for (let i = 0; i < attempts; i++) {
    try {
      return await fn();
    } catch (err) {
      last = err;
      // @ts-ignore -- setTimeout typing differs between DOM and Node here
      await new Promise((r) => setTimeout(r, 100 * 2 ** i));
    }
  }
  throw last;
}
