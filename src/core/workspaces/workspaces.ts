import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { noteDir, noteRead } from '../fs/readTrail';

/** One workspace package of a monorepo. */
export interface WorkspacePackage {
  /** POSIX path of its folder relative to the root. */
  dir: string;
  /** Its package.json `name`, else the folder's name. */
  name: string;
}

export interface WorkspaceLayout {
  /** What declared the workspaces: `npm`, `pnpm`, `lerna`, `nx`, `turbo` (turbo uses the package manager's list). */
  tools: string[];
  /** The workspace globs found (`packages/*`), for templates. */
  globs: string[];
  packages: WorkspacePackage[];
  /** The package a file (POSIX path relative to the root) belongs to: the innermost package folder; null outside. */
  packageOf(file: string): string | null;
}

const SKIP = new Set(['node_modules', '.git', 'dist', 'out', 'build', 'coverage', '.next', '.turbo', '.nx']);
const MAX_DEPTH = 5;
const MAX_DIRS = 20_000;

function readJson(file: string): Record<string, unknown> | null {
  noteRead(file);
  try {
    const text = readFileSync(file, 'utf8');
    if (text.length > 1024 * 1024) return null;
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
}

/** The `packages:` list of a pnpm-workspace.yaml (only the block list it needs; no YAML library). */
export function pnpmWorkspaceGlobs(text: string): string[] {
  const out: string[] = [];
  let inPackages = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s+#.*$/, '');
    if (/^packages\s*:\s*$/.test(line)) {
      inPackages = true;
      continue;
    }
    const inline = /^packages\s*:\s*\[(.*)\]\s*$/.exec(line);
    if (inline) out.push(...inline[1]!.split(',').map((s) => s.trim().replace(/^['"]|['"]$/g, '')).filter(Boolean));
    if (!inPackages) continue;
    const item = /^\s+-\s*(.+?)\s*$/.exec(line);
    if (item) out.push(item[1]!.replace(/^['"]|['"]$/g, ''));
    else if (/^\S/.test(line)) inPackages = false;
  }
  return out;
}

/** Folders under root (POSIX, relative), breadth-limited, skipping build output and dependencies; symlinks are not followed. */
function listDirs(root: string): string[] {
  const out: string[] = [];
  const queue: [string, number][] = [['', 0]];
  while (queue.length > 0 && out.length < MAX_DIRS) {
    const [dir, depth] = queue.shift()!;
    let entries;
    try {
      noteDir(path.join(root, dir));
      entries = readdirSync(path.join(root, dir), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (!e.isDirectory() || SKIP.has(e.name) || e.name.startsWith('.')) continue;
      const rel = dir ? `${dir}/${e.name}` : e.name;
      out.push(rel);
      if (depth + 1 < MAX_DEPTH) queue.push([rel, depth + 1]);
    }
  }
  return out;
}

/**
 * Detects a monorepo's workspace packages: npm/yarn/pnpm `workspaces` in package.json (array or
 * `{ packages }`), pnpm-workspace.yaml, lerna.json `packages`, and Nx `project.json` folders; turbo.json
 * is noted (Turborepo reads the package manager's list). Negated globs (`!packages/legacy`) exclude.
 */
export function detectWorkspaces(root: string): WorkspaceLayout {
  const tools: string[] = [];
  const globs: string[] = [];
  const pkg = readJson(path.join(root, 'package.json'));
  const npm = Array.isArray(pkg?.workspaces) ? strings(pkg.workspaces) : strings((pkg?.workspaces as Record<string, unknown> | undefined)?.packages);
  if (npm.length > 0) tools.push('npm');
  globs.push(...npm);
  let pnpmText = '';
  try {
    noteRead(path.join(root, 'pnpm-workspace.yaml'));
    pnpmText = readFileSync(path.join(root, 'pnpm-workspace.yaml'), 'utf8');
  } catch {
    // no pnpm workspace
  }
  const pnpm = pnpmWorkspaceGlobs(pnpmText);
  if (pnpm.length > 0) tools.push('pnpm');
  globs.push(...pnpm);
  const lerna = strings(readJson(path.join(root, 'lerna.json'))?.packages);
  if (lerna.length > 0) tools.push('lerna');
  globs.push(...lerna);
  const hasNx = readJson(path.join(root, 'nx.json')) !== null;
  if (readJson(path.join(root, 'turbo.json')) !== null) tools.push('turbo');
  const include = [...new Set(globs.filter((g) => !g.startsWith('!')).map((g) => g.replace(/^\.\//, '').replace(/\/+$/, '')))];
  const exclude = globs.filter((g) => g.startsWith('!')).map((g) => g.slice(1).replace(/^\.\//, '').replace(/\/+$/, ''));
  const packages: WorkspacePackage[] = [];
  if (include.length > 0 || hasNx) {
    const isIncluded = include.length > 0 ? picomatch(include) : () => false;
    const isExcluded = exclude.length > 0 ? picomatch(exclude) : () => false;
    for (const dir of listDirs(root)) {
      const manifest = readJson(path.join(root, dir, 'package.json'));
      const project = hasNx ? readJson(path.join(root, dir, 'project.json')) : null;
      if ((isIncluded(dir) && !isExcluded(dir) && manifest) || project) {
        const name = [manifest?.name, project?.name].find((n): n is string => typeof n === 'string' && n.trim() !== '') ?? dir.slice(dir.lastIndexOf('/') + 1);
        packages.push({ dir, name });
      }
    }
    if (hasNx && packages.length > 0) tools.push('nx');
  }
  // Innermost folder first, so a nested package wins over its parent.
  const byDepth = [...packages].sort((a, b) => b.dir.length - a.dir.length);
  return {
    tools,
    globs: include,
    packages: packages.sort((a, b) => a.dir.localeCompare(b.dir)),
    packageOf: (file) => byDepth.find((p) => file.startsWith(`${p.dir}/`))?.name ?? null,
  };
}
