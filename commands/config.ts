import {
  ChannelType,
  type ChatInputCommandInteraction,
  InteractionContextType,
  ApplicationCommandOptionType as Option,
  PermissionFlagsBits,
} from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { guildIdOf, requireManager, respondPrivately } from '../src/discord/respond.js';
import { TEXT } from '../src/discord/text.js';
import { UserError } from '../src/discord/user-error.js';
import { configView } from '../src/discord/views/info.js';
import { applySetting, SETTING_KEYS, type SettingKey } from '../src/guild-settings.js';

/** The value of `/config set`: typed, or picked with Discord's role and channel pickers (no typed ids). */
const pickedValue = (interaction: ChatInputCommandInteraction, key: SettingKey): string => {
  const role = interaction.options.getRole('role');
  const channel = interaction.options.getChannel('channel');
  if (key === 'judge-role' && role) return `<@&${role.id}>`;
  if (key === 'debate-channels' && channel) return `<#${channel.id}>`;
  const typed = interaction.options.getString('value');
  if (typed === null) throw new UserError(TEXT.configValueNeeded(key));
  return typed;
};

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
            description: 'The new value ("none"/"any" clears); roles and channels: use the pickers below',
            max_length: 500,
          },
          { type: Option.Role, name: 'role', description: 'judge-role: pick the role' },
          {
            type: Option.Channel,
            name: 'channel',
            description: 'debate-channels: pick the one channel (several: /config channels)',
            channel_types: [ChannelType.GuildText],
          },
        ],
      },
      {
        type: Option.Subcommand,
        name: 'channels',
        description: 'Add or remove one of the debate channels (none listed: any channel)',
        options: [
          {
            type: Option.Channel,
            name: 'add',
            description: 'A channel debates may run in',
            channel_types: [ChannelType.GuildText],
          },
          {
            type: Option.Channel,
            name: 'remove',
            description: 'A channel to take off the list',
            channel_types: [ChannelType.GuildText],
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
      const value = pickedValue(interaction, key);
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
    if (interaction.options.getSubcommand() === 'channels') {
      const add = interaction.options.getChannel('add')?.id;
      const remove = interaction.options.getChannel('remove')?.id;
      if (!add && !remove) throw new UserError(TEXT.configChannelsNeeded);
      const config = await ctx.store.inGuildQueue(guildId, async () => {
        const current = await ctx.store.guilds.config(guildId);
        const channels = [...new Set([...current.debateChannels, ...(add ? [add] : [])])].filter(
          (id) => id !== remove,
        );
        const next = { ...current, debateChannels: channels };
        await ctx.store.guilds.saveConfig(guildId, next);
        return next;
      });
      await respondPrivately(interaction, configView(config, await ctx.store.guilds.currentSeason(guildId)));
      return;
    }
    const config = await ctx.store.guilds.config(guildId);
    await respondPrivately(interaction, configView(config, await ctx.store.guilds.currentSeason(guildId)));
  },
} satisfies Command;
