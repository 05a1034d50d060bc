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
  /** Live mode: the first and last seconds of the speech in which no point of information may be offered. */
  readonly protectedSeconds?: number;
  /** Text mode: seconds after the deadline that a speech form opened in time still counts (grace.ts). */
  readonly graceSeconds?: number;
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
  /** The judge's reason for decision, if they wrote one (absent in ballots stored before it existed). */
  readonly reason?: string;
  /** userId -> the judge's note to that debater, for the debaters they wrote one for. */
  readonly notes?: Readonly<Record<string, string>>;
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
  /** Coaching on each of the debater's written speeches (absent in debates stored before it existed). */
  readonly speeches?: readonly SpeechCoaching[];
}

/** What one speech did best and worst, the other side's point it left unanswered, and the card that answers it. */
export interface SpeechCoaching {
  readonly turn: number;
  readonly strongest?: string;
  readonly weakest?: string;
  readonly unanswered?: string;
  /** A card of the debater's hand that answers the unanswered point. */
  readonly counterCardId?: string;
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
  /** Host controls (host-controls.ts): set while the clock is stopped, holding the stopped timer. */
  readonly paused?: Paused;
  /** Every host control and prep draw, in order: shown by status and written to the transcript. */
  readonly controls?: readonly ControlRecord[];
  /** Seats opened by /debate replace, waiting for someone to take them. */
  readonly openSeats?: readonly OpenSeat[];
  /** Milliseconds of prep pool each side has left (formats with `prepPool`); absent: the full pool. */
  readonly prepLeft?: Readonly<Record<string, number>>;
  /** Live mode: the voice channel named on /debate start. */
  readonly voiceChannelId?: string;
  /** Points of information offered, in order (points.ts). */
  readonly pois?: readonly PointOfInformation[];
  /** A practice debate against Steelman (the sparring partner): its level. Never rated. */
  readonly practice?: Practice;
  /** `community`: after the last speech, members who are not debaters vote (judging:community). */
  readonly judging?: 'community';
  /** Community votes by voter: one each, replaced by a new one until the window closes. */
  readonly votes?: Readonly<Record<string, CommunityVote>>;
  /** The speaker opened the speech form of `turn` at `openedAt` (the first time, if before the deadline). */
  readonly speechForm?: SpeechForm;
}

/** When the current speaker first opened their speech form: what earns the grace of grace.ts. */
export interface SpeechForm {
  readonly turn: number;
  readonly openedAt: number;
}

export interface PointOfInformation {
  readonly turn: number;
  readonly by: string;
  readonly at: number;
  readonly answer?: 'accepted' | 'declined';
}

/**
 * The clock is stopped: by the host (`host`, no timer armed at all), or while a side takes prep
 * from its pool (`prep`, the pool's end is the armed timer). `timer` is the stopped timer, as it
 * stood at `at`; resuming moves it (and the turn's deadline) by the time spent stopped.
 */
export interface Paused {
  readonly at: number;
  readonly by: 'host' | 'prep';
  readonly side?: string;
  readonly timer: Timer | undefined;
}

export interface OpenSeat {
  /** The debater who left: their turns so far stay theirs. */
  readonly userId: string;
  readonly side: string;
  readonly openedAt: number;
}

export interface ControlRecord {
  readonly kind: 'pause' | 'resume' | 'extend' | 'replace' | 'seat-taken' | 'prep-taken' | 'prep-ended';
  readonly at: number;
  /** Who acted (the host, the debater taking prep); absent for a pool that ran out. */
  readonly by?: string;
  /** The turn under way (-1 during prep). */
  readonly turn: number;
  /** Seconds: added by extend, paused for by resume, drawn from the pool by prep-ended. */
  readonly seconds?: number;
  /** replace: the debater who left; seat-taken: the one who took their seat. */
  readonly userId?: string;
  readonly side?: string;
}

export const PRACTICE_LEVELS = ['novice', 'club', 'champion'] as const;
export type PracticeLevel = (typeof PRACTICE_LEVELS)[number];

export interface Practice {
  readonly level: PracticeLevel;
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
      /** Live mode: the voice channel the debaters meet in. */
      readonly voiceChannelId?: string;
      /**
       * A practice debate: the host is seated on `side` (auto: the side they argued less, from
       * `history`), Steelman on the other, and it begins at once.
       */
      readonly practice?: {
        readonly level: PracticeLevel;
        readonly side: SideChoice;
        readonly history?: Readonly<Record<string, number>>;
      };
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
  /**
   * The speaker was shown the speech form of `turn` at `openedAt` (recorded just after it was shown):
   * a form opened before the deadline is accepted for the format's grace after it (grace.ts).
   */
  | { readonly type: 'speech-form'; readonly actor: Actor; readonly turn: number; readonly openedAt: number }
  | { readonly type: 'done'; readonly actor: Actor; readonly turn?: number }
  | { readonly type: 'draw'; readonly actor: Actor }
  | { readonly type: 'forfeit'; readonly actor: Actor }
  | { readonly type: 'cancel'; readonly actor: Actor }
  | {
      readonly type: 'ballot';
      readonly actor: Actor;
      readonly scores: Ballot['scores'];
      readonly winner: string;
      /** Optional written feedback: empty or absent means none. */
      readonly reason?: string;
      readonly notes?: Readonly<Record<string, string>>;
    }
  | { readonly type: 'crowd'; readonly actor: Actor; readonly side: string }
  | { readonly type: 'timer'; readonly key: string }
  | { readonly type: 'pause'; readonly actor: Actor }
  | { readonly type: 'resume'; readonly actor: Actor }
  | { readonly type: 'extend'; readonly actor: Actor; readonly seconds: number }
  /** The host opens `userId`'s seat (they left the server, their connection dropped) for someone else. */
  | { readonly type: 'replace'; readonly actor: Actor; readonly userId: string }
  /** A side stops its speech clock and draws on its prep pool (`turn`: the turn the button was on). */
  | { readonly type: 'take-prep'; readonly actor: Actor; readonly turn?: number }
  | { readonly type: 'end-prep'; readonly actor: Actor; readonly turn?: number }
  /** A debater of the other side offers a point of information to the speaker. */
  | { readonly type: 'poi'; readonly actor: Actor; readonly turn?: number }
  /** The speaker accepts or declines the point offered. */
  | { readonly type: 'poi-answer'; readonly actor: Actor; readonly accept: boolean; readonly turn?: number }
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
  /** The deadline passed while the speaker's form, opened in time, is still out: their speech counts until `until`. */
  | { readonly kind: 'grace'; readonly turn: number; readonly until: number }
  | { readonly kind: 'judging-opened'; readonly endsAt: number }
  | { readonly kind: 'finished' }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'paused' }
  | { readonly kind: 'resumed'; readonly seconds: number }
  | { readonly kind: 'extended'; readonly turn: number; readonly seconds: number }
  | { readonly kind: 'seat-opened'; readonly userId: string; readonly side: string }
  | { readonly kind: 'seat-taken'; readonly userId: string; readonly replaced: string }
  | { readonly kind: 'prep-taken'; readonly side: string; readonly until: number }
  | { readonly kind: 'prep-ended'; readonly side: string; readonly seconds: number }
  /** Protected time ended (`open`: points of information may be offered) or started again. */
  | { readonly kind: 'poi-window'; readonly turn: number; readonly open: boolean }
  | { readonly kind: 'poi-offered'; readonly turn: number; readonly by: string }
  | { readonly kind: 'poi-answered'; readonly turn: number; readonly by: string; readonly accepted: boolean }
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
