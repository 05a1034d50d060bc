import type { AutocompleteInteraction } from 'discord.js';
import type { AppContext } from '../../src/context.js';
import { clip } from '../../src/discord/views/format.js';
import { respondWithSides } from '../options.js';
import { pastDebateChoices } from './history.js';

/** Motion and format choices for /debate start, and sides for /debate join, from the deck. */
export const autocompleteDebate = async (interaction: AutocompleteInteraction, ctx: AppContext) => {
  const focused = interaction.options.getFocused(true);
  if (focused.name === 'side') {
    await respondWithSides(interaction, ctx, true);
    return;
  }
  if (focused.name === 'motion') {
    const motions = ctx.search.motions(focused.value, 25);
    await interaction.respond(motions.map((m) => ({ name: clip(`${m.id} · ${m.text}`, 100), value: m.id })));
    return;
  }
  if (focused.name === 'format') {
    const query = focused.value.toLowerCase();
    const formats = ctx.deck.formats.filter(
      (f) => f.id.includes(query) || f.name.toLowerCase().includes(query),
    );
    await interaction.respond(
      formats
        .slice(0, 25)
        .map((f) => ({ name: clip(`${f.name} (${f.sizes.join(', ')})`, 100), value: f.id })),
    );
    return;
  }
  if (focused.name === 'id') {
    await interaction.respond(await pastDebateChoices(ctx, interaction.guildId, focused.value));
    return;
  }
  await interaction.respond([]);
};
