export const TOO_DEEP = 'too deeply nested to parse';

/** A recursive parser or walker ran out of stack: the file is nested too deeply, not broken. */
export function isStackOverflow(err: unknown): boolean {
  return err instanceof RangeError && /call stack/i.test(err.message);
}
