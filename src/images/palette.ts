/** The images' shared colours (Discord's dark theme), apart from the sides' own colours from data/sides.json. */
export const PALETTE = {
  background: '#1e1f22',
  panel: '#2b2d31',
  text: '#f2f3f5',
  muted: '#b5bac1',
  guide: '#3f4147',
  track: '#383a40',
  draw: '#80848e',
  gold: '#f1c40f',
} as const;

/** Cuts `text` with an ellipsis so that it fits `maxWidth` as measured by `measure`. */
export const fitText = (text: string, maxWidth: number, measure: (s: string) => number): string => {
  if (measure(text) <= maxWidth) return text;
  const chars = [...text];
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (measure(`${chars.slice(0, mid).join('')}…`) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return `${chars.slice(0, low).join('').trimEnd()}…`;
};
