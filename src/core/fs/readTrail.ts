/**
 * The files and folders a scan read besides the listed files (configuration, `.gitattributes`, workspace
 * manifests, tsconfig/package.json for module resolution, CODEOWNERS, `.mailmap`, `.gitignore`s and the
 * folders of a walk), including the ones it looked for and did not find. The CLI's warm path
 * (cli/warm/runSnapshot.ts) stats them to know a stored result still holds. Off unless started, so a
 * long-lived process (the editor) keeps nothing.
 */
let files: Set<string> | null = null;
let dirs: Set<string> | null = null;

/** Starts (or restarts) recording. */
export function startReadTrail(): void {
  files = new Set();
  dirs = new Set();
}

/** Stops recording and returns what was recorded (absolute paths). */
export function takeReadTrail(): { files: string[]; dirs: string[] } {
  const out = { files: [...(files ?? [])], dirs: [...(dirs ?? [])] };
  files = dirs = null;
  return out;
}

/** A file read (or looked for) by absolute path. */
export function noteRead(abs: string): void {
  files?.add(abs);
}

/** A folder whose entries were listed (a walk's folder): adding, removing or renaming an entry changes its mtime. */
export function noteDir(abs: string): void {
  dirs?.add(abs);
}
