import type { Bow } from 'wink-nlp';
import type { Deck } from '../../content/deck.js';
import type { Card, Motion } from '../../content/schemas.js';
import { copiedWords, runsOf, windowsOf } from '../analysis/copying.js';
import { FRAMING, findMarker, IMPACT, OTHER_SIDE, REASON } from '../analysis/markers.js';
import { remember } from '../analysis/memo.js';
import { read, type Sentence } from '../analysis/reading.js';
import { cosine, type DeckIndex, deckIndex, weightedBag } from '../analysis/weights.js';
import type { Debate, Slot, TurnRecord } from '../types.js';

/**
 * One debate read once for the automatic rubric: every delivered speech split into sentences
 * and argument units, each sentence marked for what earns nothing (filler, repetition, keyword
 * salad, text copied from the other side). Every scorer reads this, never the raw text.
 */

/** A sentence of a speech with what the rubric needs to know about it. */
export interface ReadSentence extends Sentence {
  /** Share of its words in long runs copied from the other side's earlier speeches. */
  readonly copied: number;
  /** Says again what this speaker already said (in this speech or an earlier one). */
  readonly repeated: boolean;
  /** Fewer than two content words: signposts, filler, a bare card id. */
  readonly filler: boolean;
  /** A list of keywords rather than a sentence: no verb, or almost no function words. */
  readonly salad: boolean;
  /** Shares the motion's words or its subject. */
  readonly onTopic: boolean;
  /** Earns credit: none of the above, and not mostly copied. */
  readonly substantive: boolean;
}

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

export interface CardUse {
  readonly cardId: string;
  readonly sentence: number;
  readonly used: boolean;
  /** On the motion's tags or subject, or cited against a point the other side made. */
  readonly bears: boolean;
  /** The sentences around it say what follows from it (an impact or a weighing). */
  readonly explained: boolean;
}

export interface ReadSpeech {
  readonly turn: number;
  readonly slot: Slot;
  readonly record: TurnRecord & { text: string };
  readonly sentences: readonly ReadSentence[];
  /** Words read (up to the speech's cap) and words given. */
  readonly words: number;
  readonly wordsGiven: number;
  readonly units: readonly Unit[];
  readonly cardUses: readonly CardUse[];
  /** Share of the speech's words copied from the other side. */
  readonly copied: number;
  /** Its claims, as points the other side may answer. */
  readonly points: readonly Point[];
}

export interface DebateReading {
  readonly deck: Deck;
  readonly state: Debate;
  readonly index: DeckIndex;
  readonly motion: Motion | undefined;
  /** Content lemmas of the motion's text: what ties a sentence to the motion. */
  readonly motionLemmas: ReadonlySet<string>;
  /** The motion's subject: its text, both framings and the cards on its tags. */
  readonly topic: ReadonlySet<string>;
  readonly speeches: readonly ReadSpeech[];
}

const REPEAT_SIMILARITY = 0.8;
/** Sentences that continue a claim begin with one of these, or with a reason or impact marker. */
const CONTINUES = new Set(['this', 'that', 'it', 'which', 'these', 'such', 'so', 'and', 'because', 'since']);
const MAX_UNIT = 3;

export const spoke = (record: TurnRecord | undefined): record is TurnRecord & { text: string } =>
  record?.outcome === 'delivered' && typeof record.text === 'string';

const overlap = (a: Iterable<string>, b: ReadonlySet<string>) => {
  let n = 0;
  for (const x of new Set(a)) if (b.has(x)) n++;
  return n;
};

/** Counts of a sentence's content words and their norm, remembered per sentence. */
const countsMemo = new WeakMap<readonly string[], { counts: Map<string, number>; norm: number }>();
const countsOf = (xs: readonly string[]) => {
  return remember(countsMemo, xs, () => {
    const counts = new Map<string, number>();
    for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
    let sum = 0;
    for (const v of counts.values()) sum += v * v;
    return { counts, norm: Math.sqrt(sum) };
  });
};

/** Cosine similarity of two sentences' content words, unweighted: how far one restates the other. */
const plainCosine = (a: readonly string[], b: readonly string[]) => {
  const [ca, cb] = [countsOf(a), countsOf(b)];
  let dot = 0;
  for (const [k, v] of ca.counts) dot += v * (cb.counts.get(k) ?? 0);
  return dot === 0 ? 0 : dot / (ca.norm * cb.norm);
};

