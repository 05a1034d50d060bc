import {
  InteractionContextType,
  ApplicationCommandOptionType as Option,
  PermissionFlagsBits,
} from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { guildIdOf, requireManager, respondPrivately } from '../src/discord/respond.js';
import { UserError } from '../src/discord/user-error.js';
import { configView } from '../src/discord/views/info.js';
import { applySetting, SETTING_KEYS, type SettingKey } from '../src/guild-settings.js';

export default {
  data: {
    name: 'config',
    description: 'Server settings for Steelman (Manage Server)',
    contexts: [InteractionContextType.Guild],
    default_member_permissions: String(PermissionFlagsBits.ManageGuild),
    options: [
      { type: Option.Subcommand, name: 'view', description: 'Show the settings' },
      {
        type: Option.Subcommand,
        name: 'set',
        description: 'Change a setting',
        options: [
          {
            type: Option.String,
            name: 'key',
            description: 'Which setting',
            required: true,
            choices: SETTING_KEYS.map((key) => ({ name: key, value: key })),
          },
          {
            type: Option.String,
            name: 'value',
            description: 'The new value ("none"/"any" clears)',
            required: true,
            max_length: 500,
          },
        ],
      },
    ],
  },
  async execute(interaction, ctx) {
    requireManager(interaction);
    const guildId = guildIdOf(interaction);
    if (interaction.options.getSubcommand() === 'set') {
      const key = interaction.options.getString('key', true) as SettingKey;
      if (!SETTING_KEYS.includes(key)) throw new UserError(`Unknown setting "${key}".`);
      const value = interaction.options.getString('value', true);
      // Read, change and save in one step of the guild's queue: two moderators never undo each other.
      const result = await ctx.store.inGuildQueue(guildId, async () => {
        const changed = applySetting(ctx.deck, await ctx.store.guilds.config(guildId), key, value);
        if (changed.ok) await ctx.store.guilds.saveConfig(guildId, changed.config);
        return changed;
      });
      if (!result.ok) throw new UserError(result.message);
      await respondPrivately(
        interaction,
        configView(result.config, await ctx.store.guilds.currentSeason(guildId)),
      );
      return;
    }
    const config = await ctx.store.guilds.config(guildId);
    await respondPrivately(interaction, configView(config, await ctx.store.guilds.currentSeason(guildId)));
  },
} satisfies Command;
