import path from 'node:path';
import type { DataProblem } from './problems.js';
import type { Card, Criterion, Format, Motion, Side, Source, Tag } from './schemas.js';
import { onTopicBySide, onTopicNeeded } from './topic.js';

interface Files {
  sides?: { sides: Side[] };
  motions?: { motions: Motion[] };
  evidence?: { sources: Source[]; cards: Card[] };
  formats?: { formats: Format[] };
  rubric?: { criteria: Criterion[] };
  tags?: { tags: Tag[] };
}

/** Typing speed assumed for text mode: a word range whose minimum takes longer to type is refused. */
export const TYPING_WORDS_PER_MINUTE = 35;

/**
 * The checks no single file's schema can make: unique ids, references between files,
 * card prefixes, tags from the vocabulary, enough on-topic cards a side for every motion,
 * fair formats whose word ranges can be typed, and a rubric whose weights add up to 100.
 * Runs on whatever files parsed, so one broken file does not hide the problems of the others.
 */
export const crossCheck = (
  dataDir: string,
  files: Files,
  options: { onTopic?: boolean } = {},
): DataProblem[] => {
  const problems: DataProblem[] = [];
  const at = (name: string) => (entry: string | undefined, field: string | undefined, message: string) =>
    problems.push({
      file: path.join(dataDir, `${name}.json`),
      ...(entry ? { entry } : {}),
      ...(field ? { field } : {}),
      message,
    });

  const sides = files.sides?.sides;
  const sideIds = new Set(sides?.map((s) => s.id));
  const knownSide = (sideId: string) => sides === undefined || sideIds.has(sideId);
  const sideList = sides ? [...sideIds].join(', ') : '';

  if (sides) {
    const report = at('sides');
    uniqueIds(sides, 'sides', report);
    const [a, b] = sides;
    if (a && b && a.cardPrefix === b.cardPrefix)
      report(`sides[${b.id}]`, 'cardPrefix', 'both sides use the same card prefix');
  }

  const vocabulary = files.tags && new Set(files.tags.tags.map((t) => t.id));
  if (files.tags) uniqueIds(files.tags.tags, 'tags', at('tags'));
  const checkTags = (report: Report, entry: string, tags: readonly string[]) => {
    if (!vocabulary) return;
    tags.forEach((tag, i) => {
      if (!vocabulary.has(tag))
        report(entry, `tags.${i}`, `unknown tag "${tag}": add it to tags.json or use one listed there`);
    });
  };

  if (files.motions) {
    const report = at('motions');
    uniqueIds(files.motions.motions, 'motions', report);
    for (const motion of files.motions.motions) {
      const entry = `motions[${motion.id}]`;
      if (!knownSide(motion.affirms))
        report(entry, 'affirms', `unknown side "${motion.affirms}" (sides: ${sideList})`);
      if (!sides) continue;
      for (const side of sides)
        if (!(side.id in motion.framing))
          report(entry, `framing.${side.id}`, 'missing: frame the motion for every side');
      for (const key of Object.keys(motion.framing))
        if (!sideIds.has(key)) report(entry, `framing.${key}`, `unknown side "${key}" (sides: ${sideList})`);
    }
    for (const motion of files.motions.motions) checkTags(report, `motions[${motion.id}]`, motion.tags);
    if (files.evidence && sides && options.onTopic !== false) {
      const needed = onTopicNeeded(files.formats?.formats ?? []);
      for (const motion of files.motions.motions) {
        const counts = onTopicBySide(files.evidence.cards, motion, [...sideIds]);
        for (const [side, count] of Object.entries(counts))
          if (count < needed)
            report(
              `motions[${motion.id}]`,
              'tags',
              `only ${count} ${side} card${count === 1 ? '' : 's'} share a tag with this motion; each side needs ${needed}, so every hand can hold half a hand on the motion`,
            );
      }
    }
  }

  if (files.evidence) {
    const report = at('evidence');
    uniqueIds(files.evidence.sources, 'sources', report);
    uniqueIds(files.evidence.cards, 'cards', report);
    const sourceIds = new Set(files.evidence.sources.map((s) => s.id));
    for (const card of files.evidence.cards) {
      const entry = `cards[${card.id}]`;
      const side = sides?.find((s) => s.id === card.side);
      if (!knownSide(card.side)) report(entry, 'side', `unknown side "${card.side}" (sides: ${sideList})`);
      else if (side && !card.id.startsWith(side.cardPrefix))
        report(entry, 'id', `a ${side.id} card's id starts with "${side.cardPrefix}"`);
      if (!sourceIds.has(card.source)) report(entry, 'source', `unknown source "${card.source}"`);
      checkTags(report, entry, card.tags);
    }
  }

  if (files.formats) {
    const report = at('formats');
    uniqueIds(files.formats.formats, 'formats', report);
    for (const format of files.formats.formats) checkFormat(format, sides, knownSide, sideList, report);
  }

  if (files.rubric) {
    const report = at('rubric');
    const criteria = files.rubric.criteria;
    uniqueIds(criteria, 'criteria', report);
    const total = criteria.reduce((sum, c) => sum + c.weight, 0);
    if (total !== 100) report(undefined, 'criteria.weight', `weights add up to ${total}, not 100`);
    for (const criterion of criteria) {
      const scores = criterion.levels.map((level) => level.score).sort();
      if (scores.join() !== '1,2,3,4,5')
        report(`criteria[${criterion.id}]`, 'levels', 'give each score from 1 to 5 exactly once');
    }
  }
  return problems;
};

