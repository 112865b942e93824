import * as path from 'node:path';

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const JS_TO_TS: Record<string, string[]> = { '.js': ['.ts', '.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'], '.jsx': ['.tsx'] };

/** A project file at `base` (POSIX, root-relative): exact, added extension, `.js` for `.ts`, or a folder's index. */
function resolveFile(base: string, files: ReadonlySet<string>): string | null {
  const b = path.posix.normalize(base).replace(/^\.\//, '');
  if (b.startsWith('../')) return null;
  // In this order, the first that exists: exact, added extension, a folder's index, `.js` written for `.ts`.
  if (files.has(b)) return b;
  for (const e of EXTENSIONS) if (files.has(b + e)) return b + e;
  for (const e of EXTENSIONS) if (files.has(`${b}/index${e}`)) return `${b}/index${e}`;
  const ext = path.posix.extname(b);
  for (const ts of JS_TO_TS[ext] ?? []) if (files.has(b.slice(0, -ext.length) + ts)) return b.slice(0, -ext.length) + ts;
  // A package entry pointing at its build (`dist/index.js`): the source next to it (`src/index.ts`).
  if (/(^|\/)(dist|build|lib|out)\//.test(b)) {
    const src = b.replace(/(^|\/)(dist|build|lib|out)\//, '$1src/').replace(/\.(c|m)?js$/, '');
    for (const e of EXTENSIONS) if (files.has(src + e)) return src + e;
    for (const e of EXTENSIONS) if (files.has(`${src}/index${e}`)) return `${src}/index${e}`;
  }
  return null;
}

/**
 * Resolves a relative import between project files (POSIX paths relative to the root), the way Node and
 * TypeScript's bundler/node16 resolution would for source files: exact file, added extension, `.js`
 * written for a `.ts` source, or a folder's index. Package imports return null (they are libraries).
 */
export function resolveRelative(from: string, specifier: string, files: ReadonlySet<string>): string | null {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return null;
  return resolveFile(path.posix.join(path.posix.dirname(from), specifier), files);
}

/**
 * Specifiers that may name a project module rather than an npm package: relative, `#imports`, `~/` and
 * `@/` aliases, scoped names (`@acme/http`, workspace packages) and paths with a slash (`server/utils`).
 * A bare single name (`react`) is taken for a package. Pure: the per-file analyzer uses it.
 */
export function mayBeProjectSpecifier(specifier: string): boolean {
  if (specifier.startsWith('.') || specifier.startsWith('#') || specifier.startsWith('~') || specifier.startsWith('@/')) return true;
  if (specifier.startsWith('node:')) return false;
  return specifier.includes('/');
}

interface TsConfig {
  /** Root-relative folder that `paths` targets are relative to. */
  pathsBase: string;
  paths: [string, string[]][];
  /** Root-relative `baseUrl`, or null. */
  baseUrl: string | null;
}

interface PackageJson {
  dir: string;
  name: string | null;
  imports: Record<string, unknown> | null;
  exports: unknown;
  entry: string | null;
  /** The `browser` field (string or object form), or undefined. */
  browser: unknown;
  /** A Node entry besides the browser one (`main`, `exports`): the package is universal, not browser-only. */
  nodeEntry: boolean;
}

/** What a package's `browser` field says about one of its files (see `ProjectModules.packageEnvironment`). */
export type PackageEnvironment = 'browser' | 'universal' | 'server';

type ReadJson = (rootRelative: string) => unknown;

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const CONDITIONS = ['source', 'development', 'types', 'import', 'node', 'require', 'module', 'default'];

/** A target from an `exports`/`imports` value: a string, or the first usable condition. */
function conditionalTarget(v: unknown, depth = 0): string | null {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map((x) => conditionalTarget(x, depth + 1)).find((x) => x) ?? null;
  if (!isRecord(v) || depth > 5) return null;
  for (const c of CONDITIONS) if (c in v) {
    const t = conditionalTarget(v[c], depth + 1);
    if (t) return t;
  }
  return null;
}

/** `{ "#utils/*": "./src/utils/*.ts" }` style maps: the target for a key, with `*` patterns. */
function mapLookup(map: Record<string, unknown>, key: string): string | null {
  if (key in map) return conditionalTarget(map[key]);
  for (const [pattern, value] of Object.entries(map)) {
    const star = pattern.indexOf('*');
    if (star < 0) continue;
    const pre = pattern.slice(0, star);
    const post = pattern.slice(star + 1);
    if (key.startsWith(pre) && key.endsWith(post) && key.length >= pre.length + post.length) {
      const t = conditionalTarget(value);
      if (t) return t.replace('*', key.slice(pre.length, key.length - post.length));
    }
  }
  return null;
}

/**
 * Module resolution beyond relative paths, for the project's own files: `tsconfig`/`jsconfig` `paths`
 * and `baseUrl` (following `extends`), `package.json` `imports` (`#utils/fetch`), and workspace packages
 * imported by name (`@acme/http`, `@acme/http/fetch`), resolved to local source. Built once per scan
 * from the folders holding listed files; JSON is read through one function (`readJson`).
 */
export class ProjectModules {
  private readonly tsconfigByDir = new Map<string, TsConfig | null>();
  private readonly packageByDir = new Map<string, PackageJson | null>();
  private readonly workspace = new Map<string, PackageJson | null>();
  private readonly cache = new Map<string, string | null>();

  /** Relative imports resolve without reading anything; project JSON is read on the first alias. */
  static lazy(files: ReadonlySet<string>, readJson: ReadJson): Pick<ProjectModules, 'resolve' | 'packageEnvironment'> {
    let built: ProjectModules | undefined;
    // A relative import's answer depends on the importing folder only: files of one folder share it.
    const relative = new Map<string, string | null>();
    return {
      resolve: (from, specifier) => {
        if (specifier.startsWith('./') || specifier.startsWith('../')) {
          const key = `${path.posix.dirname(from)}\0${specifier}`;
          let found = relative.get(key);
          if (found === undefined) relative.set(key, (found = resolveRelative(from, specifier, files)));
          return found;
        }
        if (!mayBeProjectSpecifier(specifier)) return null;
        built ??= new ProjectModules(files, readJson);
        return built.resolve(from, specifier);
      },
      packageEnvironment: (file) => (built ??= new ProjectModules(files, readJson)).packageEnvironment(file),
    };
  }

  constructor(private readonly files: ReadonlySet<string>, private readonly readJson: ReadJson) {}

  private dirsByNameMap: Map<string, string[]> | undefined;

  /** Workspace packages are looked up by folder name (`@acme/http` in `packages/http`): no read until asked. */
  private get dirsByName(): Map<string, string[]> {
    if (this.dirsByNameMap) return this.dirsByNameMap;
    const dirs = new Set<string>();
    for (const f of this.files) {
      for (let d = path.posix.dirname(f); !dirs.has(d); d = path.posix.dirname(d)) {
        dirs.add(d);
        if (d === '.' || d === '/' || d === '') break;
      }
    }
    const byName = new Map<string, string[]>();
    for (const d of dirs) {
      const base = path.posix.basename(d);
      const list = byName.get(base) ?? [];
      list.push(d);
      byName.set(base, list);
    }
    return (this.dirsByNameMap = byName);
  }

  /**
   * Where a file runs as its package's `browser` field says: a file the object form replaces or maps to
   * `false` is kept out of browser bundles (server); a file it maps to, or the string form's target, is the browser
   * build; any other file of a package with a `browser` field is browser-only when the package has no
   * Node entry (`main`/`exports`), else universal. Null when the nearest package.json has no such field.
   */
  packageEnvironment(file: string): PackageEnvironment | null {
    const pkg = this.nearest(file, (d) => this.packageAt(d), () => true);
    if (!pkg || pkg.browser === undefined || pkg.browser === null || pkg.browser === false) return null;
    const own = `./${path.posix.relative(pkg.dir === '.' ? '' : pkg.dir, file)}`;
    const same = (target: string): boolean => {
      const t = target.startsWith('./') ? target : `./${target}`;
      return t === own || t.replace(/\.(c|m)?js$/, '') === own.replace(/\.(c|m)?[jt]sx?$/, '');
    };
    if (typeof pkg.browser === 'string') {
      if (same(pkg.browser)) return 'browser';
    } else if (isRecord(pkg.browser)) {
      for (const [from, to] of Object.entries(pkg.browser)) {
        // A file replaced (or dropped) in browser builds runs on Node only; its replacement in the browser.
        if (from.startsWith('.') && same(from)) return 'server';
        if (typeof to === 'string' && to.startsWith('.') && same(to)) return 'browser';
      }
    } else return null;
    return pkg.nodeEntry ? 'universal' : 'browser';
  }

  /** The workspace package of that name: in a folder named like its last segment, or the package root. */
  private workspacePackage(name: string): PackageJson | undefined {
    if (!this.workspace.has(name)) {
      const last = name.slice(name.lastIndexOf('/') + 1);
      const found = [...(this.dirsByName.get(last) ?? []), '.'].map((d) => this.packageAt(d)).find((p) => p?.name === name);
      if (found) this.workspace.set(name, found);
      else this.workspace.set(name, null);
    }
    return this.workspace.get(name) ?? undefined;
  }

  /** Where `specifier`, imported from project file `from`, is defined in the project; null for packages. */
  resolve(from: string, specifier: string): string | null {
    if (specifier.startsWith('./') || specifier.startsWith('../')) return resolveRelative(from, specifier, this.files);
    if (!mayBeProjectSpecifier(specifier)) return null;
    const key = `${path.posix.dirname(from)}\0${specifier}`;
    if (!this.cache.has(key)) this.cache.set(key, this.resolveAlias(from, specifier));
    return this.cache.get(key)!;
  }

  private resolveAlias(from: string, specifier: string): string | null {
    if (specifier.startsWith('#')) {
      const pkg = this.nearest(from, (d) => this.packageAt(d), (p) => !!p.imports);
      const target = pkg?.imports ? mapLookup(pkg.imports, specifier) : null;
      return target ? resolveFile(path.posix.join(pkg!.dir, target), this.files) : null;
    }
    const ts = this.nearest(from, (d) => this.tsconfigAt(d), () => true);
    if (ts) {
      for (const [pattern, targets] of ts.paths) {
        const star = pattern.indexOf('*');
        const pre = star < 0 ? pattern : pattern.slice(0, star);
        const post = star < 0 ? '' : pattern.slice(star + 1);
        const matches = star < 0 ? specifier === pattern : specifier.startsWith(pre) && specifier.endsWith(post) && specifier.length >= pre.length + post.length;
        if (!matches) continue;
        const middle = star < 0 ? '' : specifier.slice(pre.length, specifier.length - post.length);
        for (const t of targets) {
          const found = resolveFile(path.posix.join(ts.pathsBase, t.replace('*', middle)), this.files);
          if (found) return found;
        }
      }
      if (ts.baseUrl !== null) {
        const found = resolveFile(path.posix.join(ts.baseUrl, specifier), this.files);
        if (found) return found;
      }
    }
    return this.resolveWorkspace(specifier);
  }

  private resolveWorkspace(specifier: string): string | null {
    const parts = specifier.split('/');
    const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
    const pkg = this.workspacePackage(name);
    if (!pkg) return null;
    const sub = specifier.slice(name.length);
    if (pkg.exports !== undefined && pkg.exports !== null) {
      const map = isRecord(pkg.exports) && Object.keys(pkg.exports).some((k) => k.startsWith('.')) ? pkg.exports : { '.': pkg.exports };
      const target = mapLookup(map, `.${sub}`);
      if (target) {
        const found = resolveFile(path.posix.join(pkg.dir, target), this.files);
        if (found) return found;
      }
    }
    if (sub === '') return pkg.entry ? resolveFile(path.posix.join(pkg.dir, pkg.entry), this.files) ?? resolveFile(path.posix.join(pkg.dir, 'src/index'), this.files) : resolveFile(path.posix.join(pkg.dir, 'index'), this.files) ?? resolveFile(path.posix.join(pkg.dir, 'src/index'), this.files);
    return resolveFile(path.posix.join(pkg.dir, sub.slice(1)), this.files) ?? resolveFile(path.posix.join(pkg.dir, 'src', sub.slice(1)), this.files);
  }

  private nearest<T>(from: string, at: (dir: string) => T | null, accept: (t: T) => boolean): T | null {
    for (let d = path.posix.dirname(from); ; d = path.posix.dirname(d)) {
      const found = at(d);
      if (found && accept(found)) return found;
      if (d === '.' || d === '/' || d === '') return null;
    }
  }

  private packageAt(dir: string): PackageJson | null {
    if (!this.packageByDir.has(dir)) {
      const raw = this.readJson(path.posix.join(dir, 'package.json'));
      let pkg: PackageJson | null = null;
      if (isRecord(raw)) {
        const entry = ['source', 'types', 'typings', 'module', 'main'].map((k) => raw[k]).find((v): v is string => typeof v === 'string') ?? null;
        pkg = { dir, name: typeof raw.name === 'string' ? raw.name : null, imports: isRecord(raw.imports) ? raw.imports : null, exports: raw.exports, entry, browser: raw.browser, nodeEntry: typeof raw.main === 'string' || raw.exports !== undefined };
      }
      this.packageByDir.set(dir, pkg);
    }
    return this.packageByDir.get(dir)!;
  }

  private tsconfigAt(dir: string): TsConfig | null {
    if (!this.tsconfigByDir.has(dir)) {
      this.tsconfigByDir.set(dir, null);
      const file = ['tsconfig.json', 'jsconfig.json'].map((n) => path.posix.join(dir, n)).find((f) => this.readJson(f) !== null);
      this.tsconfigByDir.set(dir, file ? this.loadTsconfig(file, 0) : null);
    }
    return this.tsconfigByDir.get(dir)!;
  }

  /** One tsconfig with what it inherits: own `paths`/`baseUrl` win; `extends` is followed (relative or workspace). */
  private loadTsconfig(file: string, depth: number): TsConfig | null {
    const raw = this.readJson(file);
    if (!isRecord(raw) || depth > 5) return null;
    const dir = path.posix.dirname(file);
    const parents = (Array.isArray(raw.extends) ? raw.extends : [raw.extends]).filter((e): e is string => typeof e === 'string');
    let inherited: TsConfig = { pathsBase: dir, paths: [], baseUrl: null };
    for (const ext of parents) {
      const target = ext.startsWith('.') ? path.posix.normalize(path.posix.join(dir, ext.endsWith('.json') ? ext : `${ext}.json`)) : this.workspaceFile(ext);
      const parent = target && !target.startsWith('../') ? this.loadTsconfig(target, depth + 1) : null;
      if (parent) inherited = { pathsBase: parent.paths.length > 0 ? parent.pathsBase : inherited.pathsBase, paths: parent.paths.length > 0 ? parent.paths : inherited.paths, baseUrl: parent.baseUrl ?? inherited.baseUrl };
    }
    const options = isRecord(raw.compilerOptions) ? raw.compilerOptions : {};
    const baseUrl = typeof options.baseUrl === 'string' ? path.posix.normalize(path.posix.join(dir, options.baseUrl)) : inherited.baseUrl;
    if (isRecord(options.paths)) {
      const paths = Object.entries(options.paths).map(([k, v]) => [k, Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []] as [string, string[]]);
      return { pathsBase: baseUrl ?? dir, paths, baseUrl };
    }
    return { ...inherited, baseUrl };
  }

  /** `@acme/tsconfig/base.json` from a workspace package. */
  private workspaceFile(specifier: string): string | null {
    const parts = specifier.split('/');
    const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
    const pkg = this.workspacePackage(name);
    if (!pkg) return null;
    const sub = specifier.slice(name.length + 1) || 'tsconfig.json';
    return path.posix.join(pkg.dir, sub.endsWith('.json') ? sub : `${sub}.json`);
  }
}
