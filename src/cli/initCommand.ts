import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME } from '../core/config/config';
import { configTemplateFor } from '../core/config/initTemplate';
import { dodTemplate } from '../core/dod/dodTemplate';
import { repositoryLayout } from '../core/dod/templateLayout';
import { EXIT, UsageError, type CliIo } from './io';

/** `debt-ledger init [dir]`: writes a commented .debtledger.json whose Definition of Done matches the layout. */
export async function runInit(args: { dir?: string | undefined }, io: CliIo): Promise<number> {
  const root = path.resolve(io.cwd, args.dir ?? '.');
  const stat = await fs.stat(root).catch(() => null);
  if (!stat?.isDirectory()) throw new UsageError(`init: ${args.dir ?? '.'} is not a folder`);
  const file = path.join(root, CONFIG_FILE_NAME);
  const dod = dodTemplate(await repositoryLayout(root, true));
  try {
    await fs.writeFile(file, configTemplateFor(dod), { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`init: ${path.relative(io.cwd, file) || file} already exists; edit it, or delete it to start again`);
    throw new UsageError(`init: cannot write ${file}: ${(err as Error).message}`);
  }
  io.stdout(`Wrote ${path.relative(io.cwd, file) || file} (layout: ${dod.layoutNote}; Definition of Done sources ${dod.source.join(', ')}).\nCheck a branch with: debt-ledger dod ${args.dir ?? '.'}\n`);
  return EXIT.ok;
}
