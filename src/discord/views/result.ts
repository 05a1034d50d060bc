import { ButtonStyle } from 'discord.js';
import type { Deck } from '../../content/deck.js';
import { isPartner } from '../../debate/partner/identity.js';
import type { RatedChange } from '../../debate/player-record.js';
import { displayRating } from '../../debate/ratings.js';
import type { CriterionScore, Debate, Result } from '../../debate/types.js';
import { customId } from '../custom-id.js';
import { coachingText } from './coaching.js';
import { communityDecision, communityVotesField } from './community.js';
import { noteRoom, notesForCard, reasonsField } from './feedback.js';
import { mention, pingNobody, sideColour, sideLabel, truncate } from './format.js';
import { practiceFields, TEXT_PRACTICE } from './practice-result.js';
import { button, row, type View } from './view.js';

const headline = (deck: Deck, result: Result) => {
  if (result.winner === undefined) return '📝 No decision';
  if (result.winner === 'draw') return '🤝 A draw';
  return `🏆 ${sideLabel(deck, result.winner)} win${deck.side(result.winner)?.name.endsWith('s') ? '' : 's'}`;
};

const decidedBy = (deck: Deck, state: Debate, result: Result) => {
  const community = communityDecision(deck, state, result);
  if (community) return community;
  switch (result.decidedBy) {
    case 'community':
      return 'Decided by community vote.';
    case 'forfeit':
      return `Decided by forfeit: ${result.forfeitedBy ? mention(result.forfeitedBy) : 'a debater'} conceded.`;
    case 'judges': {
      const votes = Object.values(result.votes);
      const tally = [
        ...deck.sides.map((s) => votes.filter((v) => v === s.id).length),
        votes.filter((v) => v === 'draw').length,
      ];
      return `Decided by ${votes.length === 1 ? 'the judge' : `the judges (${tally.slice(0, 2).join('–')}${tally[2] ? `, ${tally[2]} for a draw` : ''})`}.`;
    }
    case 'automatic':
      return 'Decided by the automatic rubric (no judges). See /rubric for how it scores.';
    case 'none':
      return state.mode === 'live'
        ? 'A live debate with no judge ballot: a practice round, not rated.'
        : 'No speech was delivered: not rated.';
  }
};

/**
 * The result, in brief, for the channel a debate moved out of into its thread: who won, the motion,
 * who argued it, and a link to the full result card in the thread.
 */
export const resultSummaryView = (deck: Deck, state: Debate, result: Result, resultLink: string): View => ({
  embeds: [
    {
      title: headline(deck, result),
      description: truncate(
        `**${deck.motion(state.motionId)?.text ?? state.motionId}**\n${deck.sides
          .map(
            (side) =>
              `${sideLabel(deck, side.id)}: ${
                state.debaters
                  .filter((d) => d.side === side.id)
                  .map((d) => mention(d.userId))
                  .join(', ') || '—'
              }`,
          )
          .join(' · ')}\n[The full result, scores and coaching](${resultLink})`,
        4096,
      ),
      color: sideColour(deck, result.winner === 'draw' ? undefined : result.winner),
    },
  ],
  allowedMentions: pingNobody,
});

/** A criterion's line; the reason is cut so that all four lines fit one field. */
const scoreLine = (deck: Deck, c: CriterionScore) => {
  const name = deck.rubric.find((r) => r.id === c.criterionId)?.name ?? c.criterionId;
  return `${name} **${Number.isInteger(c.score) ? c.score : c.score.toFixed(1)}**: ${truncate(c.reason, 230)}`;
};

export const RESULT_IMAGE_FILE = 'result.png';

/** Discord's limits on an embed: 6,000 characters in all, 1,024 a field value, 25 fields. */
const EMBED_MAX = 6000;
const FIELD_MAX = 1024;

/**
 * The result card: winner, how it was decided, each debater's scores with reasons, totals and
 * rating changes; with `image` (drawResultImage's PNG, where the server turned result-image on)
 * the picture is attached and shown in the card, the text staying for screen readers.
 */
