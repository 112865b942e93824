import { gitClient } from './loadGit';

/** Every distinct author (name and e-mail, through .mailmap) of HEAD's history; [] when git cannot tell. */
export async function repoAuthors(top: string): Promise<{ name: string; email: string }[]> {
  const out = await gitClient(top).raw(['log', '--use-mailmap', '--format=%aN%x00%aE', 'HEAD']).catch(() => '');
  const seen = new Set<string>();
  const authors: { name: string; email: string }[] = [];
  for (const line of out.split('\n')) {
    if (!line || seen.has(line)) continue;
    seen.add(line);
    const [name = '', email = ''] = line.split('\0');
    authors.push({ name, email });
  }
  return authors;
}