/** Content lemmas following a marker at `at` in the sentence: a "because" with nothing after it gives no reason. */
export const contentAfter = (s: Sentence, at: number) => s.isContent.slice(at + 1).filter(Boolean).length;

/**
 * A reason that is a reason: "because" followed by at least two content words the sentence had not
 * already used before it ("X is a dead end because X is a dead end" gives none).
 */
export const givesReason = (s: Sentence): boolean => {
  const at = findMarker(s.lemmas, REASON);
  if (at === -1) return false;
  const before = s.isContent.slice(0, at + 1).filter(Boolean).length;
  const claimed = new Set(s.content.slice(0, before));
  return new Set(s.content.slice(before).filter((l) => !claimed.has(l))).size >= 2;
};

export const hasMarker = (s: Sentence, markers: readonly (readonly string[])[], after = 1) => {
  const at = findMarker(s.lemmas, markers);
  return at !== -1 && contentAfter(s, at) >= after;
};

/** Only the first `max` words of a speech are read: length past the cap earns nothing. */
const capped = (sentences: readonly Sentence[], max: number) => {
  const kept: Sentence[] = [];
  let words = 0;
  for (const s of sentences) {
    if (words >= max) break;
    kept.push(s);
    words += s.words.length;
  }
  return kept;
};

const readSentences = (
  sentences: readonly Sentence[],
  context: {
    theirRuns: ReadonlySet<string>;
    ownEarlier: Sentence[];
    ownRuns: Set<string>;
    motionLemmas: ReadonlySet<string>;
    topic: ReadonlySet<string>;
  },
): ReadSentence[] =>
  sentences.map((s) => {
    const copiedMask = copiedWords(s.words, context.theirRuns);
    const copied = s.words.length === 0 ? 0 : copiedMask.filter(Boolean).length / s.words.length;
    const filler = s.content.length < 2;
    const selfCopied =
      s.words.length > 0 &&
      copiedWords(s.words, context.ownRuns).filter(Boolean).length / s.words.length >= 0.6;
    const repeated =
      !filler &&
      (selfCopied || context.ownEarlier.some((e) => plainCosine(e.content, s.content) >= REPEAT_SIMILARITY));
    const salad = s.words.length >= 6 && (!s.hasVerb || (s.ownWords >= 8 && s.stopShare < 0.2));
    const onTopic = overlap(s.content, context.motionLemmas) >= 1 || overlap(s.content, context.topic) >= 2;
    context.ownEarlier.push(s);
    for (const run of windowsOf(s.words)) context.ownRuns.add(run);
    return {
      ...s,
      copied,
      repeated,
      filler,
      salad,
      onTopic,
      substantive: !filler && !repeated && !salad && copied < 0.5,
    };
  });

/** Does the context around a citation use the card: its distinctive content in the speaker's words, or a quotation of it? */
const cardUses = (
  reading: Pick<DebateReading, 'deck' | 'index' | 'motionLemmas' | 'topic' | 'motion'>,
  sentences: readonly ReadSentence[],
  own: readonly string[],
  theirPoints: readonly Bow[],
): CardUse[] => {
  const uses: CardUse[] = [];
  const seen = new Set<string>();
  sentences.forEach((s, i) => {
    const credited = new Set<string>();
    for (const id of s.cites) {
      const card = reading.deck.card(id);
      if (!card || !own.includes(card.id) || seen.has(card.id)) continue;
      seen.add(card.id);
      const context = [sentences[i - 1], s, sentences[i + 1]].filter(
        (c): c is ReadSentence => c !== undefined,
      );
      const cardContent = reading.index.cardContent(card);
      const shared = new Set(
        context
          .flatMap((c) => c.content)
          .filter(
            (l) =>
              cardContent.has(l) &&
              !reading.motionLemmas.has(l) &&
              !reading.index.common.has(l) &&
              !credited.has(l),
          ),
      );
      const quoted = quotes(reading.index.cardWords(card), context);
      const used =
        (s.substantive || (s.filler && isCitingSentenceOf(context, s))) && (shared.size >= 2 || quoted);
      if (used) for (const l of shared) credited.add(l);
      const bag = weightedBag(
        reading.index,
        context.flatMap((c) => c.content),
      );
      uses.push({
        cardId: card.id,
        sentence: i,
        used,
        bears: used && bearsOnMotion(reading, card, cardContent, bag, theirPoints),
        explained: context.some((c) => hasMarker(c, IMPACT) || givesReason(c)),
      });
    }
  });
  return uses;
};

