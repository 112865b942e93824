import type { CommandContext } from './commandContext';

export async function showCurrentFileOnlyCommand(ctx: CommandContext): Promise<void> {
  await ctx.state.setCurrentFileOnly(true);
}

export async function showAllFilesCommand(ctx: CommandContext): Promise<void> {
  await ctx.state.setCurrentFileOnly(false);
}
