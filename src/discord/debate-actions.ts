import { createHash } from 'node:crypto';
import { type Client, type Interaction, MessageFlags, type RepliableInteraction } from 'discord.js';
import type { AppContext } from '../context.js';
import type { RatedChange } from '../debate/player-record.js';
import type { DebateEvent, Effect } from '../debate/types.js';
import { applyDebateEvent } from '../store/apply-event.js';
import type { StoredDebate } from '../store/types.js';
import { TEXT } from './text.js';
import { UserError } from './user-error.js';
import { lobbyView } from './views/lobby.js';
import { resultView } from './views/result.js';
import { begunView, bellView, judgingView, turnEndedView, turnView } from './views/turns.js';
import type { View } from './views/view.js';

export interface Applied {
  readonly stored: StoredDebate;
  readonly effects: readonly Effect[];
  readonly changes: readonly RatedChange[];
}

/**
 * Applies one event to a debate through the guild's write queue. A refusal becomes a UserError,
 * which the error boundary shows privately; nothing was written.
 */
export const act = async (
  ctx: AppContext,
  guildId: string,
  debateId: string,
  event: DebateEvent,
): Promise<Applied> => {
  const outcome = await applyDebateEvent(ctx.store, ctx.deck, guildId, debateId, event, ctx.clock.now());
  // No such debate in this server: a forged button (or another server's) reads as expired.
  if (!outcome.ok && outcome.refusal.code === 'unknownDebate') throw new UserError(TEXT.expired);
  if (!outcome.ok) throw new UserError(outcome.refusal.message);
  return { stored: outcome.stored, effects: outcome.transition.effects, changes: outcome.changes };
};

/** The debate open in the interaction's channel, or a private "no debate here". */
export const debateInChannel = async (ctx: AppContext, interaction: Interaction): Promise<StoredDebate> => {
  const stored = interaction.channelId
    ? await ctx.store.debates.activeDebateInChannel(interaction.channelId)
    : undefined;
  if (!stored) throw new UserError(TEXT.noDebateHere);
  return stored;
};

export interface CarryOutOptions {
  /** The interaction that caused the effects: private notes for its user go to it as follow-ups. */
  readonly interaction?: RepliableInteraction;
  /** The interaction already updated the lobby card itself. */
  readonly lobbyUpdated?: boolean;
  /** For each announcement, in order, the outbox entry (its move's seq) it delivers; default: the latest move. */
  readonly seqs?: readonly number[];
}

/** After a restart: posts the announcements a crash left unposted, with the debate as it stands now. */
export const deliverOutbox = (ctx: AppContext, client: Client, stored: StoredDebate) => {
  const outbox = stored.meta.outbox ?? [];
  const effects: Effect[] = outbox.map((entry) => ({ type: 'announce', announcement: entry.announcement }));
  return carryOut(ctx, client, { stored, effects, changes: [] }, { seqs: outbox.map((entry) => entry.seq) });
};

/**
 * Carries out a transition's effects after the state is safely stored: channel announcements,
 * the lobby card, timers and private notes. A failure to post is logged, never undoes the move.
 */
