import { ButtonStyle } from 'discord.js';
import type { Deck } from '../../content/deck.js';
import type { Debate, TurnRecord } from '../../debate/types.js';
import { customId } from '../custom-id.js';
import { TEXT } from '../text.js';
import { controlLines, prepButton } from './controls.js';
import {
  deadline,
  duration,
  kindLabel,
  longSpan,
  mention,
  pingNobody,
  pingOnly,
  sideColour,
  sideLabel,
  timestamp,
  truncate,
} from './format.js';
import { poiButton, pointLines } from './points.js';
import { button, row, type View } from './view.js';

export const crowdRow = (deck: Deck, debateId: string) =>
  row(
    ...deck.sides.map((side) =>
      button(customId('crowd', debateId, side.id), `Crowd: ${side.name}`, ButtonStyle.Secondary, {
        emoji: side.emoji,
      }),
    ),
  );

/** After Begin: the turn order, prep time, and the buttons debaters need during prep. */
export const begunView = (deck: Deck, state: Debate, prepEndsAt: number): View => {
  const order = state.slots
    .map(
      (slot, i) =>
        `${i + 1}. ${sideLabel(deck, slot.side)} · ${mention(slot.userId)} · ${kindLabel(slot.kind)} (${duration(slot.seconds)})`,
    )
    .join('\n');
  const prep = state.phase === 'prep';
  return {
    content: `${state.debaters.map((d) => mention(d.userId)).join(' ')} the debate has begun.`,
    embeds: [
      {
        title: 'Turn order',
        description: truncate(order, 4096),
        color: 0x5865f2,
        fields: [
          {
            name: prep ? 'Prep' : 'Prep skipped',
            value: prep
              ? `Read your hand and plan. The first speech starts ${deadline(prepEndsAt, deck.format(state.formatId)?.prepSeconds ?? 0)}, or as soon as every debater presses Ready.`
              : 'The first speech starts now.',
          },
        ],
      },
    ],
    components: [
      row(
        button(customId('hand', state.id), 'My hand', ButtonStyle.Primary, { emoji: '🃏' }),
        button(customId('ready', state.id), 'Ready', ButtonStyle.Success),
      ),
    ],
    allowedMentions: pingOnly(state.debaters.map((d) => d.userId)),
  };
};

/** A turn starts: the speaker (the one ping the bot means), the speech kind and the deadline. */
export const turnView = (deck: Deck, state: Debate, turn: number): View => {
  const slot = state.slots[turn];
  if (!slot) return { content: 'The speeches are over.', allowedMentions: pingNobody };
  const endsAt = state.turnEndsAt ?? 0;
  const how =
    state.mode === 'text'
      ? `Press **Speak** to write your speech (up to ${(deck.format(state.formatId)?.speechChars ?? 4000).toLocaleString('en')} characters; cite cards like [L07]).${slot.graceSeconds ? ` ${TEXT.graceRule(slot.graceSeconds)}` : ''}`
      : 'Speak in voice now; press **Done** when you finish.';
  const buttons =
    state.mode === 'text'
      ? [
          button(customId('speak', state.id, turn), 'Speak', ButtonStyle.Primary, { emoji: '🎤' }),
          button(customId('hand', state.id), 'My hand', ButtonStyle.Secondary, { emoji: '🃏' }),
          button(customId('done', state.id, turn), 'Pass', ButtonStyle.Secondary),
        ]
      : [
          button(customId('done', state.id, turn), 'Done', ButtonStyle.Success),
          button(customId('hand', state.id), 'My hand', ButtonStyle.Secondary, { emoji: '🃏' }),
        ];
  buttons.push(...prepButton(deck, state, turn), ...poiButton(state, turn));
  const controls = [...controlLines(deck, state), ...pointLines(deck, state, turn)];
  return {
    content: `🎤 ${mention(slot.userId)}, your turn: **${sideLabel(deck, slot.side)} · ${kindLabel(slot.kind)}** (${duration(slot.seconds)}), ends ${deadline(endsAt, slot.seconds)}.`,
    embeds: [
      {
        description: [`Turn ${turn + 1} of ${state.slots.length}. ${how}`, ...controls].join('\n'),
        color: sideColour(deck, slot.side),
      },
    ],
    components: turn === 0 ? [row(...buttons), crowdRow(deck, state.id)] : [row(...buttons)],
    allowedMentions: pingOnly([slot.userId]),
  };
};

export const bellView = (state: Debate, turn: number, secondsLeft: number): View => {
  const slot = state.slots[turn];
  const left =
    secondsLeft >= 3600
      ? longSpan(secondsLeft)
      : secondsLeft >= 60 && secondsLeft % 60 === 0
        ? `${secondsLeft / 60} min`
        : `${secondsLeft} s`;
  return {
    content: `🔔 ${left} left for ${slot ? mention(slot.userId) : 'the speaker'} (ends ${deadline(state.turnEndsAt ?? 0, slot?.seconds ?? 0)}).`,
    allowedMentions: pingNobody,
  };
};

/** The deadline passed with the speaker's form, opened in time, still out: the turn waits until `until`. */
export const graceView = (state: Debate, turn: number, until: number): View => {
  const slot = state.slots[turn];
  return {
    content: TEXT.graceHeld(slot ? mention(slot.userId) : 'the speaker', timestamp(until)),
    allowedMentions: pingNobody,
  };
};

/** A turn's outcome: the speech under its speaker's name with cited cards resolved, or a missed/ended note. */
export const turnEndedView = (deck: Deck, state: Debate, record: TurnRecord): View => {
  const slot = state.slots[record.turn];
  const what = slot ? kindLabel(slot.kind).toLowerCase() : 'speech';
  if (record.outcome === 'missed')
    return {
      content: `⏱️ ${mention(record.userId)} missed their ${what}: time ran out.`,
      allowedMentions: pingNobody,
    };
  if (record.outcome === 'passed')
    return { content: `⏭️ ${mention(record.userId)} passed their ${what}.`, allowedMentions: pingNobody };
  if (record.text === undefined)
    return {
      content: `✅ ${mention(record.userId)}'s ${what} is over${record.outcome === 'ended-early' ? ' (ended early)' : ''}.`,
      allowedMentions: pingNobody,
    };
  const cited = [...record.cited, ...record.answered]
    .map((id) => deck.card(id))
    .filter((card) => card !== undefined)
    .map((card) => `**[${card.id}]** ${card.title}: ${card.claim}`);
  return {
    content: `🗣️ ${mention(record.userId)} · ${sideLabel(deck, record.side)} · ${slot ? kindLabel(slot.kind) : 'Speech'}`,
    embeds: [
      {
        description: truncate(record.text, 4096),
        color: sideColour(deck, record.side),
        fields: cited.length > 0 ? [{ name: 'Cards cited', value: truncate(cited.join('\n'), 1024) }] : [],
        footer: { text: `Turn ${record.turn + 1} of ${state.slots.length}` },
      },
    ],
    allowedMentions: pingNobody,
  };
};

export const judgingView = (deck: Deck, state: Debate, endsAt: number): View => ({
  content: `⚖️ The speeches are over. Judges ${state.judges.map(mention).join(' ')}: open your ballot (scores and a winner; a reason for decision and a note to each debater if you like). Judging closes ${deadline(endsAt, deck.format(state.formatId)?.judgingSeconds ?? 0)}.`,
  components: [
    row(button(customId('ballot', state.id), 'Open ballot', ButtonStyle.Primary, { emoji: '🗳️' })),
    crowdRow(deck, state.id),
  ],
  allowedMentions: pingOnly(state.judges),
});
