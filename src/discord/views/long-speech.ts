import { type APIModalInteractionResponseCallbackData, ComponentType, TextInputStyle } from 'discord.js';
import type { Deck } from '../../content/deck.js';
import type { Debate, TurnRecord } from '../../debate/types.js';
import { MAX_SPEECH_CHARS } from '../../debate/types.js';
import { customId } from '../custom-id.js';
import { duration, kindLabel, mention, pingNobody, sideColour, sideLabel, truncate } from './format.js';
import { turnEndedView } from './turns.js';
import type { View } from './view.js';

/**
 * Correspondence speeches run to 10,000 characters, past Discord's 4,000 a form field. The form
 * then has several fields, "part 1 of 3" and on, joined with a blank line: it reads as one
 * speech written in sections, needs no file upload (which phones handle badly) and no stitching of
 * consecutive messages (which another member's message could interleave), and the speech still
 * arrives in one submission, so one deadline check and one post.
 */
export const FIELD_CHARS = 4000;
export const speechPartField = (part: number) => (part === 1 ? 'speech' : `speech-${part}`);

/** The format's longest speech in characters (4,000 unless the format says more). */
export const speechLimit = (deck: Deck, state: Debate) =>
  deck.format(state.formatId)?.speechChars ?? MAX_SPEECH_CHARS;

/** How many form fields a speech of `limit` characters needs (at most Discord's five). */
export const speechParts = (limit: number) => Math.min(5, Math.max(1, Math.ceil(limit / FIELD_CHARS)));

/** The speech form of a long format: parts of up to 4,000 characters, only the first required. */
export const longSpeechModal = (
  state: Debate,
  turn: number,
  limit: number,
): APIModalInteractionResponseCallbackData => {
  const slot = state.slots[turn];
  const parts = speechParts(limit);
  return {
    custom_id: customId('speech', state.id, turn),
    title: truncate(
      slot ? `Your ${kindLabel(slot.kind).toLowerCase()} (${duration(slot.seconds)})` : 'Your speech',
      45,
    ),
    components: Array.from({ length: parts }, (_, i) => ({
      type: ComponentType.ActionRow as const,
      components: [
        {
          type: ComponentType.TextInput as const,
          custom_id: speechPartField(i + 1),
          label: `Speech, part ${i + 1} of ${parts}${i === 0 ? '' : ' (optional)'}`,
          style: TextInputStyle.Paragraph,
          required: i === 0,
          max_length: Math.min(FIELD_CHARS, limit - i * FIELD_CHARS),
          ...(i === 0
            ? {
                placeholder: truncate(
                  `Up to ${limit.toLocaleString('en')} characters over ${parts} parts. Aim for ${slot?.words.min ?? 0}–${slot?.words.max ?? 0} words; cite cards like [L07].`,
                  100,
                ),
              }
            : {}),
        },
      ],
    })),
  };
};

/** The parts a form brought back, in order, joined as paragraphs. */
export const joinSpeechParts = (read: (field: string) => string | undefined): string => {
  const parts: string[] = [];
  for (let part = 1; part <= 5; part++) {
    const value = read(speechPartField(part));
    if (value === undefined) break;
    if (value.trim() !== '') parts.push(value.trim());
  }
  return parts.join('\n\n');
};

/**
 * Cuts a long text into chunks of at most `max` characters at the cleanest boundary available:
 * a paragraph, else a line, else a sentence, else a space; never inside a word unless it must.
 */
export const splitText = (text: string, max: number): string[] => {
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    const floor = Math.floor(max / 2);
    const at = (pattern: RegExp) => {
      let found = -1;
      for (const m of window.matchAll(pattern))
        if (m.index !== undefined && m.index >= floor) found = m.index + m[0].length;
      return found > max ? -1 : found;
    };
    const cut = [at(/\n\s*\n/g), at(/\n/g), at(/[.!?]["')\]]?\s/g), at(/\s/g)].find((i) => i > 0) ?? max;
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== '') chunks.push(rest);
  return chunks;
};

/** A speech embed's description stays under this, so header, footer and cards fit Discord's 6,000 per message. */
const PART_CHARS = 4000;

/**
 * A delivered speech as posts: one for a speech that fits an embed, else one per part, split
 * cleanly, the first under the speaker's name and the cited cards resolved on the last.
 */
export const speechPosts = (deck: Deck, state: Debate, record: TurnRecord): View[] => {
  const single = turnEndedView(deck, state, record);
  if (record.text === undefined || record.text.length <= PART_CHARS) return [single];
  const parts = splitText(record.text, PART_CHARS);
  const slot = state.slots[record.turn];
  const cited = [...record.cited, ...record.answered]
    .map((id) => deck.card(id))
    .filter((card) => card !== undefined)
    .map((card) => `**[${card.id}]** ${card.title}: ${card.claim}`);
  return parts.map((part, i) => ({
    content:
      i === 0
        ? `🗣️ ${mention(record.userId)} · ${sideLabel(deck, record.side)} · ${slot ? kindLabel(slot.kind) : 'Speech'}`
        : `🗣️ ${mention(record.userId)} · continued (${i + 1} of ${parts.length})`,
    embeds: [
      {
        description: part,
        color: sideColour(deck, record.side),
        fields:
          i === parts.length - 1 && cited.length > 0
            ? [{ name: 'Cards cited', value: truncate(cited.join('\n'), 1024) }]
            : [],
        footer: {
          text: `Turn ${record.turn + 1} of ${state.slots.length} · part ${i + 1} of ${parts.length}`,
        },
      },
    ],
    allowedMentions: pingNobody,
  }));
};
