import { ApplicationCommandOptionType, type AutocompleteInteraction } from 'discord.js';
import type { AppContext } from '../src/context.js';

/**
 * A `side` option. Sides are data (data/sides.json), so their choices come from the deck by
 * autocomplete rather than being fixed in the registered command.
 */
export const sideOption = (description: string) => ({
  type: ApplicationCommandOptionType.String as const,
  name: 'side',
  description,
  autocomplete: true as const,
});

/** Answers a focused `side` option with the deck's sides (and `auto` where it means something). */
export const respondWithSides = (
  interaction: AutocompleteInteraction,
  ctx: AppContext,
  withAuto: boolean,
) => {
  const typed = interaction.options.getFocused().toLowerCase();
  const choices = [
    ...ctx.deck.sides.map((side) => ({ name: `${side.emoji} ${side.name}`, value: side.id })),
    ...(withAuto ? [{ name: '🎲 Auto: the side I have argued less often', value: 'auto' }] : []),
  ];
  return interaction.respond(
    choices.filter((c) => typed === '' || c.value.includes(typed) || c.name.toLowerCase().includes(typed)),
  );
};

/** The side a member typed, checked against the deck (undefined when left out). */
export const sideIdOf = (ctx: AppContext, value: string | null): string | undefined => {
  if (value === null) return undefined;
  const side = ctx.deck.sides.find((s) => s.id === value.trim().toLowerCase());
  return side?.id;
};
