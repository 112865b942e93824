/**
 * Where a call runs: `server` (an SRE acts on it), `browser` (a user's tab calling the app's API), or
 * `universal` (shared code, or nothing says). Decided per file from, in order: file-name conventions of
 * frameworks, what the file itself says (directives, imports, browser globals: `envHint` from the
 * analyzer), then the nearest folder name that marks a side (package boundaries in a monorepo).
 */
export const ENVIRONMENTS = ['server', 'browser', 'universal'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

const SERVER_FILES = [
  /(^|\/)pages\/api\//, // Next.js API routes
  /(^|\/)app\/(.*\/)?route\.[cm]?[jt]s$/, // Next.js route handlers
  /(^|\/)(middleware|instrumentation)\.[jt]s$/,
  /\+(page|layout)\.server\.[jt]s$|\+server\.[jt]s$|hooks\.server\.[jt]s$/, // SvelteKit
  /\.server\.[cm]?[jt]sx?$/, // Remix / SvelteKit / project convention
  /(^|\/)server\/(api|routes|middleware|plugins|utils)\//, // Nuxt server/
];
const BROWSER_FILES = [/\.client\.[cm]?[jt]sx?$/, /\+page\.[jt]s$|\+layout\.[jt]s$/];
const SERVER_DIRS = new Set(['server', 'servers', 'api', 'backend', 'worker', 'workers', 'jobs', 'job', 'cron', 'queues', 'queue', 'tasks', 'processors', 'functions', 'lambda', 'lambdas', 'server-only', 'services', 'controllers', 'migrations', 'scripts', 'cli', 'bin', 'openpage-api']);
const BROWSER_DIRS = new Set(['client', 'client-only', 'frontend', 'browser', 'web-client', 'components', 'hooks', 'mobile', 'ui', 'public', 'extension', 'popup', 'webview', 'scenes', 'stores', 'views', 'widgets']);

/** Server or browser as a file's own text says: `'use server'`, `'use client'`, server-only imports, browser globals. */
export type EnvHint = 'server' | 'browser';

/**
 * `pkg` is what the nearest package.json's `browser` field says (moduleResolver's `packageEnvironment`):
 * a file it names (or maps to `false`) or a browser-only package decides before folder names; a package
 * with both a browser and a Node entry makes the rest `universal`.
 */
export function environmentOf(file: string, hint: EnvHint | undefined, pkg?: Environment | null): Environment {
  // A file's own suffix wins over its folder (`server/api/x.client.ts` runs in the browser).
  if (/\.client\.[cm]?[jt]sx?$/.test(file)) return 'browser';
  if (SERVER_FILES.some((r) => r.test(file))) return 'server';
  if (BROWSER_FILES.some((r) => r.test(file))) return 'browser';
  if (hint) return hint;
  if (pkg === 'server' || pkg === 'browser') return pkg;
  const dirs = file.split('/').slice(0, -1).reverse();
  for (const d of dirs) {
    const name = d.toLowerCase();
    if (SERVER_DIRS.has(name)) return 'server';
    if (BROWSER_DIRS.has(name)) return 'browser';
  }
  return 'universal';
}

const SERVER_MODULES = /^(node:)?(fs|fs\/promises|child_process|cluster|worker_threads|net|tls|dgram|dns|os)$|^(express|fastify|koa|@koa\/router|hono|@hapi\/hapi|@nestjs\/(common|core)|next\/server|server-only|bullmq|bull|pg|mysql2|ioredis|redis|@prisma\/client|mongoose|sequelize|typeorm)$/;
const BROWSER_MODULES = /^(react-dom|react-dom\/client|react-native|client-only|expo(-.*)?|\$app\/.*)$/;

/** The analyzer's per-file hint, from its directives, imports and globals (null: the file does not say). */
export function environmentHint(text: string, specifiers: Iterable<string>, exportsNames: readonly string[]): EnvHint | undefined {
  const head = text.slice(0, 200);
  if (/^\s*(\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*['"]use server['"]/.test(head)) return 'server';
  if (/^\s*(\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*['"]use client['"]/.test(head)) return 'browser';
  let server = exportsNames.some((e) => e === 'getServerSideProps' || e === 'getStaticProps' || e === 'loader' || e === 'action');
  let browser = false;
  for (const s of specifiers) {
    if (SERVER_MODULES.test(s)) server = true;
    else if (BROWSER_MODULES.test(s)) browser = true;
  }
  if (server !== browser) return server ? 'server' : 'browser';
  if (!server && /\b(window|document|localStorage|sessionStorage)\.\w/.test(text) && !/typeof\s+window\b/.test(text)) return 'browser';
  return undefined;
}

/** One step lower: browser calls matter less than a server call to a payment provider. */
export function lowerSeverity<S extends 'error' | 'warning' | 'info'>(s: S): 'error' | 'warning' | 'info' {
  return s === 'error' ? 'warning' : 'info';
}
