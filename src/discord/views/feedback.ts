import type { Deck } from '../../content/deck.js';
import type { Ballot, Debate } from '../../debate/types.js';
import { mention, sideLabel, truncate } from './format.js';

/** What marks judges' text cut to fit the result card; the transcript has it whole. */
export const FEEDBACK_CUT_MARK = '… (full text in the transcript)';

/** Of the card's 6,000 characters: what all notes to the debaters may take, shared between them. */
const NOTES_BUDGET = 1600;
/** The least room a judge's note needs to be quoted at all: the mention, a few words and the mark. */
const MIN_QUOTE = 100;
/** Discord's limit on a field value. */
const FIELD_MAX = 1024;

/** One line for the card: whitespace folded, cut at `max` with the mark. */
const cutLine = (text: string, max: number) => {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  if (max <= FEEDBACK_CUT_MARK.length) return '…';
  return `${line.slice(0, Math.max(0, max - FEEDBACK_CUT_MARK.length)).trimEnd()}${FEEDBACK_CUT_MARK}`;
};

/** The ballots in the order the judges joined, so a card and a transcript list them alike. */
const ballotsInOrder = (state: Debate): Ballot[] =>
  state.judges.map((id) => state.ballots[id]).filter((b): b is Ballot => b !== undefined);

const choiceLabel = (deck: Deck, winner: string) => (winner === 'draw' ? '🤝 Draw' : sideLabel(deck, winner));

/**
 * The judges' notes to one debater, for their field on the result card: one line per judge who
 * wrote one, attributed by mention (the card pings nobody), each cut to share `room` characters.
 * Empty when no judge wrote them a note.
 */
export const notesForCard = (state: Debate, userId: string, room: number): string => {
  const notes = ballotsInOrder(state).flatMap((b) => {
    const note = b.notes?.[userId];
    return note ? [{ judgeId: b.judgeId, note }] : [];
  });
  if (notes.length === 0) return '';
  const share = Math.floor(Math.min(room, FIELD_MAX) / notes.length);
  // Too little room to quote them: say where they are, or leave them to the transcript.
  if (share < MIN_QUOTE) {
    const pointer = `🗒️ ${notes.length === 1 ? 'A note' : `${notes.length} notes`} from the judges: in the transcript.`;
    return pointer.length <= room ? pointer : '';
  }
  return notes
    .map(({ judgeId, note }) => {
      const head = `🗒️ ${mention(judgeId)}: `;
      return head + cutLine(note, share - head.length - 1);
    })
    .join('\n');
};

/** How much of a debater field's room the notes may take: what the field has left, and their share of the budget. */
export const noteRoom = (state: Debate, fieldLength: number) =>
  Math.max(
    0,
    Math.min(FIELD_MAX - fieldLength - 1, Math.floor(NOTES_BUDGET / Math.max(1, state.debaters.length))),
  );

/** The judges' reasons for decision as one card field, each attributed and cut to share it; none written, no field. */
export const reasonsField = (deck: Deck, state: Debate): { name: string; value: string }[] => {
  const reasons = ballotsInOrder(state).filter((b) => b.reason !== undefined);
  if (reasons.length === 0) return [];
  const share = Math.floor(FIELD_MAX / reasons.length);
  const value = reasons
    .map((b) => {
      const head = `${mention(b.judgeId)} → ${choiceLabel(deck, b.winner)}: `;
      return head + cutLine(b.reason ?? '', share - head.length - 1);
    })
    .join('\n');
  // Many judges could still overrun the field with their names alone: the field itself is cut too.
  return [
    {
      name: reasons.length === 1 ? '⚖️ Reason for decision' : '⚖️ Reasons for decision',
      value: truncate(value, FIELD_MAX),
    },
  ];
};

/** The transcript's section: every judge's ballot winner, reason for decision and notes, whole. */
export const feedbackMarkdown = (deck: Deck, state: Debate, who: (userId: string) => string): string[] => {
  const written = ballotsInOrder(state).filter((b) => b.reason !== undefined || b.notes !== undefined);
  if (written.length === 0) return [];
  const side = (id: string) => (id === 'draw' ? 'a draw' : (deck.side(id)?.name ?? id));
  return [
    "## Judges' feedback",
    ...written.flatMap((b) => [
      '',
      `### ${who(b.judgeId)} (for ${side(b.winner)})`,
      ...(b.reason ? ['', '**Reason for decision:**', '', b.reason] : []),
      ...state.debaters.flatMap((d) => {
        const note = b.notes?.[d.userId];
        return note ? ['', `**Note to ${who(d.userId)} (${side(d.side)}):**`, '', note] : [];
      }),
    ]),
  ];
};
