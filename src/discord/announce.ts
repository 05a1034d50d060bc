import {
  type Client,
  DiscordAPIError,
  HTTPError,
  RateLimitError,
  RESTJSONErrorCodes,
  type SendableChannels,
} from 'discord.js';
import type { Deck } from '../content/deck.js';
import type { Announcement } from '../debate/types.js';
import { type Announcing, type Delivered, PostFailed } from '../play/ports.js';
import type { OutboxEntry, Store, StoredDebate } from '../store/types.js';
import { moveIntoThread } from './debate-thread.js';
import { type RoleChanges, retireRoles, rolesEndedBy, rolesPostedBy } from './live-buttons.js';
import { displayNames } from './member-name.js';
import { deliverReminder, remindsAtBells } from './reminders.js';
import { TEXT } from './text.js';
import { votingView } from './views/community.js';
import { controlView } from './views/controls.js';
import { lobbyView } from './views/lobby.js';
import { speechPosts } from './views/long-speech.js';
import { pointView } from './views/points.js';
import { resultSummaryView, resultView } from './views/result.js';
import { begunView, bellView, graceView, judgingView, turnView } from './views/turns.js';
import type { View } from './views/view.js';

/** Errors after which trying again cannot help: the channel or message is gone, or the bot may not post. */
const PERMANENT_CODES: ReadonlySet<number> = new Set([
  RESTJSONErrorCodes.UnknownChannel,
  RESTJSONErrorCodes.UnknownMessage,
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
  RESTJSONErrorCodes.CannotSendMessagesInNonTextChannel,
]);

/** Maps what discord.js throws to a PostFailed the outbox can act on. */
export const asPostFailed = (error: unknown): PostFailed => {
  if (error instanceof PostFailed) return error;
  if (error instanceof RateLimitError)
    return new PostFailed('rate limited', false, error.retryAfter, { cause: error });
  if (error instanceof DiscordAPIError) {
    const permanent =
      PERMANENT_CODES.has(Number(error.code)) ||
      (error.status >= 400 && error.status < 500 && error.status !== 429);
    return new PostFailed(`Discord answered ${error.status} (${error.code})`, permanent, undefined, {
      cause: error,
    });
  }
  if (error instanceof HTTPError)
    return new PostFailed(`Discord answered ${error.status}`, false, undefined, { cause: error });
  // A network failure or a timeout: worth another try.
  return new PostFailed('Discord could not be reached', false, undefined, { cause: error });
};

/**
 * The announcement port on a discord.js client: renders an outbox entry from the debate as it
 * stands and posts it where the debate is held (its thread once Begin moved it into one, else its
 * channel), or edits the lobby card (which stays in the channel).
 */
export const discordAnnouncer = (client: Client, deck: Deck, store: Store): Announcing => ({
  async deliver(stored, entry, nonce) {
    try {
      return await deliver(client, deck, store, stored, entry, nonce);
    } catch (error) {
      throw asPostFailed(error);
    }
  },
});

const deliver = async (
  client: Client,
  deck: Deck,
  store: Store,
  stored: StoredDebate,
  entry: OutboxEntry,
  nonce: (k: number) => string,
): Promise<Delivered | undefined> => {
  const { state, meta } = stored;
  const home = await client.channels.fetch(state.channelId);
  if (!home?.isSendable()) throw new PostFailed('the debate channel is not one the bot can post in', true);
  // Begin moves the debate into its thread (src/discord/debate-thread.ts); later entries read it from the meta.
  const moved =
    entry.announcement.kind === 'begun' && !meta.threadId
      ? await moveIntoThread(client, deck, store, stored, home)
      : undefined;
  const threadId = meta.threadId ?? moved;
  const channel = threadId ? await client.channels.fetch(threadId) : home;
  if (!channel?.isSendable()) throw new PostFailed('the debate thread is not one the bot can post in', true);
  const place = { home, channel, threadId };
  // Buttons this announcement makes stale go first (src/discord/live-buttons.ts); an edit is safe to repeat.
  const liveMessages: RoleChanges = await retireRoles(
    deck,
    stored,
    rolesEndedBy(entry.announcement, meta.liveMessages ?? {}),
    async (messageId, components, mentioned) => {
      try {
        await channel.messages.edit(messageId, {
          components,
          allowedMentions: { parse: [], users: [...mentioned] },
        });
      } catch (error) {
        if (!asPostFailed(error).permanent) throw error;
      }
    },
  );
  const posted = await deliverPosts(client, deck, store, stored, entry, nonce, place);
  if (posted?.messageId)
    for (const role of rolesPostedBy(entry.announcement)) liveMessages[role] = posted.messageId;
  return {
    ...(posted?.lobbyMessageId ? { lobbyMessageId: posted.lobbyMessageId } : {}),
    ...(moved ? { threadId: moved } : {}),
    ...(Object.keys(liveMessages).length > 0 ? { liveMessages } : {}),
  };
};

