import type { RepliableInteraction } from 'discord.js';
import type { AppContext } from '../context.js';
import type { Ballot, DebateEvent, Effect } from '../debate/types.js';
import type { Moved } from '../play/play.js';
import { answeredView } from './confirm.js';
import { parseCustomId } from './custom-id.js';
import { actorOf, guildIdOf, respondPrivately, updateClicked } from './respond.js';
import { TEXT } from './text.js';
import { cardView } from './views/cards.js';
import { lobbyView } from './views/lobby.js';
import type { View } from './views/view.js';

/** How long a move's answer waits for its announcements to appear before saying they are on their way. */
export const POST_WAIT_MS = 5000;

interface MoveInput {
  readonly ctx: AppContext;
  readonly interaction: RepliableInteraction;
  readonly extra: unknown;
}

interface MoveSpec {
  /** The engine event this move is, for the person acting. */
  readonly event: (input: MoveInput) => DebateEvent | Promise<DebateEvent>;
  /** What the person is told privately once the move is saved (`posted`: its announcements are up). */
  readonly answer: (moved: Moved, input: MoveInput & { readonly posted: boolean }) => string | View;
  /** Wait for the move's announcements before answering, so "posted" is true when it is said. */
  readonly waits?: boolean;
  /** Private notes of the engine that the answer already says. */
  readonly skipNotes?: boolean;
}

const sideName = (ctx: AppContext, side: string) => ctx.deck.side(side)?.name ?? side;
const arg = <T>(input: MoveInput) => input.extra as T;

/**
 * Every move a person makes, declared once: the same entry serves its button, its form and its
 * slash command. The engine is the one judge of whether it is allowed (its refusals are the words
 * people read); this table only says what event it is and what the person hears back.
 */
export const MOVES = {
  open: {
    event: (input) => arg<DebateEvent>(input),
    answer: (_moved, { posted }) => (posted ? TEXT.lobbyOpened : TEXT.lobbyOpening),
    waits: true,
  },
  join: {
    event: async ({ ctx, interaction, extra }) => ({
      type: 'join',
      actor: actorOf(interaction),
      side: (extra as { side: string }).side,
      history: await ctx.store.players.sideHistory(guildIdOf(interaction), interaction.user.id),
    }),
    answer: (moved, { ctx, interaction }) => {
      const me = moved.stored.state.debaters.find((d) => d.userId === interaction.user.id);
      return TEXT.joined(me ? sideName(ctx, me.side) : '?');
    },
  },
  judge: {
    event: ({ interaction }) => ({ type: 'judge', actor: actorOf(interaction) }),
    answer: () => TEXT.judging,
  },
  leave: {
    event: ({ interaction }) => ({ type: 'leave', actor: actorOf(interaction) }),
    answer: () => TEXT.left,
  },
  swap: {
    event: ({ interaction }) => ({ type: 'swap', actor: actorOf(interaction) }),
    answer: () => TEXT.swapped,
  },
  begin: {
    event: ({ interaction }) => ({ type: 'begin', actor: actorOf(interaction) }),
    answer: () => TEXT.begun,
    waits: true,
  },
  cancel: {
    event: ({ interaction }) => ({ type: 'cancel', actor: actorOf(interaction) }),
    answer: () => TEXT.cancelled,
  },
  ready: {
    event: ({ interaction }) => ({ type: 'done', actor: actorOf(interaction), turn: -1 }),
    answer: () => TEXT.ready,
  },
  done: {
    event: (input) => ({
      type: 'done',
      actor: actorOf(input.interaction),
      turn: arg<{ turn?: number }>(input).turn,
    }),
    answer: (moved) => (moved.stored.state.phase === 'prep' ? TEXT.ready : TEXT.turnDone),
    waits: true,
  },
  forfeit: {
    event: ({ interaction }) => ({ type: 'forfeit', actor: actorOf(interaction) }),
    answer: () => TEXT.forfeited,
  },
  speech: {
    event: (input) => {
      const { text, turn } = arg<{ text: string; turn: number }>(input);
      return { type: 'speak', actor: actorOf(input.interaction), text, turn };
    },
    answer: (_moved, { posted }) => (posted ? TEXT.speechPosted : TEXT.speechSaved),
    waits: true,
  },
  ballot: {
    event: (input) => {
      const { scores, winner, reason, notes } = arg<{
        scores: Ballot['scores'];
        winner: string;
        reason: string;
        notes: Record<string, string>;
      }>(input);
      return { type: 'ballot', actor: actorOf(input.interaction), scores, winner, reason, notes };
    },
    answer: () => TEXT.ballotRecorded,
  },
  crowd: {
    event: (input) => ({
      type: 'crowd',
      actor: actorOf(input.interaction),
      side: arg<{ side: string }>(input).side,
    }),
    answer: (_moved, { ctx, extra }) => TEXT.crowdRecorded(sideName(ctx, (extra as { side: string }).side)),
  },
  draw: {
    event: ({ interaction }) => ({ type: 'draw', actor: actorOf(interaction) }),
    answer: (moved, { ctx, interaction }) => {
      const drawn = moved.stored.state.hands[interaction.user.id]?.at(-1);
      const card = drawn ? ctx.deck.card(drawn) : undefined;
      return card ? cardView(ctx.deck, card) : TEXT.drawn(drawn ?? '?');
    },
    skipNotes: true,
  },
  pause: {
    event: ({ interaction }) => ({ type: 'pause', actor: actorOf(interaction) }),
    answer: () => TEXT.paused,
    waits: true,
  },
  resume: {
    event: ({ interaction }) => ({ type: 'resume', actor: actorOf(interaction) }),
    answer: () => TEXT.resumed,
    waits: true,
  },
  extend: {
    event: (input) => ({
      type: 'extend',
      actor: actorOf(input.interaction),
      seconds: arg<{ seconds: number }>(input).seconds,
    }),
    answer: (_moved, { extra }) => TEXT.extended((extra as { seconds: number }).seconds),
    waits: true,
  },
  replace: {
    event: (input) => ({
      type: 'replace',
      actor: actorOf(input.interaction),
      userId: arg<{ userId: string }>(input).userId,
    }),
    answer: () => TEXT.seatOpened,
    waits: true,
  },
  takePrep: {
    event: (input) => ({
      type: 'take-prep',
      actor: actorOf(input.interaction),
      turn: arg<{ turn?: number }>(input).turn,
    }),
    answer: () => TEXT.prepTaken,
    waits: true,
  },
  endPrep: {
    event: (input) => ({
      type: 'end-prep',
      actor: actorOf(input.interaction),
      turn: arg<{ turn?: number }>(input).turn,
    }),
    answer: () => TEXT.prepEnded,
    waits: true,
  },
  poi: {
    event: (input) => ({
      type: 'poi',
      actor: actorOf(input.interaction),
      turn: arg<{ turn?: number }>(input).turn,
    }),
    answer: () => TEXT.poiOffered,
  },
  poiAnswer: {
    event: (input) => {
      const { turn, accept } = arg<{ turn?: number; accept: boolean }>(input);
      return { type: 'poi-answer', actor: actorOf(input.interaction), accept, turn };
    },
    answer: (_moved, { extra }) => TEXT.poiAnswered((extra as { accept: boolean }).accept),
  },
  practice: {
    event: (input) => arg<DebateEvent>(input),
    answer: (moved, { ctx, interaction, posted }) => {
      const { state } = moved.stored;
      const me = state.debaters.find((d) => d.userId === interaction.user.id);
      return TEXT.practiceStarted(me ? sideName(ctx, me.side) : '?', state.practice?.level ?? 'club', posted);
    },
    waits: true,
  },
  practiceStop: {
    event: ({ interaction }) => ({ type: 'cancel', actor: actorOf(interaction) }),
    answer: () => TEXT.practiceStopped,
  },
  vote: {
    event: (input) => {
      const { side, reason } = arg<{ side: string; reason: string }>(input);
      return { type: 'vote', actor: actorOf(input.interaction), side, reason };
    },
    answer: (_moved, { ctx, extra }) => {
      const { side } = extra as { side: string };
      return TEXT.voteRecorded(side === 'draw' ? 'a draw' : sideName(ctx, side));
    },
  },
} satisfies Record<string, MoveSpec>;

