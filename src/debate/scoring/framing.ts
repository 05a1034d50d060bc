import { CONTRAST, DEFINE, FRAMING, OTHER_SIDE } from '../analysis/markers.js';
import { plural, quote, type SpeechScore } from './quote.js';
import { type DebateReading, hasMarker, type ReadSpeech } from './speeches.js';

/**
 * The opening speech has nothing to rebut: it is scored on framing the motion. It frames when a
 * sentence states the motion's question (most of the motion's own words), takes a stand on it, or
 * defines it (what its words mean, the test, the burden); it sets out a case with two or more
 * reasoned claims; it pre-empts when it names what the other side will say and answers it. A 5
 * needs a definition, not only a stand.
 */
export const framingOf = (reading: DebateReading, speech: ReadSpeech): SpeechScore => {
  const sentences = speech.sentences.filter((s) => s.substantive);
  const onMotion = sentences.some((s) => s.onTopic);
  const need = Math.max(2, Math.ceil(reading.motionLemmas.size / 2));
  const stated = sentences.find(
    (s) => new Set(s.content.filter((l) => reading.motionLemmas.has(l))).size >= need,
  );
  const defined = sentences.find((s) => s.onTopic && hasMarker(s, DEFINE, 1));
  const stance = sentences.find((s) => s.onTopic && hasMarker(s, FRAMING, 1));
  const lines = speech.units.filter((u) => u.claim && u.reasoned).length;
  const preempt = speech.sentences.find((s, i) => {
    if (!s.substantive || !hasMarker(s, OTHER_SIDE, 0)) return false;
    const next = speech.sentences[i + 1];
    return hasMarker(s, CONTRAST, 0) || s.negated || (next !== undefined && hasMarker(next, CONTRAST, 0));
  });
  const frames = defined ?? stated ?? stance;
  const score = !onMotion
    ? 1
    : !frames && lines < 2
      ? 2
      : !frames || lines < 2
        ? 3
        : defined && preempt
          ? 5
          : 4;
  const notes = ['opening: scored on framing the motion'];
  if (!onMotion) notes.push('no sentence of it makes a claim on the motion');
  else {
    notes.push(
      frames
        ? `framed it with ${quote(frames.text, 45)}`
        : 'never said what the motion asks or how to judge it',
    );
    notes.push(
      lines >= 2 ? `set out ${plural(lines, 'reasoned line')}` : `only ${plural(lines, 'reasoned line')}`,
    );
    if (preempt) notes.push(`pre-empted them: ${quote(preempt.text, 40)}`);
    else if (frames && lines >= 2) notes.push('no pre-emption of the other side');
  }
  return { turn: speech.turn, score, reason: notes.join('; ') };
};