type Report = (entry: string | undefined, field: string | undefined, message: string) => void;

const uniqueIds = (items: readonly { id: string }[], list: string, report: Report) => {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const key = item.id.toUpperCase();
    if (seen.has(key)) report(`${list}[${index}]`, 'id', `duplicate id "${item.id}"`);
    seen.add(key);
  });
};

const checkFormat = (
  format: Format,
  sides: Side[] | undefined,
  knownSide: (id: string) => boolean,
  sideList: string,
  report: Report,
) => {
  const entry = `formats[${format.id}]`;
  const allows2v2 = format.sizes.includes('2v2');
  format.speeches.forEach((speech, i) => {
    const field = `speeches.${i}`;
    if (!knownSide(speech.side))
      report(entry, `${field}.side`, `unknown side "${speech.side}" (sides: ${sideList})`);
    if (speech.speaker === 2 && !allows2v2) report(entry, `${field}.speaker`, 'speaker 2 needs the 2v2 size');
    if (speech.words.min > speech.words.max) report(entry, `${field}.words`, 'min is more than max');
    const typeable = Math.floor((speech.textSeconds * TYPING_WORDS_PER_MINUTE) / 60);
    if (speech.words.min > typeable)
      report(
        entry,
        `${field}.words`,
        `${speech.words.min} words cannot be typed in ${speech.textSeconds}s (about ${typeable} at ${TYPING_WORDS_PER_MINUTE} words a minute): lower words.min or raise textSeconds`,
      );
    for (const bell of speech.bells)
      if (bell >= speech.seconds)
        report(entry, `${field}.bells`, `a bell at ${bell}s is not inside a ${speech.seconds}s speech`);
    const previous = format.speeches.slice(Math.max(0, i - 2), i);
    if (previous.length === 2 && previous.every((p) => p.side === speech.side))
      report(entry, `${field}.side`, 'one side speaks three times in a row: alternate the sides');
  });
  if (!sides) return;
  const total = (side: Side, seconds: (s: Format['speeches'][number]) => number) =>
    format.speeches.filter((s) => s.side === side.id).reduce((sum, s) => sum + seconds(s), 0);
  const secondsBySide = sides.map((side) => total(side, (s) => s.seconds));
  const textSecondsBySide = sides.map((side) => total(side, (s) => s.textSeconds));
  sides.forEach((side, i) => {
    if (secondsBySide[i] === 0) report(entry, 'speeches', `side "${side.id}" has no speech`);
    if (allows2v2 && !format.speeches.some((s) => s.side === side.id && s.speaker === 2))
      report(entry, 'speeches', `in a 2v2 the second ${side.id} debater needs a speech`);
  });
  if (secondsBySide[0] !== secondsBySide[1])
    report(entry, 'speeches', `speaking time is unequal: ${secondsBySide.join('s vs ')}s`);
  if (textSecondsBySide[0] !== textSecondsBySide[1])
    report(entry, 'speeches', `text-mode time is unequal: ${textSecondsBySide.join('s vs ')}s`);
};
