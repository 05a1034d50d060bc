import {
  ChannelType,
  type Client,
  DiscordAPIError,
  PermissionFlagsBits,
  RESTJSONErrorCodes,
  type SendableChannels,
  ThreadAutoArchiveDuration,
} from 'discord.js';
import type { Deck } from '../content/deck.js';
import { isPartner } from '../debate/partner/identity.js';
import type { Store, StoredDebate } from '../store/types.js';
import { asPostFailed } from './announce.js';
import { TEXT } from './text.js';

/** What the bot needs in the channel to hold a debate in a thread there: start it, and post in it. */
const THREAD_PERMISSIONS = [
  PermissionFlagsBits.CreatePublicThreads,
  PermissionFlagsBits.SendMessagesInThreads,
];

/**
 * On Begin: moves the debate into a thread started from its lobby card, where the server allows it
 * (`/config set threads`, on by default), the channel can hold threads (a text or announcement
 * channel, not a thread already) and the bot may create threads and post in them. Otherwise the
 * debate stays in its channel, as before threads.
 *
 * Safe to repeat (a retry, a restart between creating the thread and recording it): Discord starts
 * at most one thread from a message, and that thread has the message's id, so a second try that
 * Discord answers with 160004 ("a thread has already been created for this message") is the thread
 * made the first time.
 * @returns the thread's id, or undefined when the debate stays in its channel
 * @throws PostFailed (from discord.js errors) when Discord did not answer and trying again may help
 */
export const moveIntoThread = async (
  client: Client,
  deck: Deck,
  store: Store,
  stored: StoredDebate,
  home: SendableChannels,
): Promise<string | undefined> => {
  const { state, meta } = stored;
  const startMessage = meta.lobbyMessageId;
  if (!startMessage || state.practice) return undefined;
  if (home.type !== ChannelType.GuildText && home.type !== ChannelType.GuildAnnouncement) return undefined;
  if (!(await store.guilds.config(state.guildId)).threads) return undefined;
  const permissions = client.user ? home.permissionsFor(client.user) : null;
  if (permissions && !permissions.has(THREAD_PERMISSIONS)) return undefined;
  let threadId: string;
  try {
    const thread = await home.threads.create({
      startMessage,
      name: TEXT.threadName(deck.motion(state.motionId)?.text ?? state.motionId),
      // The longest Discord allows: a correspondence debate may be quiet for a day between speeches.
      autoArchiveDuration: ThreadAutoArchiveDuration.OneWeek,
    });
    threadId = thread.id;
  } catch (error) {
    if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.ThreadAlreadyCreatedForMessage)
      threadId = startMessage;
    // Refused for good (no permission after all, the card is gone): the debate runs in its channel.
    else if (asPostFailed(error).permanent) return undefined;
    else throw error;
  }
  await addPeople(client, threadId, [...state.debaters.map((d) => d.userId), ...state.judges]);
  return threadId;
};

/** Debaters and judges join the thread at once, so it is in their list and they hear of every turn. */
const addPeople = async (client: Client, threadId: string, userIds: readonly string[]) => {
  const thread = await client.channels.fetch(threadId);
  if (!thread?.isThread()) return;
  for (const userId of new Set(userIds)) {
    if (isPartner(userId)) continue;
    try {
      await thread.members.add(userId);
    } catch (error) {
      // A member who has left the server is not worth a retry; anything else is.
      if (!asPostFailed(error).permanent) throw error;
    }
  }
};
