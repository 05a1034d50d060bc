/** Small helpers for the benchmarks: percentiles, timing, and a markdown table. */
export const percentile = (values: readonly number[], p: number): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
};

export const ms = (n: number, digits = 2) => (Number.isFinite(n) ? `${n.toFixed(digits)} ms` : '–');

/** Times `fn` `runs` times; returns each run's wall time in ms. */
export const timeEach = async (
  runs: number,
  fn: (i: number) => unknown | Promise<unknown>,
): Promise<number[]> => {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn(i);
    out.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return out;
};

export const table = (header: readonly string[], rows: readonly (readonly string[])[]) =>
  [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