export const resultView = (
  deck: Deck,
  state: Debate,
  result: Result,
  changes: readonly RatedChange[],
  image?: Buffer,
): View => {
  const fields = result.scores.map((score) => {
    const change = changes.find((c) => c.userId === score.userId);
    const rating = change
      ? (() => {
          const [before, after] = [displayRating(change.before), displayRating(change.after)];
          const delta = after - before;
          return ` · rating ${before} → ${after} (${delta >= 0 ? '+' : ''}${delta})`;
        })()
      : '';
    const lines = score.criteria.map((c) => scoreLine(deck, c));
    if (score.coaching.length > 0)
      lines.push(
        `_Coaching (automatic): ${score.coaching.map((c) => `${deck.rubric.find((r) => r.id === c.criterionId)?.name} ${c.score}`).join(', ')}_`,
      );
    const value = truncate(`${mention(score.userId)}\n${lines.join('\n')}`, 1024);
    // The judges' notes to this debater, next to their scores.
    const notes = notesForCard(state, score.userId, noteRoom(state, value.length));
    return {
      name: truncate(`${sideLabel(deck, score.side)} · ${score.total.toFixed(1)} / 100${rating}`, 256),
      value: notes ? `${value}\n${notes}` : value,
    };
  });
  fields.push(...reasonsField(deck, state));
  const totals = deck.sides
    .map((s) => `${sideLabel(deck, s.id)} ${(result.sideTotals[s.id] ?? 0).toFixed(1)}`)
    .join(' · ');
  const crowdVotes = Object.values(result.crowd).reduce((a, b) => a + b, 0);
  const crowd =
    crowdVotes > 0
      ? `\nCrowd favourite (shown, not decisive): ${deck.sides.map((s) => `${s.emoji} ${result.crowd[s.id] ?? 0}`).join(' · ')}`
      : '';
  const unrated = state.practice
    ? `\n${TEXT_PRACTICE.line(state.practice.level)}`
    : !result.rated && result.decidedBy !== 'none'
      ? '\nNot rated.'
      : '';
  // Practice: what Steelman said that the member never answered, before the coaching.
  fields.push(...practiceFields(deck, state, result));
  const title = headline(deck, result);
  const description = truncate(
    `**${deck.motion(state.motionId)?.text ?? state.motionId}**\n${decidedBy(deck, state, result)}${
      result.scores.length > 0 ? `\nSide totals: ${totals}` : ''
    }${crowd}${unrated}`,
    4096,
  );
  // Coaching shares what the embed has left, debater by debater, so the card stays within Discord's limits.
  const coached = result.scores.filter((s) => (s.speeches ?? []).length > 0 && !isPartner(s.userId));
  const votes = communityVotesField(deck, state);
  const used = [title, description, ...[...fields, ...votes].flatMap((f) => [f.name, f.value])].join(
    '',
  ).length;
  const names = coached.map((s) => truncate(`📝 Coaching · ${sideLabel(deck, s.side)}`, 256));
  const room = Math.floor((EMBED_MAX - used - names.join('').length - 50) / Math.max(1, coached.length));
  const coaching = coached.map((score, i) => {
    const max = Math.min(FIELD_MAX, room);
    const head = `${mention(score.userId)}\n`;
    return {
      name: names[i] ?? 'Coaching',
      value: head + coachingText(deck, state, score, max - head.length),
    };
  });
  return {
    embeds: [
      {
        title,
        description,
        color: sideColour(deck, result.winner === 'draw' ? undefined : result.winner),
        fields: [...fields, ...(room >= 100 ? coaching : []), ...votes].slice(0, 25),
        ...(image ? { image: { url: `attachment://${RESULT_IMAGE_FILE}` } } : {}),
      },
    ],
    ...(image
      ? {
          files: [
            {
              attachment: image,
              name: RESULT_IMAGE_FILE,
              description: truncate(
                `Result: ${headline(deck, result).replace(/^\S+ /, '')}. ${totals}`,
                1024,
              ),
            },
          ],
        }
      : {}),
    components: [
      row(
        button(customId('transcript', state.id), 'Transcript', ButtonStyle.Secondary, { emoji: '📄' }),
        button(customId('rematch', state.id), 'Rematch', ButtonStyle.Primary, { emoji: '🔁' }),
      ),
    ],
    allowedMentions: pingNobody,
  };
};