export type MoveKind = keyof typeof MOVES;

/** The engine's private notes for the person acting (unknown citations, a drawn card), as text. */
const noteText = (ctx: AppContext, effect: Extract<Effect, { type: 'notify' }>) =>
  effect.note.kind === 'drawn'
    ? TEXT.drawn(`[${effect.note.cardId}] ${ctx.deck.card(effect.note.cardId)?.title ?? ''}`)
    : TEXT.citationsNote(effect.note.notInHand, effect.note.unknown);

/**
 * One move from an interaction: build its event, apply it through the application layer, then
 * answer the person privately (the answer clock of answer.ts defers it when this takes long).
 * @throws MoveRefused, UserError or StoreUnavailableError, for the error boundary to answer
 */
export const runMove = async (
  ctx: AppContext,
  interaction: RepliableInteraction,
  debateId: string,
  kind: MoveKind,
  extra?: unknown,
) => {
  const spec: MoveSpec = MOVES[kind];
  const input = { ctx, interaction, extra };
  const event = await spec.event(input);
  const moved = await ctx.play.move(guildIdOf(interaction), debateId, event);
  const posted =
    spec.waits && moved.seq !== undefined
      ? await ctx.play.whenPosted(moved.stored.state.id, moved.seq, POST_WAIT_MS)
      : true;
  const clicked = interaction.isButton() ? interaction : undefined;
  if (clicked && clicked.message.id === moved.stored.meta.lobbyMessageId) {
    // A click on the lobby card repaints it in place, with the newest seats (the outbox repaints it
    // too, after every change, so the card ends right whatever order the answers land in).
    const latest = (await ctx.play.debate(moved.stored.state.guildId, moved.stored.state.id)) ?? moved.stored;
    await updateClicked(clicked, lobbyView(ctx.deck, latest.state));
  } else if (clicked && parseCustomId(clicked.customId)?.kind === 'confirm')
    // A confirmed move: its answer replaces the private question (src/discord/confirm.ts).
    await updateClicked(clicked, answeredView(spec.answer(moved, { ...input, posted })));
  else await respondPrivately(interaction, spec.answer(moved, { ...input, posted }));
  if (spec.skipNotes) return;
  for (const effect of moved.effects)
    if (effect.type === 'notify' && effect.userId === interaction.user.id)
      await respondPrivately(interaction, noteText(ctx, effect)).catch((err: unknown) =>
        ctx.logger.warn({ err, debateId }, 'could not send a private note'),
      );
};
