import { type APIModalInteractionResponseCallbackData, ComponentType, TextInputStyle } from 'discord.js';
import type { Deck } from '../../content/deck.js';
import { NOTE_MAX, REASON_MAX } from '../../debate/feedback.js';
import { judgedCriteria } from '../../debate/scoring.js';
import { type Ballot, type Debate, MAX_SPEECH_CHARS } from '../../debate/types.js';
import { customId } from '../custom-id.js';
import { duration, kindLabel, truncate } from './format.js';

const input = (
  id: string,
  label: string,
  style: TextInputStyle,
  options: { max?: number; placeholder?: string; value?: string; required?: boolean } = {},
) => ({
  type: ComponentType.ActionRow as const,
  components: [
    {
      type: ComponentType.TextInput as const,
      custom_id: id,
      label: truncate(label, 45),
      style,
      required: options.required ?? true,
      ...(options.max ? { max_length: options.max } : {}),
      ...(options.placeholder ? { placeholder: truncate(options.placeholder, 100) } : {}),
      ...(options.value ? { value: options.value } : {}),
    },
  ],
});

export const SPEECH_FIELD = 'speech';
export const WINNER_FIELD = 'winner';
export const scoreField = (userId: string) => `score-${userId}`;

/** The speech form: one paragraph of up to 4,000 characters. */
export const speechModal = (state: Debate, turn: number): APIModalInteractionResponseCallbackData => {
  const slot = state.slots[turn];
  return {
    custom_id: customId('speech', state.id, turn),
    title: truncate(
      slot ? `Your ${kindLabel(slot.kind).toLowerCase()} (${duration(slot.seconds)})` : 'Your speech',
      45,
    ),
    components: [
      input(SPEECH_FIELD, 'Speech', TextInputStyle.Paragraph, {
        max: MAX_SPEECH_CHARS,
        placeholder: `Aim for ${slot?.words.min ?? 0}–${slot?.words.max ?? 0} words. Cite your cards like [L07].`,
      }),
    ],
  };
};

/** Room for the scores line ("4 3 5") or the winner line above a note or a reason. */
const FIRST_LINE_ROOM = 60;

/** A prefilled field: its first line, then the written part below it when there is one. */
const lines = (first: string, below: string | undefined) => (below ? `${first}\n${below}` : first);

/**
 * The judge's ballot: for every debater, the judged criteria as numbers 1–5 in rubric order with
 * an optional note to them below; and a winner or draw with an optional reason for decision below.
 * A 2v2 fills Discord's five fields exactly. Prefilled on resubmission.
 */
export const ballotModal = (
  deck: Deck,
  state: Debate,
  names: ReadonlyMap<string, string>,
  previous: Ballot | undefined,
): APIModalInteractionResponseCallbackData => {
  const criteria = judgedCriteria(deck);
  const order = criteria.map((c) => c.name).join(', ');
  const choices = [...deck.sides.map((s) => s.id), 'draw'];
  return {
    custom_id: customId('ballot-form', state.id),
    title: 'Your ballot',
    components: [
      ...state.debaters.map((d) =>
        input(
          scoreField(d.userId),
          `${deck.side(d.side)?.name ?? d.side}: ${names.get(d.userId) ?? 'debater'}`,
          TextInputStyle.Paragraph,
          {
            max: FIRST_LINE_ROOM + NOTE_MAX,
            placeholder: `${order}: 1–5 each, e.g. ${criteria.map((_, i) => 3 + (i % 2)).join(' ')}. Below: a note to them (optional).`,
            ...(previous
              ? {
                  value: lines(
                    criteria.map((c) => previous.scores[d.userId]?.[c.id] ?? '').join(' '),
                    previous.notes?.[d.userId],
                  ),
                }
              : {}),
          },
        ),
      ),
      input(
        WINNER_FIELD,
        `Winner: ${choices.slice(0, -1).join(', ')} or draw, then why`,
        TextInputStyle.Paragraph,
        {
          max: FIRST_LINE_ROOM + REASON_MAX,
          placeholder: `First line: ${choices.join(' / ')}. Below: your reason for decision (optional).`,
          ...(previous ? { value: lines(previous.winner, previous.reason) } : {}),
        },
      ),
    ],
  };
};
