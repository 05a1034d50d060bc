import type { Client } from 'discord.js';
import type { Deck } from '../content/deck.js';
import type { Debate } from '../debate/types.js';
import type { Store } from '../store/types.js';
import { asPostFailed } from './announce.js';
import { channelReminderView, dmReminderView, quietReminderView } from './views/reminders.js';
import type { View } from './views/view.js';

/** Does this debate's format remind the speaker at its bells (a correspondence format)? */
export const remindsAtBells = (deck: Deck, state: Debate): boolean =>
  deck.format(state.formatId)?.reminders === true;

/**
 * A bell of a reminding format, delivered where the speaker asked (/debate remind): a mention in
 * the channel that notifies them alone (the default), a DM, or a quiet signal. A DM that Discord
 * refuses for good (DMs closed, no shared server) falls back to the channel mention; a passing
 * failure is thrown so the outbox tries again, and the DM's nonce keeps the retry from doubling it.
 * @throws PostFailed when Discord did not accept a post worth retrying
 */
export const deliverReminder = async (
  client: Client,
  deck: Deck,
  store: Store,
  state: Debate,
  turn: number,
  secondsLeft: number,
  send: (view: View) => Promise<unknown>,
  nonce: () => string,
  /** Where the debate is held (its thread, once it has one), for the DM's way back. */
  venueId: string = state.channelId,
): Promise<void> => {
  const userId = state.slots[turn]?.userId;
  const { remind } = userId ? await store.members.get(state.guildId, userId) : { remind: 'channel' as const };
  if (remind === 'off') {
    await send(quietReminderView(deck, state, turn, secondsLeft));
    return;
  }
  if (remind === 'dm' && userId) {
    try {
      const user = await client.users.fetch(userId);
      await user.send({
        ...dmReminderView(deck, state, turn, secondsLeft, venueId),
        nonce: nonce(),
        enforceNonce: true,
      });
      return;
    } catch (error) {
      if (!asPostFailed(error).permanent) throw error;
    }
  }
  await send(channelReminderView(deck, state, turn, secondsLeft));
};
