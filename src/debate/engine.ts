import type { Deck } from '../content/deck.js';
import { closeVoting, communityVote, VOTING_TIMER } from './community.js';
import {
  endPrep,
  extend,
  joinsOpenSeat,
  PREP_POOL_KEY,
  pause,
  pausedRefusal,
  prepPoolTimer,
  replace,
  resume,
  takePrep,
  takeSeat,
} from './host-controls.js';
import { ballot, crowdVote, finish } from './judging.js';
import { begin, cancel, expire, join, judge, leave, open, swap } from './lobby.js';
import { refused, unchanged } from './outcome.js';
import { openPractice, partnerPlays } from './partner/practice.js';
import { answerPoint, offerPoint } from './points.js';
import { refusal } from './refusals.js';
import { done, draw, forfeit, prepTimer, speak, speechForm, turnTimer } from './turns.js';
import { type Debate, type DebateEvent, FINISHED_PHASES, type Transition } from './types.js';

/**
 * The one entry point of the domain: a pure transition from (state, event, now) to the next
 * state and the effects to carry out, or a refusal that changes nothing.
 * `state` is undefined only for `open`.
 */
export const apply = (deck: Deck, state: Debate | undefined, event: DebateEvent, now: number): Transition =>
  partnerPlays(deck, applyEvent(deck, state, event, now), now);

const applyEvent = (deck: Deck, state: Debate | undefined, event: DebateEvent, now: number): Transition => {
  if (event.type === 'open') return event.practice ? openPractice(deck, event, now) : open(deck, event, now);
  if (!state) throw new Error(`a debate must be opened before "${event.type}"`);
  if (event.type === 'timer') return applyTimer(deck, state, event.key, now);
  if (FINISHED_PHASES.includes(state.phase)) return refused(refusal('finished'));
  const held = pausedRefusal(state, event);
  if (held) return refused(held);
  switch (event.type) {
    case 'join':
      return joinsOpenSeat(state) ? takeSeat(deck, state, event, now) : join(deck, state, event);
    case 'leave':
      return leave(state, event);
    case 'judge':
      return judge(state, event);
    case 'swap':
      return swap(deck, state, event);
    case 'begin':
      return begin(deck, state, event, now);
    case 'speak':
      return speak(deck, state, event, now);
    case 'speech-form':
      return speechForm(state, event, now);
    case 'done':
      return done(deck, state, event, now);
    case 'draw':
      return draw(deck, state, event);
    case 'forfeit':
      return forfeit(deck, state, event, now);
    case 'cancel':
      return cancel(state, event);
    case 'ballot':
      return ballot(deck, state, event, now);
    case 'crowd':
      return crowdVote(deck, state, event);
    case 'pause':
      return pause(state, event, now);
    case 'resume':
      return resume(deck, state, event, now);
    case 'extend':
      return extend(state, event, now);
    case 'replace':
      return replace(state, event, now);
    case 'take-prep':
      return takePrep(deck, state, event, now);
    case 'end-prep':
      return endPrep(deck, state, event, now);
    case 'poi':
      return offerPoint(state, event, now);
    case 'poi-answer':
      return answerPoint(state, event);
    case 'vote':
      return communityVote(deck, state, event, now);
  }
};

/**
 * A timer fires once: only the debate's pending timer, named by its key, does anything.
 * A repeated or stale one (its turn already over) changes nothing.
 */
const applyTimer = (deck: Deck, state: Debate, key: string, now: number): Transition => {
  if (state.timer?.key !== key || FINISHED_PHASES.includes(state.phase)) return unchanged(state);
  if (key === 'lobby') return expire(state);
  if (key === 'prep') return prepTimer(deck, state, now);
  if (key === 'judging') return finish(deck, state, now);
  if (key.startsWith(`${PREP_POOL_KEY}:`)) return prepPoolTimer(deck, state, now);
  if (key === VOTING_TIMER) return closeVoting(deck, state, now);
  return turnTimer(deck, state, key, now);
};

/** Is this event one that, once the debate is over, can never change it again? */
export const isFinished = (state: Debate): boolean => FINISHED_PHASES.includes(state.phase);
