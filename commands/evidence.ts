import {
  type ChatInputCommandInteraction,
  InteractionContextType,
  ApplicationCommandOptionType as Option,
} from 'discord.js';
import type { AppContext } from '../src/context.js';
import type { Command } from '../src/discord/command.js';
import { debateInChannel, showHand } from '../src/discord/debate-moves.js';
import { runMove } from '../src/discord/moves.js';
import { respondPrivately } from '../src/discord/respond.js';
import { TEXT } from '../src/discord/text.js';
import { UserError } from '../src/discord/user-error.js';
import { cardView, searchView } from '../src/discord/views/cards.js';
import { clip } from '../src/discord/views/format.js';
import { respondWithSides, sideIdOf, sideOption } from './options.js';

const draw = async (interaction: ChatInputCommandInteraction, ctx: AppContext) =>
  runMove(ctx, interaction, (await debateInChannel(ctx, interaction)).state.id, 'draw');

export default {
  data: {
    name: 'evidence',
    description: 'Your cards and the evidence deck',
    contexts: [InteractionContextType.Guild],
    options: [
      { type: Option.Subcommand, name: 'hand', description: 'Your dealt cards, privately' },
      { type: Option.Subcommand, name: 'draw', description: 'Draw one more card, if the format allows' },
      {
        type: Option.Subcommand,
        name: 'search',
        description: 'Search the evidence deck',
        options: [
          {
            type: Option.String,
            name: 'query',
            description: 'Words to look for',
            required: true,
            max_length: 100,
          },
          sideOption('Only one side’s cards'),
        ],
      },
      {
        type: Option.Subcommand,
        name: 'show',
        description: 'One card in full, with its source',
        options: [
          {
            type: Option.String,
            name: 'id',
            description: 'A card id like L07',
            required: true,
            autocomplete: true,
          },
        ],
      },
    ],
  },
  async execute(interaction, ctx) {
    switch (interaction.options.getSubcommand()) {
      case 'hand': {
        const { state } = await debateInChannel(ctx, interaction);
        return showHand(ctx, interaction, state.id);
      }
      case 'draw':
        return draw(interaction, ctx);
      case 'search': {
        const query = interaction.options.getString('query', true);
        const typedSide = interaction.options.getString('side');
        const side = sideIdOf(ctx, typedSide);
        if (typedSide !== null && !side)
          throw new UserError(TEXT.unknownSide(typedSide, ctx.deck.sides.map((s) => s.id).join(', ')));
        await respondPrivately(
          interaction,
          searchView(ctx.deck, query, ctx.search.cards(query, { side, limit: 10 })),
        );
        return;
      }
      case 'show': {
        const id = interaction.options.getString('id', true);
        const card = ctx.deck.card(id);
        if (!card) throw new UserError(TEXT.unknownCard(id));
        await respondPrivately(interaction, cardView(ctx.deck, card));
        return;
      }
    }
  },
  async autocomplete(interaction, ctx) {
    if (interaction.options.getFocused(true).name === 'side')
      return respondWithSides(interaction, ctx, false);
    const cards = ctx.search.cards(interaction.options.getFocused(), { limit: 25, titles: true });
    await interaction.respond(cards.map((c) => ({ name: clip(`${c.id} · ${c.title}`, 100), value: c.id })));
  },
} satisfies Command;
