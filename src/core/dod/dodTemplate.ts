import type { WorkspaceLayout } from '../workspaces/workspaces';

/** What the template looks at (POSIX paths relative to the folder). */
export interface RepositoryLayout {
  /** Every file path, or a sample of them (git ls-files or a walk). */
  files: readonly string[];
  /** The declared workspaces (npm/pnpm/lerna/Nx), when known: their globs win over guessing from paths. */
  workspaces?: WorkspaceLayout | null;
}

/** A `definitionOfDone` section (as JSON data) that fits the layout, with why each item is there. */
export interface DodTemplate {
  definitionOfDone: { base: string; items: Record<string, unknown>[] };
  /** One line per choice made from the layout, for the user. */
  reasons: string[];
  /** The layout found, in words (`3 workspace packages (pnpm: packages/*, apps/*)`). */
  layoutNote: string;
  /** The source globs the items use. */
  source: string[];
}

const TEST_FILE = /(^|\/)(__tests__|tests?|spec)\/|\.(test|spec)\.[cm]?[jt]sx?$/;
const TEST_NAMES = '**/*.{test,spec}.*';

/**
 * Source and test globs for a layout, the one place that maps a layout to globs: declared workspace globs
 * (`packages/*` -> `packages/*\/src/**`), else Nx project folders, else `packages|apps|libs/<name>/` folders
 * seen in the paths, else `src/` or `lib/`, else every script file.
 */
export function layoutGlobs(layout: RepositoryLayout): { source: string[]; tests: string[]; note: string } {
  const ws = layout.workspaces;
  const perPackage = (dirs: string[], note: string): { source: string[]; tests: string[]; note: string } => ({
    source: dirs.map((d) => `${d}/src/**`),
    tests: [...dirs.map((d) => `${d}/{test,tests,__tests__}/**`), TEST_NAMES],
    note,
  });
  const globs = ws?.globs.filter((g) => !g.startsWith('!')) ?? [];
  if (ws && ws.packages.length > 0 && globs.length > 0) {
    // `apps/**` stays a deep glob; a trailing slash goes.
    return perPackage(globs.map((g) => g.replace(/\/+$/, '')), `${ws.packages.length} workspace packages (${ws.tools.join(', ')}: ${globs.join(', ')})`);
  }
  if (ws && ws.packages.length > 0) return perPackage(ws.packages.slice(0, 20).map((p) => p.dir), `${ws.packages.length} projects (${ws.tools.join(', ')})`);
  const files = layout.files;
  const roots = ['packages', 'apps', 'libs'].filter((d) => files.some((f) => f.startsWith(`${d}/`) && f.split('/').length > 2));
  if (roots.length > 0) return perPackage(roots.map((d) => `${d}/*`), `a monorepo by its folders (${roots.join(', ')})`);
  const tops = new Set(files.map((f) => f.split('/')[0]!));
  const dir = tops.has('src') ? 'src' : tops.has('lib') ? 'lib' : null;
  return {
    source: [dir ? `${dir}/**` : '**/*.{ts,tsx,js,jsx,mts,cts,mjs,cjs}'],
    tests: ['{test,tests,__tests__}/**', TEST_NAMES],
    note: dir ? `a single package with ${dir}/` : 'a single package',
  };
}

/**
 * A Definition of Done that fits the repository: tests next to the source folders it has, a changelog item
 * when there is a CHANGELOG (or changesets), the debt checks, a reviewable size and one manual review.
 * Pure: the caller lists the files. `debt-ledger init`, Open Configuration and Create a Definition of Done
 * all write this section.
 */
export function dodTemplate(layout: RepositoryLayout, base = 'main'): DodTemplate {
  const files = layout.files;
  const reasons: string[] = [];
  const items: Record<string, unknown>[] = [];
  const { source, tests, note } = layoutGlobs(layout);
  if (files.some((f) => TEST_FILE.test(f))) {
    items.push({ id: 'tests', title: 'Tests updated with the code', check: { type: 'testsChanged', source, tests } });
    reasons.push(`tests: ${note}: source ${source.join(', ')}`);
  }
  const changelog = files.find((f) => /^CHANGELOG\.md$/i.test(f));
  if (files.some((f) => f.startsWith('.changeset/'))) {
    items.push({ id: 'changeset', title: 'A changeset describes the change', check: { type: 'filesChanged', when: source, require: ['.changeset/*.md'] } });
    reasons.push('changeset: the repository uses changesets (.changeset/)');
  } else if (changelog) {
    items.push({ id: 'changelog', title: 'Changelog updated', check: { type: 'filesChanged', when: source, require: [changelog] } });
    reasons.push(`changelog: ${changelog} exists`);
  }
  items.push(
    { id: 'ticketed-debt', title: 'New debt has a ticket', check: { type: 'noNewUnticketedDebt' } },
    { id: 'overdue', title: 'No overdue debt left in touched code', check: { type: 'noOverdueDebtTouched' } },
    { id: 'resilience', title: 'No new resilience gaps', check: { type: 'noNewResilienceGaps' } },
    { id: 'size', title: 'Reviewable size', check: { type: 'maxDiffSize', maxLines: 800, maxFiles: 40 } },
    { id: 'review', title: 'Reviewed by a second person', manual: true },
  );
  reasons.push('always: new debt ticketed, no overdue debt touched, no new resilience gaps, a reviewable diff, one manual review');
  return { definitionOfDone: { base, items }, reasons, layoutNote: note, source };
}

/** The file names the template looks at: every file but the usual build and dependency folders. */
export const TEMPLATE_EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.mts', '.cts', '.mjs', '.cjs', '.md', '.json'];
