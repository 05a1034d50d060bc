import {
  type APIModalInteractionResponseCallbackData,
  ButtonStyle,
  ComponentType,
  TextInputStyle,
} from 'discord.js';
import type { Deck } from '../../content/deck.js';
import { VOTE_REASON_MAX, VOTE_REASON_MIN } from '../../debate/community.js';
import type { CommunityVote, Debate, Result } from '../../debate/types.js';
import { customId } from '../custom-id.js';
import { deadline, mention, pingNobody, sideLabel, truncate } from './format.js';
import { button, row, type View } from './view.js';

const choiceLabel = (deck: Deck, side: string) => (side === 'draw' ? '🤝 Draw' : sideLabel(deck, side));

/** The tally, side by side then draws: `2–1, 1 for a draw`. */
export const tally = (deck: Deck, votes: readonly string[]) => {
  const counts = deck.sides.map((s) => votes.filter((v) => v === s.id).length);
  const draws = votes.filter((v) => v === 'draw').length;
  return `${counts.join('–')}${draws ? `, ${draws} for a draw` : ''}`;
};

/** How a community-judged result was decided, for the result card's first lines. */
export const communityDecision = (deck: Deck, state: Debate, result: Result): string | undefined => {
  if (state.judging !== 'community') return undefined;
  const votes = Object.values(result.votes);
  if (result.decidedBy === 'community')
    return `Decided by community vote (${tally(deck, votes)}, ${votes.length} ${votes.length === 1 ? 'vote' : 'votes'}).`;
  if (result.decidedBy === 'automatic')
    return votes.length === 0
      ? 'Nobody voted in the community window: decided by the automatic rubric.'
      : `The community vote was tied (${tally(deck, votes)}): decided by the automatic rubric.`;
  return undefined;
};

/** One line per vote: who, for what, and their reason (cut to fit). */
const voteLine = (deck: Deck, vote: CommunityVote, max: number) =>
  `${mention(vote.userId)} → ${choiceLabel(deck, vote.side)}: ${truncate(vote.reason.replace(/\s+/g, ' '), max)}`;

/** The votes with their reasons, cut to a card field (the transcript has them in full). */
export const communityVotesField = (deck: Deck, state: Debate): { name: string; value: string }[] => {
  const votes = Object.values(state.votes ?? {});
  if (state.judging !== 'community' || votes.length === 0) return [];
  const each = Math.max(60, Math.floor(900 / votes.length) - 40);
  const lines = votes.map((v) => voteLine(deck, v, each));
  return [
    {
      name: 'Community votes (reasons cut; the transcript has them in full)',
      value: truncate(lines.join('\n'), 1024),
    },
  ];
};

/** The transcript's section: every vote with its whole reason. */
export const communityVotesMarkdown = (
  deck: Deck,
  state: Debate,
  who: (userId: string) => string,
): string[] => {
  const votes = Object.values(state.votes ?? {});
  if (state.judging !== 'community') return [];
  if (votes.length === 0) return ['## Community votes', '', 'Nobody voted.', ''];
  return [
    '## Community votes',
    '',
    ...votes.flatMap((v) => [`### ${who(v.userId)}: ${choiceLabel(deck, v.side)}`, '', v.reason, '']),
  ];
};

/** After the last speech of a community debate: the voting window, with a button per choice. */
export const votingView = (deck: Deck, state: Debate, endsAt: number): View => {
  const format = deck.format(state.formatId);
  const seconds = format?.votingSeconds ?? format?.judgingSeconds ?? 0;
  return {
    content: `🗳️ The speeches are over. Community voting is open until ${deadline(endsAt, seconds)}: anyone who did not debate may vote for a side or a draw, with a reason for decision of at least ${VOTE_REASON_MIN} characters. One vote each; you can change it until voting closes. The majority decides; a tie goes to the automatic rubric.`,
    components: [
      row(
        ...[...deck.sides.map((s) => s.id), 'draw'].map((choice) =>
          button(
            customId('vote', state.id, choice),
            choice === 'draw' ? 'Vote: draw' : `Vote: ${deck.side(choice)?.name ?? choice}`,
            ButtonStyle.Primary,
            choice === 'draw' ? { emoji: '🤝' } : { emoji: deck.side(choice)?.emoji ?? '🗳️' },
          ),
        ),
      ),
    ],
    allowedMentions: pingNobody,
  };
};

export const VOTE_REASON_FIELD = 'reason';

/** The vote form: the reason for decision (prefilled when changing a vote). */
export const voteModal = (
  deck: Deck,
  state: Debate,
  side: string,
  previous: CommunityVote | undefined,
): APIModalInteractionResponseCallbackData => ({
  custom_id: customId('vote-form', state.id, side),
  title: truncate(side === 'draw' ? 'Vote: a draw' : `Vote: ${deck.side(side)?.name ?? side}`, 45),
  components: [
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.TextInput,
          custom_id: VOTE_REASON_FIELD,
          label: 'Reason for decision (at least 150 characters)',
          style: TextInputStyle.Paragraph,
          required: true,
          min_length: VOTE_REASON_MIN,
          max_length: VOTE_REASON_MAX,
          placeholder:
            'What decided it: which arguments stood, which rebuttals landed, which evidence mattered.',
          ...(previous ? { value: previous.reason } : {}),
        },
      ],
    },
  ],
});
