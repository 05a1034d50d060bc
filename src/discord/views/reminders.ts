import type { Deck } from '../../content/deck.js';
import type { Debate } from '../../debate/types.js';
import { deadline, kindLabel, longSpan, mention, pingNobody, pingOnly, sideLabel } from './format.js';
import type { View } from './view.js';

const left = (secondsLeft: number) =>
  secondsLeft >= 3600
    ? longSpan(secondsLeft)
    : secondsLeft >= 60
      ? `${Math.round(secondsLeft / 60)} min`
      : `${secondsLeft} s`;

const what = (deck: Deck, state: Debate, turn: number) => {
  const slot = state.slots[turn];
  return slot ? `${sideLabel(deck, slot.side)} · ${kindLabel(slot.kind)}` : 'speech';
};

/**
 * A reminder in the debate's channel: it mentions the speaker and notifies them and nobody else
 * (a bell that only names them is no reminder when the turn lasts a day).
 */
export const channelReminderView = (deck: Deck, state: Debate, turn: number, secondsLeft: number): View => {
  const slot = state.slots[turn];
  const userId = slot?.userId;
  return {
    content: `⏰ ${userId ? mention(userId) : 'Speaker'}, a reminder: your **${what(deck, state, turn)}** is due in ${left(secondsLeft)}, ${deadline(state.turnEndsAt ?? 0, slot?.seconds ?? 0)}. Press **Speak** on your turn's post, or use \`/debate speak\` here.`,
    allowedMentions: userId ? pingOnly([userId]) : pingNobody,
  };
};

/** The same reminder as a direct message, with the way back to the debate's channel. */
export const dmReminderView = (
  deck: Deck,
  state: Debate,
  turn: number,
  secondsLeft: number,
  /** Where the debate is held: its thread, once it has one. */
  venueId: string = state.channelId,
): View => {
  const slot = state.slots[turn];
  return {
    content: `⏰ A reminder: your **${what(deck, state, turn)}** in <#${venueId}> is due in ${left(secondsLeft)}, ${deadline(state.turnEndsAt ?? 0, slot?.seconds ?? 0)}. Speak there with the **Speak** button or \`/debate speak\`. (Turn reminders go here because you chose \`/debate remind dm\`.)`,
    allowedMentions: pingNobody,
  };
};

/** A bell of a reminding format for a speaker who turned reminders off: a signal, no ping. */
export const quietReminderView = (deck: Deck, state: Debate, turn: number, secondsLeft: number): View => {
  const slot = state.slots[turn];
  return {
    content: `🔔 ${left(secondsLeft)} left for ${slot ? mention(slot.userId) : 'the speaker'}'s ${what(deck, state, turn)} (ends ${deadline(state.turnEndsAt ?? 0, slot?.seconds ?? 0)}).`,
    allowedMentions: pingNobody,
  };
};
