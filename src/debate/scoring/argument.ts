import { FILLER, markerTokens, SIGNPOST } from '../analysis/markers.js';
import { plural, quote, type SpeechScore } from './quote.js';
import { type ReadSentence, type ReadSpeech, reports } from './speeches.js';

/** Share of a speech's words that earn nothing, past which the speech loses a point (two past twice it). */
const WASTE = 0.25;

const wasted = (s: ReadSentence) =>
  s.repeated || s.salad || (s.copied >= 0.5 && !reports(s))
    ? s.words.length
    : s.filler && s.words.length > 3
      ? s.words.length
      : s.padding;

const paddingWords = (speech: ReadSpeech) => {
  const found = new Set<string>();
  for (const s of speech.sentences)
    for (const i of [...markerTokens(s.lemmas, SIGNPOST), ...markerTokens(s.lemmas, FILLER)]) {
      const lemma = s.lemmas[i];
      if (lemma) found.add(lemma);
    }
  return [...found].slice(0, 3);
};

/**
 * Argument, one speech: claims tied to the motion that carry a reason (because, since, a card the
 * speech uses) and an impact (which means, so, therefore). Repeated sentences, keyword lists,
 * copied text, signposts and filler earn nothing; length is only a floor and a cap.
 */
export const argumentOf = (speech: ReadSpeech): SpeechScore => {
  const claims = speech.units.filter((u) => u.claim);
  const reasoned = claims.filter((u) => u.reasoned);
  const impacts = reasoned.filter((u) => u.impact);
  let score =
    claims.length === 0
      ? 1
      : reasoned.length === 0
        ? 2
        : reasoned.length >= 3 && impacts.length >= 2
          ? 5
          : reasoned.length >= 2 && impacts.length >= 1
            ? 4
            : 3;
  const notes = [
    claims.length === 0
      ? 'no claim on the motion'
      : `${plural(reasoned.length, 'reasoned claim')}${reasoned.length > 0 ? `, ${impacts.length} with an impact` : ''}`,
  ];
  const unreasoned = claims.find((u) => !u.reasoned);
  const first = (u: { sentences: readonly number[] }) => speech.sentences[u.sentences[0] ?? -1]?.text ?? '';
  if (unreasoned) notes.push(`your claim ${quote(first(unreasoned), 50)} had no reason given`);
  else if (reasoned.length > 0 && impacts.length < reasoned.length)
    notes.push(
      `${quote(first(reasoned.find((u) => !u.impact) ?? reasoned[0] ?? { sentences: [] }), 40)} says why but not why it matters`,
    );

  const waste = speech.words === 0 ? 0 : speech.sentences.reduce((n, s) => n + wasted(s), 0) / speech.words;
  if (waste >= WASTE) {
    score -= waste >= 2 * WASTE ? 2 : 1;
    const repeated = speech.sentences.find((s) => s.repeated);
    const salad = speech.sentences.find((s) => s.salad);
    const copied = speech.sentences.find((s) => s.copied >= 0.5 && !reports(s));
    const padding = paddingWords(speech);
    const empty = speech.sentences.find((s) => s.filler && s.words.length > 3);
    notes.push(
      `${Math.round(waste * 100)}% of it earns nothing: ${
        copied
          ? `${quote(copied.text, 40)} is the other side's text`
          : repeated
            ? `${quote(repeated.text, 40)} repeats what you said`
            : salad
              ? `${quote(salad.text, 40)} is a list of keywords, not a sentence`
              : empty && padding.length === 0
                ? `${quote(empty.text, 40)} says nothing`
                : `signposts and filler (${padding.map((p) => `'${p}'`).join(', ')})`
      }`,
    );
  }
  const { min, max } = speech.slot.words;
  if (speech.wordsGiven < min) {
    score = Math.min(score, speech.wordsGiven < min / 2 ? 2 : 3);
    notes.push(`${speech.wordsGiven} words, under the ${min}-word floor`);
  } else if (speech.wordsGiven > max) notes.push(`words past the ${max}-word cap were not read`);
  return { turn: speech.turn, score: Math.min(5, Math.max(1, score)), reason: notes.join('; ') };
};