/** A citation standing alone after the sentence it backs ("… no world model. [L04]") still counts. */
const isCitingSentenceOf = (context: readonly ReadSentence[], s: ReadSentence) =>
  s.content.length === 0 && s.words.length <= 2 && context[0] !== s && (context[0]?.substantive ?? false);

const QUOTE_RUN = 4;
const quoteRuns = new WeakMap<readonly string[], Set<string>>();
const quotes = (cardWords: readonly string[], context: readonly Sentence[]) => {
  let runs = quoteRuns.get(cardWords);
  if (!runs) {
    runs = new Set<string>();
    for (let i = 0; i + QUOTE_RUN <= cardWords.length; i++)
      runs.add(cardWords.slice(i, i + QUOTE_RUN).join(' '));
    quoteRuns.set(cardWords, runs);
  }
  return context.some((c) => {
    for (let i = 0; i + QUOTE_RUN <= c.words.length; i++) {
      const run = c.words.slice(i, i + QUOTE_RUN);
      if (runs.has(run.join(' ')) && run.filter((w) => w.length > 3).length >= 2) return true;
    }
    return false;
  });
};

const bearsOnMotion = (
  reading: Pick<DebateReading, 'motion' | 'topic' | 'motionLemmas' | 'index'>,
  card: Card,
  cardContent: ReadonlySet<string>,
  context: Bow,
  theirPoints: readonly Bow[],
) =>
  card.tags.some((t) => reading.motion?.tags.includes(t)) ||
  overlap(cardContent, reading.motionLemmas) >= 2 ||
  overlap(Object.keys(context), reading.motionLemmas) >= 2 ||
  overlap(
    [...cardContent].filter((l) => !reading.index.common.has(l)),
    reading.topic,
  ) >= 4 ||
  theirPoints.some((p) => cosine(p, context) >= 0.2);

/**
 * The sentence reports what the other side said ("They say…", "My opponent claims…") rather than
 * claiming; one that goes on to answer it in the same sentence ("They will say X, but…") is a claim.
 */
export const reports = (s: Sentence): boolean => {
  const at = findMarker(s.lemmas, OTHER_SIDE);
  return at !== -1 && at <= 3 && findMarker(s.lemmas.slice(at), [['but'], ['however'], ['yet']]) === -1;
};

/** "Our second argument is about look-ahead": a signpost announcing the claim that follows. */
const ANNOUNCE = ['first', 'second', 'third', 'next', 'final', 'last', 'other'].flatMap((n) => [
  [n, 'argument'],
  [n, 'point'],
  [n, 'line'],
  [n, 'reason'],
]);
const announces = (s: Sentence) => findMarker(s.lemmas, ANNOUNCE) !== -1 && !givesReason(s);