export const carryOut = async (
  ctx: AppContext,
  client: Client,
  applied: Applied,
  options: CarryOutOptions = {},
) => {
  const { state, meta } = applied.stored;
  const log = ctx.logger.child({ guildId: state.guildId, debateId: state.id });
  // Each post gets a nonce from (debate, move, announcement, post): a repeat after a crash between
  // posting and clearing the outbox is dropped by Discord (enforce_nonce) instead of shown twice.
  const latest = applied.stored.log.length - 1;
  let nonceKey = '';
  let posts = 0;
  const send = async (view: View) => {
    const channel = await client.channels.fetch(state.channelId).catch(() => null);
    if (!channel?.isSendable()) throw new Error('debate channel is not sendable');
    const nonce = createHash('sha256')
      .update(`${state.id}:${nonceKey}:${posts++}`)
      .digest('base64url')
      .slice(0, 24);
    return channel.send({ ...view, nonce, enforceNonce: true });
  };
  const editLobby = async () => {
    if (options.lobbyUpdated || !meta.lobbyMessageId) return;
    const channel = await client.channels.fetch(state.channelId).catch(() => null);
    // Two moves a moment apart can finish in either order: paint the newest seats, not this move's.
    const latest = (await ctx.store.debates.get(state.id))?.state ?? state;
    if (channel?.isTextBased()) await channel.messages.edit(meta.lobbyMessageId, lobbyView(ctx.deck, latest));
  };

  const announced = new Map<number, number>();
  let announceIndex = 0;
  for (const effect of applied.effects) {
    try {
      switch (effect.type) {
        case 'timer':
          if (effect.timer)
            ctx.scheduler.arm({ debateId: state.id, guildId: state.guildId, timer: effect.timer });
          else ctx.scheduler.disarm(state.id);
          break;
        case 'notify': {
          const target = options.interaction;
          if (!target || target.user.id !== effect.userId) break;
          const note = effect.note;
          const content =
            note.kind === 'drawn'
              ? TEXT.drawn(`[${note.cardId}] ${ctx.deck.card(note.cardId)?.title ?? ''}`)
              : TEXT.citationsNote(note.notInHand, note.unknown);
          await target.followUp({ content, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
          break;
        }
        case 'result':
          break;
        case 'announce': {
          const seq = options.seqs?.[announceIndex] ?? latest;
          announceIndex++;
          const n = announced.get(seq) ?? 0;
          announced.set(seq, n + 1);
          nonceKey = `${seq}:${n}`;
          posts = 0;
          await announce(effect.announcement);
          break;
        }
      }
    } catch (error) {
      log.warn({ err: error, effect: effect.type }, 'could not carry out an effect');
    }
  }

  // Posted (or given up on): the saved announcements of this move leave the outbox.
  const seqs = [...announced.keys()];
  if (seqs.length > 0)
    await ctx.store.debates
      .ackOutbox(state.id, seqs)
      .catch((err: unknown) => log.warn({ err }, 'could not clear the outbox'));

  async function announce(announcement: Extract<Effect, { type: 'announce' }>['announcement']) {
    switch (announcement.kind) {
      case 'lobby-opened': {
        // Normally the lobby card is the reply to /debate start; after a crash before that reply, post it now.
        if (options.lobbyUpdated || meta.lobbyMessageId) return;
        const posted = await send(lobbyView(ctx.deck, state));
        await ctx.store.debates.saveMeta(state.id, { lobbyMessageId: posted.id });
        return;
      }
      case 'lobby-changed':
        return editLobby();
      case 'cancelled':
        await editLobby();
        if (state.slots.length > 0)
          await send({ content: `🛑 ${TEXT.cancelled}`, allowedMentions: { parse: [] } });
        return;
      case 'begun':
        await editLobby();
        await send(begunView(ctx.deck, state, announcement.prepEndsAt));
        return;
      case 'turn-started':
      case 'bell':
        // Views read the debate as it is now: an unposted turn or bell left over from before a
        // restart is only worth posting for the turn still under way (its deadline is the one shown).
        if (announcement.turn !== state.turn || state.phase !== 'speaking') return;
        await send(
          announcement.kind === 'bell'
            ? bellView(state, announcement.turn, announcement.secondsLeft)
            : turnView(ctx.deck, state, announcement.turn),
        );
        return;
      case 'turn-ended': {
        const record = state.turns.find((t) => t.turn === announcement.turn);
        if (record) await send(turnEndedView(ctx.deck, state, record));
        return;
      }
      case 'judging-opened':
        await send(judgingView(ctx.deck, state, announcement.endsAt));
        return;
      case 'finished':
        if (state.result) await send(resultView(ctx.deck, state, state.result, applied.changes));
        return;
    }
  }
};
