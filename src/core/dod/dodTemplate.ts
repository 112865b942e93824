/** What the template looks at: the repository's top-level layout (POSIX paths relative to the folder). */
export interface RepositoryLayout {
  /** Every file path, or a sample of them (git ls-files or a walk). */
  files: readonly string[];
}

/** A `definitionOfDone` section (as JSON data) that fits the layout, with why each item is there. */
export interface DodTemplate {
  definitionOfDone: { base: string; items: Record<string, unknown>[] };
  /** One line per choice made from the layout, for the user. */
  reasons: string[];
}

const TEST_FILE = /(^|\/)(__tests__|tests?|spec)\/|\.(test|spec)\.[cm]?[jt]sx?$/;

/**
 * A Definition of Done that fits the repository: tests next to the source folders it has (`packages/*` in a
 * monorepo, else `src/`), a changelog item when there is a CHANGELOG (or changesets), the debt checks,
 * commit messages with a ticket, and one manual review. Pure: the caller lists the files.
 */
export function dodTemplate(layout: RepositoryLayout, base = 'main'): DodTemplate {
  const files = layout.files;
  const reasons: string[] = [];
  const items: Record<string, unknown>[] = [];
  const tops = new Set(files.map((f) => f.split('/')[0]!));
  const monorepoRoots = ['packages', 'apps', 'libs'].filter((d) => files.some((f) => f.startsWith(`${d}/`) && f.split('/').length > 2));
  const hasTests = files.some((f) => TEST_FILE.test(f));
  const source = monorepoRoots.length > 0 ? monorepoRoots.map((d) => `${d}/*/src/**`) : tops.has('src') ? ['src/**'] : tops.has('lib') ? ['lib/**'] : ['**/*.{ts,tsx,js,jsx}'];
  if (hasTests) {
    const tests = monorepoRoots.length > 0 ? monorepoRoots.flatMap((d) => [`${d}/*/test/**`, `${d}/*/**/*.{test,spec}.*`]) : ['test/**', 'tests/**', '**/*.{test,spec}.*', '**/__tests__/**'];
    items.push({ id: 'tests', title: 'Tests updated with the code', check: { type: 'testsChanged', source, tests } });
    reasons.push(monorepoRoots.length > 0 ? `tests: a monorepo (${monorepoRoots.join(', ')}): source and tests per package` : `tests: source in ${source.join(', ')}, test files found`);
  }
  const changelog = files.find((f) => /^CHANGELOG\.md$/i.test(f));
  const changesets = files.some((f) => f.startsWith('.changeset/'));
  if (changesets) {
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
  return { definitionOfDone: { base, items }, reasons };
}
