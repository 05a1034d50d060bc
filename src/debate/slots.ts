import type { Deck } from '../content/deck.js';
import { otherSide } from '../content/deck.js';
import type { Format, Motion } from '../content/schemas.js';
import type { Debater, Mode, Slot } from './types.js';

/**
 * The format's speeches, resolved to the debaters who give them.
 * Formats are written with the side that opens first; when the motion is affirmed by the
 * other side, the sides are mirrored so the affirming side always opens, as in every debate format.
 * A text-mode debate gives each speech its text-mode time (typing is slower than speaking).
 */
export const resolveSlots = (
  deck: Pick<Deck, 'sides'>,
  format: Format,
  motion: Motion,
  debaters: readonly Debater[],
  mode: Mode,
) => {
  const opener = format.speeches[0]?.side;
  const mirror = opener !== undefined && opener !== motion.affirms;
  return format.speeches.map((speech): Slot => {
    const side = mirror ? otherSide(deck, speech.side) : speech.side;
    const team = debaters.filter((d) => d.side === side);
    const debater = team[(speech.speaker - 1) % team.length];
    if (!debater) throw new Error(`no debater on side ${side}`);
    return {
      side,
      userId: debater.userId,
      kind: speech.kind,
      seconds: mode === 'text' ? speech.textSeconds : speech.seconds,
      bells: speech.bells,
      words: speech.words,
      // Points of information are a spoken thing: protected time applies in live mode only.
      ...(mode === 'live' && format.protectedSeconds && speech.seconds > 2 * format.protectedSeconds
        ? { protectedSeconds: format.protectedSeconds }
        : {}),
      // A late speech form's grace is a typed thing: text mode only (grace.ts).
      ...(mode === 'text' && format.graceSeconds > 0 ? { graceSeconds: format.graceSeconds } : {}),
    };
  });
};

/**
 * The timers of one turn in the order they fire: its bells (and, with protected time, the signals
 * that points of information open and close, `poi`), then its end.
 */
export const turnTimers = (
  slot: Slot,
  turn: number,
  endsAt: number,
): { key: string; at: number; bell: number; poi?: 'open' | 'closed' }[] => {
  const bells: { key: string; at: number; bell: number; poi?: 'open' | 'closed' }[] = [
    ...new Set(slot.bells),
  ].map((bell) => ({ key: `turn:${turn}:bell:${bell}`, at: endsAt - bell * 1000, bell }));
  const guarded = slot.protectedSeconds ?? 0;
  if (guarded > 0) {
    const opensBeforeEnd = slot.seconds - guarded;
    // A bell at the same moment as a signal is that signal (two timers due at once would lose one).
    bells.splice(0, bells.length, ...bells.filter((b) => b.bell !== guarded && b.bell !== opensBeforeEnd));
    bells.push(
      { key: `turn:${turn}:poi-open`, at: endsAt - opensBeforeEnd * 1000, bell: opensBeforeEnd, poi: 'open' },
      { key: `turn:${turn}:poi-closed`, at: endsAt - guarded * 1000, bell: guarded, poi: 'closed' },
    );
  }
  return [...bells.sort((a, b) => b.bell - a.bell), { key: `turn:${turn}:end`, at: endsAt, bell: 0 }];
};
