/**
 * A debate is plain, serialisable data. Every change is a pure transition
 * (state, event, now) -> { state, effects } | refusal, in engine.ts.
 * Times are epoch milliseconds, always passed in, never read from a clock here.
 */
import type { Size, SpeechKind } from '../content/schemas.js';
import type { Refusal } from './refusals.js';

export type Mode = 'text' | 'live';
export type SideChoice = string | 'auto';
export type Phase = 'lobby' | 'prep' | 'speaking' | 'judging' | 'done' | 'cancelled';
export const FINISHED_PHASES: readonly Phase[] = ['done', 'cancelled'];
export const MAX_SPEECH_CHARS = 4000;

export interface Debater {
  readonly userId: string;
  readonly side: string;
}

/** One speech of the format, resolved to the debater who gives it. */
export interface Slot {
  readonly side: string;
  readonly userId: string;
  readonly kind: SpeechKind;
  readonly seconds: number;
  readonly bells: readonly number[];
  readonly words: { readonly min: number; readonly max: number };
}

/** What happened in one turn. `delivered`: a written speech, or a live speech that ran its course. */
export interface TurnRecord {
  readonly turn: number;
  readonly userId: string;
  readonly side: string;
  readonly startedAt: number;
  readonly endedAt: number;
  readonly outcome: 'delivered' | 'ended-early' | 'passed' | 'missed';
  readonly text?: string;
  /** Card ids cited that were in the speaker's hand when they spoke. */
  readonly cited: readonly string[];
  /** Card ids of the other side that the speech named: answering their evidence. */
  readonly answered: readonly string[];
}

/** The one pending timer of a debate. Its key names exactly what it ends, so a stale one is recognised. */
export interface Timer {
  readonly key: string;
  readonly at: number;
}

export interface Ballot {
  readonly judgeId: string;
  /** userId -> criterionId -> 1..5, for every debater and every criterion judges score. */
  readonly scores: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** A side id, or 'draw'. */
  readonly winner: string;
  readonly submittedAt: number;
}

export interface CriterionScore {
  readonly criterionId: string;
  readonly score: number;
  readonly reason: string;
  /** Who set this score: the judges' mean, or the automatic rubric. */
  readonly by: 'judges' | 'automatic';
}

export interface DebaterScore {
  readonly userId: string;
  readonly side: string;
  readonly criteria: readonly CriterionScore[];
  /** Weighted sum scaled to 0–100. */
  readonly total: number;
  /** With judges: the automatic scores, kept as coaching notes. */
  readonly coaching: readonly CriterionScore[];
}

export interface Result {
  /** A side id, or 'draw'. Undefined when nothing decided it (a live debate with no ballot). */
  readonly winner: string | 'draw' | undefined;
  readonly decidedBy: 'judges' | 'automatic' | 'forfeit' | 'none' | 'community';
  readonly rated: boolean;
  readonly scores: readonly DebaterScore[];
  readonly sideTotals: Readonly<Record<string, number>>;
  /** Per judge, for the card: who they gave it to. */
  readonly votes: Readonly<Record<string, string>>;
  readonly crowd: Readonly<Record<string, number>>;
  readonly forfeitedBy?: string;
  readonly finishedAt: number;
}

export interface Debate {
  readonly id: string;
  readonly guildId: string;
  readonly channelId: string;
  readonly hostId: string;
  readonly motionId: string;
  readonly formatId: string;
  readonly mode: Mode;
  readonly size: Size;
  readonly createdAt: number;
  readonly phase: Phase;
  /** State of the seeded generator: every coin flip and deal draws from it, so a replay is exact. */
  readonly rng: number;
  readonly debaters: readonly Debater[];
  readonly judges: readonly string[];
  /** Debaters who pressed Done during prep: when all have, the first speech starts early. */
  readonly ready: readonly string[];
  readonly slots: readonly Slot[];
  readonly hands: Readonly<Record<string, readonly string[]>>;
  readonly draws: Readonly<Record<string, number>>;
  /** Undealt cards of each side, in dealing order. */
  readonly piles: Readonly<Record<string, readonly string[]>>;
  /** Index into slots of the current turn; -1 before the first. */
  readonly turn: number;
  readonly turnStartedAt: number | undefined;
  readonly turnEndsAt: number | undefined;
  readonly turns: readonly TurnRecord[];
  readonly timer: Timer | undefined;
  readonly ballots: Readonly<Record<string, Ballot>>;
  readonly crowd: Readonly<Record<string, string>>;
  readonly result: Result | undefined;
  readonly cancelReason?: 'host' | 'expired' | 'moderator';
  /** `community`: after the last speech, members who are not debaters vote (judging:community). */
  readonly judging?: 'community';
  /** Community votes by voter: one each, replaced by a new one until the window closes. */
  readonly votes?: Readonly<Record<string, CommunityVote>>;
}

