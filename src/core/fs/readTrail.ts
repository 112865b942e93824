import { statSync } from 'node:fs';

/**
 * The files and folders a scan read besides the listed files (configuration, `.gitattributes`, workspace
 * manifests, tsconfig/package.json for module resolution, CODEOWNERS, `.mailmap`, `.gitignore`s and the
 * folders of a walk), including the ones it looked for and did not find. The caches built on a scan
 * (the ledger snapshot, the CLI's stored output) stat them to know a stored result still holds. Nothing
 * is recorded unless a trail is started, so a long-lived process (the editor) keeps nothing.
 */
export interface ReadTrail {
  files: Set<string>;
  dirs: Set<string>;
}

const active = new Set<ReadTrail>();
let cliTrail: ReadTrail | null = null;

/** Starts a trail; every read noted until `stopTrail` goes into it (trails may overlap). */
export function startTrail(): ReadTrail {
  const trail: ReadTrail = { files: new Set(), dirs: new Set() };
  active.add(trail);
  return trail;
}

/** Stops a trail and returns what it recorded (absolute paths). */
export function stopTrail(trail: ReadTrail): { files: string[]; dirs: string[] } {
  active.delete(trail);
  return { files: [...trail.files], dirs: [...trail.dirs] };
}

/** The CLI launcher's trail over a whole run (cli/warm/warmCli.ts). */
export function startReadTrail(): void {
  if (cliTrail) active.delete(cliTrail);
  cliTrail = startTrail();
}

export function takeReadTrail(): { files: string[]; dirs: string[] } {
  const out = cliTrail ? stopTrail(cliTrail) : { files: [], dirs: [] };
  cliTrail = null;
  return out;
}

/** A file read (or looked for) by absolute path. */
export function noteRead(abs: string): void {
  for (const t of active) t.files.add(abs);
}

/** A folder whose entries were listed (a walk's folder): adding, removing or renaming an entry changes its mtime. */
export function noteDir(abs: string): void {
  for (const t of active) t.dirs.add(abs);
}

/** Size (-1 missing, -2 neither file nor folder), mtime and inode of a path, as the trail's checks compare them. */
export type Sig = [number, number, number];

/** `sigOf`, except for the paths `seen` holds: their stats as taken moments ago (the CLI's warm-path stat pass). */
export function sigWith(seen: ReadonlyMap<string, Sig> | undefined): (p: string) => Sig {
  return seen ? (p) => seen.get(p) ?? sigOf(p) : sigOf;
}

export function sigOf(p: string): Sig {
  try {
    const st = statSync(p, { throwIfNoEntry: false });
    return st ? [st.isFile() || st.isDirectory() ? st.size : -2, st.mtimeMs, st.ino] : [-1, 0, 0];
  } catch {
    return [-1, 0, 0];
  }
}
