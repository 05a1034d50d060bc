import type { APIEmbed } from 'discord.js';
import type { Deck } from '../../content/deck.js';
import type { Card } from '../../content/schemas.js';
import { pingNobody, plural, sideColour, sideLabel, truncate } from './format.js';
import type { View } from './view.js';

const sourceLine = (deck: Deck, card: Card) => {
  const source = deck.source(card.source);
  if (!source) return card.source;
  return [source.title, source.publisher, source.date, `seed ${source.seed}`].filter(Boolean).join(' · ');
};

/** One card in full, with its source. */
export const cardEmbed = (deck: Deck, card: Card): APIEmbed => ({
  title: truncate(`[${card.id}] ${card.title}`, 256),
  description: truncate(
    [
      card.claim,
      card.quote ? `\n> “${card.quote.text}”\n> — ${card.quote.by}` : '',
      card.caveat ? `\n⚠️ **Caveat:** ${card.caveat}` : '',
    ].join('\n'),
    4096,
  ),
  color: sideColour(deck, card.side),
  fields: [
    { name: 'Side', value: sideLabel(deck, card.side), inline: true },
    { name: 'Tags', value: card.tags.join(', '), inline: true },
    { name: 'Source', value: truncate(sourceLine(deck, card), 1024) },
  ],
});

export const cardView = (deck: Deck, card: Card): View => ({
  embeds: [cardEmbed(deck, card)],
  allowedMentions: pingNobody,
});

const cardLine = (card: Card) => truncate(`**[${card.id}]** ${card.title}: ${card.claim}`, 300);

/** A debater's hand, privately. */
export const handView = (deck: Deck, hand: readonly string[], drawsLeft: number): View => {
  const cards = hand.map((id) => deck.card(id)).filter((c) => c !== undefined);
  return {
    embeds: [
      {
        title: `Your hand: ${plural(cards.length, 'card')}`,
        description: truncate(cards.map(cardLine).join('\n\n'), 4096),
        color: sideColour(deck, cards[0]?.side),
        footer: {
          text: `Cite cards in a speech like [${cards[0]?.id ?? 'L07'}]. ${drawsLeft > 0 ? `${plural(drawsLeft, 'draw')} left: /evidence draw.` : 'No draws left.'} /evidence show <id> for a card in full.`,
        },
      },
    ],
    allowedMentions: pingNobody,
  };
};

export const searchView = (deck: Deck, query: string, cards: readonly Card[]): View => ({
  embeds: [
    {
      title: truncate(`Evidence matching “${query}”`, 256),
      description:
        cards.length === 0
          ? 'No card matches. Try fewer or other words.'
          : truncate(cards.map((c) => `${deck.side(c.side)?.emoji ?? ''} ${cardLine(c)}`).join('\n\n'), 4096),
      footer: { text: `${plural(cards.length, 'card')} · /evidence show <id> for one in full` },
    },
  ],
  allowedMentions: pingNobody,
});
