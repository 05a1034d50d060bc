import type { Deck } from '../../content/deck.js';
import type { Motion } from '../../content/schemas.js';
import { type MotionTally, motionBalance } from '../../debate/motion-stats.js';
import { pingNobody, sideLabel, truncate } from './format.js';
import type { View } from './view.js';

export const motionListView = (deck: Deck): View => ({
  embeds: [
    {
      title: `The motion bank: ${deck.motions.length} motions`,
      description: truncate(
        deck.motions
          .map((m) => `**${m.id}** ${m.text} _(${deck.side(m.affirms)?.emoji ?? ''} for · ${m.difficulty})_`)
          .join('\n'),
        4096,
      ),
      footer: { text: '/motion show <id> for the framing of each side · /debate start motion:<id>' },
    },
  ],
  allowedMentions: pingNobody,
});

export const motionView = (deck: Deck, motion: Motion): View => ({
  embeds: [
    {
      title: `Motion ${motion.id}`,
      description: truncate(`**${motion.text}**`, 4096),
      color: 0x5865f2,
      fields: [
        ...deck.sides.map((side) => ({
          name: `${sideLabel(deck, side.id)}${motion.affirms === side.id ? ' (for the motion)' : ' (against)'}`,
          value: truncate(motion.framing[side.id] ?? side.thesis, 1024),
        })),
        { name: 'Difficulty', value: motion.difficulty, inline: true },
        { name: 'Tags', value: motion.tags.join(', '), inline: true },
      ],
    },
  ],
  allowedMentions: pingNobody,
});

/** Wins per side per motion, and whether a motion looks one-sided (χ² against an even split). */
export const motionStatsView = (deck: Deck, tallies: Readonly<Record<string, MotionTally>>): View => {
  const ids = [deck.sides[0].id, deck.sides[1].id] as const;
  const played = deck.motions.filter((m) => tallies[m.id]);
  const lines = played.map((m) => {
    const tally = tallies[m.id] ?? { wins: {}, draws: 0 };
    const balance = motionBalance(tally, ids);
    const score = deck.sides.map((s) => `${s.emoji} ${tally.wins[s.id] ?? 0}`).join(' – ');
    const verdict = balance.tooFew
      ? 'too few results to judge'
      : balance.oneSided
        ? `**looks one-sided** toward ${sideLabel(deck, balance.favours ?? '')} (χ² ${balance.chiSquare.toFixed(2)}, p ${balance.pValue.toFixed(3)})`
        : `looks balanced (p ${balance.pValue.toFixed(2)})`;
    return `**${m.id}** ${score}, ${tally.draws} drawn: ${verdict}`;
  });
  return {
    embeds: [
      {
        title: 'Motion statistics',
        description: truncate(lines.length > 0 ? lines.join('\n') : 'No rated debate yet.', 4096),
        footer: {
          text: 'A motion looks one-sided when its decided results would happen less than 5% of the time with even sides (χ² test, 6+ results).',
        },
      },
    ],
    allowedMentions: pingNobody,
  };
};
