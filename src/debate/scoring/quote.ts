/** A speaker's words, quoted short enough for a reason line: the start of the sentence, cut at a word. */
export const quote = (text: string, max = 60): string => {
  const clean = text
    .replace(/\[[A-Za-z]\d{2,4}\]\s*(\([^)]*\))?/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!?;:,]+$/, '');
  if (clean.length <= max) return `'${clean}'`;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `'${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[.,;:]+$/, '')}…'`;
};

export const plural = (n: number, word: string): string =>
  `${n} ${word}${n === 1 ? '' : /(s|x|ch|sh)$/.test(word) ? 'es' : 's'}`;

export const round1 = (n: number): number => Math.round(n * 10) / 10;
export const clamp = (n: number): number => Math.min(5, Math.max(1, n));
export const mean = (values: readonly number[]): number =>
  values.length === 0 ? 1 : values.reduce((a, b) => a + b, 0) / values.length;

/** One score of a speech, with the reason that explains it. */
export interface SpeechScore {
  readonly turn: number;
  readonly score: number;
  readonly reason: string;
}
