/** Claims and what continues them: the unit the Argument criterion counts. */
import { FRAMING, findMarker, IMPACT, REASON } from '../analysis/markers.js';
import type { CardUse } from './card-uses.js';
import { announces, givesReason, hasMarker, reports } from './sentence-marks.js';
import type { ReadSentence } from './sentences.js';
import type { ReadSpeech } from './speeches.js';

/** A claim and what backs it: a sentence and the sentences that continue it ("because…", "this means…"). */
export interface Unit {
  readonly sentences: readonly number[];
  /** A claim of the speaker's own, on the motion (not a report of what the other side said, not framing alone). */
  readonly claim: boolean;
  /** Framing the motion (defining it, setting the test) or reporting the other side: not a claim to be reasoned. */
  readonly role: 'claim' | 'framing' | 'report';
  readonly reasoned: boolean;
  readonly impact: boolean;
  /** Own cards used in the unit's sentences. */
  readonly cards: readonly string[];
}

/** Sentences that continue a claim begin with one of these, or with a reason or impact marker. */
const CONTINUES = new Set(['this', 'that', 'it', 'which', 'these', 'such', 'so', 'and', 'because', 'since']);
const MAX_UNIT = 3;

/** Groups sentences into claims and what continues them; a report of the other side stands alone, and what answers it starts anew. */
export const units = (sentences: readonly ReadSentence[], uses: readonly CardUse[]): Unit[] => {
  const groups: number[][] = [];
  sentences.forEach((s, i) => {
    if (!s.substantive) return;
    const head = s.lemmas.filter((l) => /\p{L}/u.test(l)).slice(0, 4);
    const continues =
      CONTINUES.has(head[0] ?? '') || findMarker(head, REASON) !== -1 || findMarker(head, IMPACT) !== -1;
    const last = groups.at(-1);
    const lastSentence = last && (sentences[last.at(-1) ?? -1] as ReadSentence);
    const afterReport = last !== undefined && reports(sentences[last[0] ?? -1] as ReadSentence);
    const announced = lastSentence !== undefined && last?.length === 1 && announces(lastSentence);
    if (last && (continues || announced) && !afterReport && !reports(s) && last.length < MAX_UNIT)
      last.push(i);
    else groups.push([i]);
  });
  return groups.map((group) => {
    const members = group.map((i) => sentences[i] as ReadSentence);
    const cards = uses.filter((u) => u.used && group.includes(u.sentence)).map((u) => u.cardId);
    const content = members.reduce((n, s) => n + s.content.length, 0);
    const reasoned = content >= 5 && (cards.length > 0 || members.some(givesReason));
    const lead = members[0] as ReadSentence;
    const role = reports(lead)
      ? 'report'
      : !reasoned && (findMarker(lead.lemmas, FRAMING) !== -1 || (announces(lead) && members.length === 1))
        ? 'framing'
        : 'claim';
    return {
      sentences: group,
      role,
      claim: role === 'claim' && members.some((s) => s.onTopic),
      reasoned,
      impact: members.some((s) => hasMarker(s, IMPACT) || findMarker(s.lemmas, [['matter']]) !== -1),
      cards,
    };
  });
};

/** The content lemmas of a unit, and of the cards it uses. */
export const unitContent = (speech: ReadSpeech, unit: Unit): string[] =>
  unit.sentences.flatMap((i) => speech.sentences[i]?.content ?? []);

export const unitText = (speech: ReadSpeech, unit: Unit): string =>
  unit.sentences.map((i) => speech.sentences[i]?.text ?? '').join(' ');
