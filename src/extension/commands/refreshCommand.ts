import type { CommandContext } from './commandContext';

/** Reloads the configuration and rescans every folder, with progress in the status bar. */
export async function refreshCommand(ctx: CommandContext): Promise<void> {
  for (const ledger of ctx.controller.folders()) await ctx.controller.loadConfig(ledger);
  await ctx.controller.scan({ interactive: false });
}
