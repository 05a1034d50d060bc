import { InteractionContextType, ApplicationCommandOptionType as Option } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { guildIdOf, respondPrivately } from '../src/discord/respond.js';
import { TEXT } from '../src/discord/text.js';
import { UserError } from '../src/discord/user-error.js';
import { clip } from '../src/discord/views/format.js';
import { motionListView, motionStatsView, motionView } from '../src/discord/views/motions.js';

export default {
  data: {
    name: 'motion',
    description: 'The motion bank',
    contexts: [InteractionContextType.Guild],
    options: [
      { type: Option.Subcommand, name: 'list', description: 'Every motion' },
      {
        type: Option.Subcommand,
        name: 'show',
        description: 'One motion with each side’s framing',
        options: [
          {
            type: Option.String,
            name: 'id',
            description: 'A motion id like M01',
            required: true,
            autocomplete: true,
          },
        ],
      },
      { type: Option.Subcommand, name: 'random', description: 'A random motion' },
      {
        type: Option.Subcommand,
        name: 'stats',
        description: 'How often each side wins each motion, and which look one-sided',
      },
    ],
  },
  async execute(interaction, ctx) {
    switch (interaction.options.getSubcommand()) {
      case 'list':
        await respondPrivately(interaction, motionListView(ctx.deck));
        return;
      case 'show': {
        const id = interaction.options.getString('id', true);
        const motion = ctx.deck.motion(id);
        if (!motion) throw new UserError(TEXT.unknownMotion(id));
        await respondPrivately(interaction, motionView(ctx.deck, motion));
        return;
      }
      case 'random': {
        const motion = ctx.deck.motions[ctx.seed() % ctx.deck.motions.length];
        if (motion) await respondPrivately(interaction, motionView(ctx.deck, motion));
        return;
      }
      case 'stats': {
        const tallies = await ctx.store.guilds.motionTallies(guildIdOf(interaction));
        await respondPrivately(interaction, motionStatsView(ctx.deck, tallies));
        return;
      }
    }
  },
  async autocomplete(interaction, ctx) {
    const motions = ctx.search.motions(interaction.options.getFocused(), 25);
    await interaction.respond(motions.map((m) => ({ name: clip(`${m.id} · ${m.text}`, 100), value: m.id })));
  },
} satisfies Command;
