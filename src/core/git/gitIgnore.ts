import { gitClient } from './loadGit';

/**
 * Whether git ignores a path below `root` (false outside a repository or when git fails, so a file is
 * never hidden by mistake). For files the editor learns about one at a time (a create event).
 */
export async function isGitIgnored(root: string, relPath: string): Promise<boolean> {
  try {
    const out = await gitClient(root).raw(['check-ignore', '--', relPath]);
    return out.trim() !== '';
  } catch {
    return false;
  }
}