const deliverPosts = async (
  client: Client,
  deck: Deck,
  store: Store,
  stored: StoredDebate,
  entry: OutboxEntry,
  nonce: (k: number) => string,
  /** `home`: the channel the debate opened in (the lobby card's); `channel`: where it is held now. */
  {
    home,
    channel,
    threadId,
  }: { home: SendableChannels; channel: SendableChannels; threadId?: string | undefined },
): Promise<{ lobbyMessageId?: string; messageId?: string } | undefined> => {
  const { state, meta } = stored;
  let posts = 0;
  const sendIn = (to: SendableChannels, view: View) =>
    to.send({ ...view, nonce: nonce(posts++), enforceNonce: true });
  const send = (view: View) => sendIn(channel, view);
  const editLobby = async () => {
    if (meta.lobbyMessageId) await home.messages.edit(meta.lobbyMessageId, lobbyView(deck, state));
  };
  const announcement: Announcement = entry.announcement;
  switch (announcement.kind) {
    case 'lobby-opened': {
      if (meta.lobbyMessageId) return undefined;
      const posted = await send(lobbyView(deck, state));
      return { lobbyMessageId: posted.id };
    }
    case 'lobby-changed':
      await editLobby();
      return undefined;
    case 'cancelled':
      await editLobby();
      if (state.slots.length > 0)
        await send({ content: `🛑 ${TEXT.cancelled}`, allowedMentions: { parse: [] } });
      return undefined;
    case 'begun': {
      await editLobby();
      const posted = await send(begunView(deck, state, announcement.prepEndsAt));
      return { messageId: posted.id };
    }
    case 'turn-started':
    case 'bell':
      // Views read the debate as it is now: an unposted turn or bell left over from an earlier turn
      // (a restart, a long outage) is only worth posting for the turn still under way.
      if (announcement.turn !== state.turn || state.phase !== 'speaking') return undefined;
      if (announcement.kind === 'bell' && remindsAtBells(deck, state)) {
        const next = () => nonce(posts++);
        await deliverReminder(
          client,
          deck,
          store,
          state,
          announcement.turn,
          announcement.secondsLeft,
          send,
          next,
          channel.id,
        );
        return undefined;
      }
      return {
        messageId: (
          await send(
            announcement.kind === 'bell'
              ? bellView(state, announcement.turn, announcement.secondsLeft)
              : turnView(deck, state, announcement.turn),
          )
        ).id,
      };
    case 'grace':
      if (announcement.turn !== state.turn || state.phase !== 'speaking') return undefined;
      await send(graceView(state, announcement.turn, announcement.until));
      return undefined;
    case 'turn-ended': {
      const record = state.turns.find((t) => t.turn === announcement.turn);
      if (record) for (const view of speechPosts(deck, state, record)) await send(view);
      return undefined;
    }
    case 'voting-opened':
      await send(votingView(deck, state, announcement.endsAt));
      return undefined;
    case 'judging-opened':
      return { messageId: (await send(judgingView(deck, state, announcement.endsAt))).id };
    case 'finished': {
      if (!state.result) return undefined;
      // The picture is optional per server (/config set result-image on); the card reads the same without it.
      const image = (await store.guilds.config(state.guildId)).resultImage
        ? await (await import('../images/result-image.js')).drawResultImage(
            deck,
            state,
            state.result,
            await displayNames(
              client.guilds.cache.get(state.guildId) ?? null,
              state.debaters.map((d) => d.userId),
            ),
          )
        : undefined;
      const posted = await send(resultView(deck, state, state.result, meta.ratingChanges ?? [], image));
      // Held in a thread: the channel it came from hears the outcome in brief, with a link to the card.
      if (threadId)
        await sendIn(
          home,
          resultSummaryView(
            deck,
            state,
            state.result,
            `https://discord.com/channels/${state.guildId}/${threadId}/${posted.id}`,
          ),
        );
      return { messageId: posted.id };
    }
    case 'paused':
    case 'resumed':
    case 'extended':
    case 'seat-opened':
    case 'seat-taken':
    case 'prep-taken':
    case 'prep-ended':
      // A control left unposted from a debate that has since finished is not worth posting.
      if (state.phase !== 'prep' && state.phase !== 'speaking') return undefined;
      await send(controlView(deck, state, announcement));
      return undefined;
    case 'poi-window':
    case 'poi-offered':
    case 'poi-answered':
      // Only worth posting while its speech is still under way.
      if (announcement.turn !== state.turn || state.phase !== 'speaking') return undefined;
      await send(pointView(deck, state, announcement));
      return undefined;
  }
};