/** A member's community vote: a side or a draw, with their reason for decision. */
export interface CommunityVote {
  readonly userId: string;
  /** A side id, or 'draw'. */
  readonly side: string;
  readonly reason: string;
  readonly at: number;
}

/** Facts about the person acting, supplied by the bot layer. */
export interface Actor {
  readonly userId: string;
  /** Holds Manage Server: may begin, swap and cancel any debate. */
  readonly manager?: boolean;
}

export type DebateEvent =
  | {
      readonly type: 'open';
      readonly id: string;
      readonly guildId: string;
      readonly channelId: string;
      readonly hostId: string;
      readonly motionId: string;
      readonly formatId: string;
      readonly mode: Mode;
      readonly size: Size;
      readonly seed: number;
      readonly lobbySeconds: number;
      readonly judging?: 'community';
    }
  | {
      readonly type: 'join';
      readonly actor: Actor;
      readonly side: SideChoice;
      /** Debates this player has argued on each side in this server, for `auto`. */
      readonly history?: Readonly<Record<string, number>>;
    }
  | { readonly type: 'leave'; readonly actor: Actor }
  | { readonly type: 'judge'; readonly actor: Actor }
  | { readonly type: 'swap'; readonly actor: Actor }
  | { readonly type: 'begin'; readonly actor: Actor }
  /**
   * `turn` (optional) is the turn the speaker saw when they acted: a speech or Done that arrives after
   * that turn ended (a race with the deadline) is refused instead of landing on the next turn.
   * For Done, -1 means "ready, during prep".
   */
  | { readonly type: 'speak'; readonly actor: Actor; readonly text: string; readonly turn?: number }
  | { readonly type: 'done'; readonly actor: Actor; readonly turn?: number }
  | { readonly type: 'draw'; readonly actor: Actor }
  | { readonly type: 'forfeit'; readonly actor: Actor }
  | { readonly type: 'cancel'; readonly actor: Actor }
  | {
      readonly type: 'ballot';
      readonly actor: Actor;
      readonly scores: Ballot['scores'];
      readonly winner: string;
    }
  | { readonly type: 'crowd'; readonly actor: Actor; readonly side: string }
  | { readonly type: 'timer'; readonly key: string }
  | { readonly type: 'vote'; readonly actor: Actor; readonly side: string; readonly reason: string };

export type EventType = DebateEvent['type'];

/** What the bot layer announces in the channel. It renders each from the new state. */
export type Announcement =
  | { readonly kind: 'lobby-opened' }
  | { readonly kind: 'lobby-changed' }
  | { readonly kind: 'begun'; readonly prepEndsAt: number }
  | { readonly kind: 'turn-started'; readonly turn: number }
  | { readonly kind: 'bell'; readonly turn: number; readonly secondsLeft: number }
  | { readonly kind: 'turn-ended'; readonly turn: number }
  | { readonly kind: 'judging-opened'; readonly endsAt: number }
  | { readonly kind: 'finished' }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'voting-opened'; readonly endsAt: number };

export type Effect =
  | { readonly type: 'announce'; readonly announcement: Announcement }
  /** Replace the debate's pending timer (undefined clears it). */
  | { readonly type: 'timer'; readonly timer: Timer | undefined }
  /** Tell one person something privately (a speech's unknown citations, a drawn card). */
  | { readonly type: 'notify'; readonly userId: string; readonly note: PrivateNote }
  /** The debate has a result: rate it and record it. */
  | { readonly type: 'result'; readonly result: Result };

export type PrivateNote =
  | { readonly kind: 'citations'; readonly notInHand: readonly string[]; readonly unknown: readonly string[] }
  | { readonly kind: 'drawn'; readonly cardId: string };

export type Transition =
  | { readonly ok: true; readonly state: Debate; readonly effects: readonly Effect[] }
  | { readonly ok: false; readonly refusal: Refusal };
