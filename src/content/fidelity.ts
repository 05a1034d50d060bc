import type { DataProblem } from './problems.js';
import type { Card, Source } from './schemas.js';

/**
 * The deck's fidelity promise, checked mechanically: every quotation appears verbatim in the seed
 * its card cites (modulo whitespace and curly or straight quotes), every figure in a card's title,
 * claim or quotation appears in that seed with the same unit, and every span a card puts in
 * quotation marks is the seed's own words. Caveats compare sources, so theirs may come from any seed.
 */

/** Straight quotes, one space between words. */
export const normalise = (text: string): string =>
  text
    .replace(/[‘’‛′]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();

const UNITS: Record<string, string> = {
  '%': '%',
  percent: '%',
  million: 'million',
  m: 'million',
  billion: 'billion',
  b: 'billion',
  trillion: 'trillion',
  t: 'trillion',
};

/**
 * The figures of a text: a number standing alone (not part of a name like o3 or H100), with its
 * unit when one follows ("25.2%", "$13 billion", "$40B" are `25.2 %`, `13 billion`, `40 billion`).
 */
export const figures = (text: string): string[] =>
  [
    ...normalise(text)
      .replace(/\bseed-\d+/gi, '')
      .matchAll(
        /(?<![\w.])\$?(\d+(?:[.,]\d+)*)(?:\s*(%|percent\b|(?:million|billion|trillion)\b|[mbt]\b))?(?![\w])/gi,
      ),
  ].map(([, number, unit]) => {
    const name = unit ? UNITS[unit.toLowerCase()] : undefined;
    return name ? `${number} ${name}` : (number ?? '');
  });

/** Spans in quotation marks: "…" always; '…' only where the marks are not apostrophes inside words. */
export const quotedSpans = (text: string): string[] => {
  const plain = normalise(text);
  const double = [...plain.matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? '');
  const single = [...plain.matchAll(/(?<![\w])'([^']+?)'(?![\w])/g)].map((m) => m[1] ?? '');
  return [...double, ...single].map((span) => span.replace(/[.,;:!?]+$/, '').trim()).filter(Boolean);
};

const contains = (seed: string, span: string) =>
  normalise(seed).toLowerCase().includes(normalise(span).toLowerCase());

/** What a card says that its seed does not. `seeds` maps a source's seed file name to its text. */
export const unfaithful = (
  card: Card,
  source: Source | undefined,
  seeds: ReadonlyMap<string, string>,
  file: string,
): DataProblem[] => {
  const problems: DataProblem[] = [];
  const report = (field: string, message: string) =>
    problems.push({ file, entry: `cards[${card.id}]`, field, message });
  const seed = source && seeds.get(source.seed);
  if (seed === undefined) {
    report('source', `no seed text for source "${card.source}"`);
    return problems;
  }
  const anySeed = [...seeds.values()].join('\n');
  const seedFigures = new Set(figures(seed));
  const allFigures = new Set(figures(anySeed));

  if (card.quote && !normalise(seed).includes(normalise(card.quote.text)))
    report('quote.text', `not found verbatim in ${source?.seed}`);
  const fields: [string, string | undefined][] = [
    ['title', card.title],
    ['claim', card.claim],
    ['quote.text', card.quote?.text],
  ];
  for (const [field, text] of fields) {
    if (!text) continue;
    for (const figure of figures(text))
      if (!seedFigures.has(figure)) report(field, `the figure ${figure} is not in ${source?.seed}`);
    if (field !== 'quote.text')
      for (const span of quotedSpans(text))
        if (!contains(seed, span))
          report(field, `"${span}" is in quotation marks but not in ${source?.seed}`);
  }
  if (card.caveat) {
    for (const figure of figures(card.caveat))
      if (!allFigures.has(figure)) report('caveat', `the figure ${figure} is in no seed`);
    for (const span of quotedSpans(card.caveat))
      if (!contains(anySeed, span)) report('caveat', `"${span}" is in quotation marks but in no seed`);
  }
  return problems;
};
