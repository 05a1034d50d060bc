import type { ChatInputCommandInteraction } from 'discord.js';
import type { AppContext } from '../../src/context.js';
import { guildIdOf, respondPrivately } from '../../src/discord/respond.js';
import { TEXT } from '../../src/discord/text.js';
import { REMINDER_TARGETS, type ReminderTarget } from '../../src/store/member-settings.js';

/** /debate remind dm|channel|off: where the caller's turn reminders go in this server. */
export const remind = async (interaction: ChatInputCommandInteraction, ctx: AppContext): Promise<void> => {
  const typed = interaction.options.getString('where', true);
  const where: ReminderTarget = (REMINDER_TARGETS as readonly string[]).includes(typed)
    ? (typed as ReminderTarget)
    : 'channel';
  await ctx.store.members.setRemind(guildIdOf(interaction), interaction.user.id, where);
  await respondPrivately(interaction, TEXT.remindSet(where));
};
