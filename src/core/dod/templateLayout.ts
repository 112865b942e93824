import { DEFAULT_EXCLUDES } from '../config/config';
import { discoverFiles } from '../scan/discovery';
import { workspaceLayout } from '../scope/placement';
import { TEMPLATE_EXTENSIONS, type RepositoryLayout } from './dodTemplate';

/**
 * What the Definition of Done template looks at in a folder: its file names (git ls-files when `useGit`,
 * else a walk; the usual excludes) and its declared workspaces (package.json / pnpm / Nx files are read,
 * never evaluated). Shared by `debt-ledger init` and the editor's commands.
 */
export async function repositoryLayout(root: string, useGit: boolean): Promise<RepositoryLayout> {
  const listed = await discoverFiles({ root, extensions: TEMPLATE_EXTENSIONS, excludes: [...DEFAULT_EXCLUDES], useGit });
  return { files: listed.files, workspaces: workspaceLayout(root, true) };
}