/** Groups sentences into claims and what continues them; a report of the other side stands alone, and what answers it starts anew. */
const units = (sentences: readonly ReadSentence[], uses: readonly CardUse[]): Unit[] => {
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

/** The other side's points made before `turn`: their units that make a claim, with the cards they used. */
export interface Point {
  readonly speech: ReadSpeech;
  readonly unit: Unit;
  readonly bag: Bow;
  /** The lemmas that identify it, its cards' included (without the motion's words or the deck's common ones). */
  readonly lemmas: ReadonlySet<string>;
  /** All its content lemmas. */
  readonly all: ReadonlySet<string>;
  readonly strength: number;
}

export const pointsBefore = (reading: Pick<DebateReading, 'speeches'>, side: string, turn: number): Point[] =>
  reading.speeches.filter((s) => s.turn < turn && s.slot.side !== side).flatMap((s) => s.points);

const pointsOf = (
  reading: Pick<DebateReading, 'deck' | 'index' | 'motionLemmas'>,
  speech: ReadSpeech,
): Point[] =>
  speech.units
    .filter((u) => u.claim)
    .map((unit) => {
      const content = unitContent(speech, unit);
      const own = content.filter((l) => distinctive(reading, l));
      const cards = unit.cards.flatMap((id) => {
        const card = reading.deck.card(id);
        return card ? [...reading.index.cardContent(card)].filter((l) => distinctive(reading, l)) : [];
      });
      const bag = clashBag(reading, content);
      for (const l of cards) bag[l] = (bag[l] ?? 0) + 0.5 * reading.index.idf(l);
      return {
        speech,
        unit,
        bag,
        lemmas: new Set([...own, ...cards]),
        all: new Set([...content, ...cards]),
        strength: (unit.reasoned ? 2 : 0) + (unit.impact ? 1 : 0) + unit.cards.length,
      };
    });

/** A bag for comparing points: the motion's words and the deck's common ones count for a third. */
export const clashBag = (
  reading: Pick<DebateReading, 'motionLemmas' | 'index'>,
  lemmas: readonly string[],
): Bow => {
  const bag = weightedBag(reading.index, lemmas);
  for (const l of Object.keys(bag)) if (!distinctive(reading, l)) bag[l] = (bag[l] ?? 0) / 3;
  return bag;
};

/** A lemma that tells one point from another: not the motion's own words, not what every card says. */
export const distinctive = (reading: Pick<DebateReading, 'motionLemmas' | 'index'>, lemma: string) =>
  !reading.motionLemmas.has(lemma) && !reading.index.common.has(lemma);

const contentOfText = (text: string) => read(text).sentences.flatMap((s) => s.content);

/** Reads the debate's delivered speeches, in turn order. */
/** A motion's own words and its subject, remembered per deck and motion. */
const subjects = new WeakMap<Deck, Map<string, { motionLemmas: Set<string>; topic: Set<string> }>>();
const subjectOf = (deck: Deck, index: DeckIndex, motion: Motion | undefined) =>
  remember(
    remember(subjects, deck, () => new Map()),
    motion?.id ?? '',
    () => {
      const motionLemmas = new Set(contentOfText(motion?.text ?? ''));
      const topic = new Set([
        ...motionLemmas,
        ...Object.values(motion?.framing ?? {}).flatMap(contentOfText),
        ...deck.cards
          .filter((c) => c.tags.some((t) => motion?.tags.includes(t)))
          .flatMap((c) => [...index.cardContent(c)]),
      ]);
      return { motionLemmas, topic };
    },
  );

export const readDebate = (deck: Deck, state: Debate): DebateReading => {
  const index = deckIndex(deck);
  const motion = deck.motion(state.motionId);
  const { motionLemmas, topic } = subjectOf(deck, index, motion);
  const base = { deck, state, index, motion, motionLemmas, topic };
  const speeches: ReadSpeech[] = [];
  const own = new Map<string, { ownEarlier: Sentence[]; ownRuns: Set<string> }>();
  for (const record of [...state.turns].sort((a, b) => a.turn - b.turn)) {
    const slot = state.slots[record.turn];
    if (!slot || !spoke(record)) continue;
    const earlierTheirs = speeches.filter((s) => s.slot.side !== slot.side);
    const theirRuns = runsOf(earlierTheirs.flatMap((s) => read(s.record.text).sentences));
    const mine = own.get(record.userId) ?? { ownEarlier: [], ownRuns: new Set<string>() };
    own.set(record.userId, mine);
    const reading = read(record.text);
    const sentences = readSentences(capped(reading.sentences, slot.words.max), {
      theirRuns,
      ...mine,
      motionLemmas,
      topic,
    });
    const theirPoints = pointsBefore({ speeches }, slot.side, record.turn).map((p) => p.bag);
    const uses = cardUses(base, sentences, record.cited, theirPoints);
    const words = sentences.reduce((n, s) => n + s.words.length, 0);
    const copied = words === 0 ? 0 : sentences.reduce((n, s) => n + s.copied * s.words.length, 0) / words;
    const speech = {
      turn: record.turn,
      slot,
      record,
      sentences,
      words,
      wordsGiven: reading.words,
      units: units(sentences, uses),
      cardUses: uses,
      copied,
      points: [] as Point[],
    };
    speech.points.push(...pointsOf(base, speech));
    speeches.push(speech);
  }
  return { ...base, speeches };
};
