import { type Refusal, refusal } from './refusals.js';
import type { Ballot, Debate } from './types.js';

/** A judge's reason for decision: room for a real one, yet a ballot form can still hold it. */
export const REASON_MAX = 2000;
/** A judge's note to one debater. */
export const NOTE_MAX = 1000;

/** The written part of a ballot, as it is kept: trimmed, with nothing empty. */
export type Feedback = Pick<Ballot, 'reason' | 'notes'>;

/**
 * A ballot's reason for decision and notes, trimmed; empty text means no feedback, and notes go
 * only to the debate's debaters. Text over its limit is refused (the form's own limits keep a
 * judge under them; nothing is cut silently).
 */
export const readFeedback = (
  state: Debate,
  reason: string | undefined,
  notes: Readonly<Record<string, string>> | undefined,
): { ok: true; feedback: Feedback } | { ok: false; refusal: Refusal } => {
  const why = reason?.trim() ?? '';
  if (why.length > REASON_MAX)
    return { ok: false, refusal: refusal('reasonTooLong', why.length, REASON_MAX) };
  const kept: Record<string, string> = {};
  for (const debater of state.debaters) {
    const note = notes?.[debater.userId]?.trim() ?? '';
    if (note.length > NOTE_MAX)
      return { ok: false, refusal: refusal('noteTooLong', debater.userId, note.length, NOTE_MAX) };
    if (note !== '') kept[debater.userId] = note;
  }
  return {
    ok: true,
    feedback: {
      ...(why !== '' ? { reason: why } : {}),
      ...(Object.keys(kept).length > 0 ? { notes: kept } : {}),
    },
  };
};
