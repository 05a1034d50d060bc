import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { Deck } from '../content/deck.js';
import type { Debate, Result } from '../debate/types.js';
import { ensureFonts, font } from './fonts.js';
import { fitText, PALETTE } from './palette.js';
import { encodePng } from './png.js';

export const RESULT_IMAGE_WIDTH = 800;
const UNKNOWN_NAME = 'a member';

const headline = (deck: Deck, result: Result) => {
  if (result.winner === undefined) return 'No decision';
  if (result.winner === 'draw') return 'A draw';
  const side = deck.side(result.winner);
  return `${side?.name ?? result.winner} win${side?.name.endsWith('s') ? '' : 's'}`;
};

const scoreText = (score: number) => (Number.isInteger(score) ? String(score) : score.toFixed(1));

/**
 * The result at a glance, as a PNG for the result card: the winner in its side's colour, both
 * sides' totals, and each debater's criterion scores (1–5) as bars with their total.
 * `names` maps user ids to display names; a debater without one is shown as "a member".
 * Pure apart from drawing: the same arguments give the same picture.
 */
export const drawResultImage = async (
  deck: Deck,
  state: Debate,
  result: Result,
  names: ReadonlyMap<string, string> = new Map(),
): Promise<Buffer> => {
  ensureFonts();
  const width = RESULT_IMAGE_WIDTH;
  const criteria = deck.rubric;
  const perSide = deck.sides.map((side) => result.scores.filter((s) => s.side === side.id));
  const rowsPerSide = Math.max(1, ...perSide.map((scores) => scores.length));
  const debaterHeight = 44 + criteria.length * 26;
  const height = 170 + rowsPerSide * debaterHeight;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const measure = (s: string) => ctx.measureText(s).width;
  const winner = result.winner && result.winner !== 'draw' ? deck.side(result.winner) : undefined;

  ctx.fillStyle = PALETTE.background;
  ctx.beginPath();
  ctx.roundRect(0, 0, width, height, 24);
  ctx.fill();
  ctx.fillStyle = winner?.colour ?? PALETTE.draw;
  ctx.fillRect(24, 0, width - 48, 6);

  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = winner?.colour ?? PALETTE.text;
  ctx.font = font(34, 700);
  ctx.fillText(fitText(headline(deck, result), width - 64, measure), 32, 62);
  ctx.font = font(16);
  ctx.fillStyle = PALETTE.muted;
  const motion = deck.motion(state.motionId)?.text ?? state.motionId;
  ctx.fillText(fitText(motion, width - 64, measure), 32, 92);

  const column = (width - 32 * 2 - 24) / 2;
  deck.sides.forEach((side, index) => {
    const x = 32 + index * (column + 24);
    drawSide(ctx, x, 116, column, {
      name: side.name,
      colour: side.colour,
      total: result.sideTotals[side.id],
      won: result.winner === side.id,
      debaterHeight,
      debaters: (perSide[index] ?? []).map((score) => ({
        name: names.get(score.userId) ?? UNKNOWN_NAME,
        total: score.total,
        criteria: criteria.map((c) => ({
          name: c.name,
          score: score.criteria.find((s) => s.criterionId === c.id)?.score,
        })),
      })),
    });
  });
  // Encoding is most of the cost: our own PNG writer, deflating on the thread pool.
  return encodePng(ctx.getImageData(0, 0, width, height).data, width, height);
};

interface SideColumn {
  readonly name: string;
  readonly colour: string;
  readonly total: number | undefined;
  readonly won: boolean;
  readonly debaterHeight: number;
  readonly debaters: readonly {
    readonly name: string;
    readonly total: number;
    readonly criteria: readonly { readonly name: string; readonly score: number | undefined }[];
  }[];
}

const drawSide = (ctx: SKRSContext2D, x: number, y: number, width: number, side: SideColumn) => {
  const measure = (s: string) => ctx.measureText(s).width;
  ctx.fillStyle = PALETTE.panel;
  ctx.beginPath();
  ctx.roundRect(x, y, width, 40 + side.debaters.length * side.debaterHeight + 8, 14);
  ctx.fill();
  ctx.fillStyle = side.colour;
  ctx.fillRect(x, y + 12, 4, 24);
  ctx.font = font(18, 700);
  ctx.textAlign = 'right';
  ctx.fillStyle = side.won ? side.colour : PALETTE.text;
  const total = side.total === undefined ? '–' : side.total.toFixed(1);
  ctx.fillText(total, x + width - 16, y + 30);
  const totalWidth = measure(total);
  ctx.textAlign = 'left';
  ctx.fillStyle = side.colour;
  ctx.fillText(fitText(side.name, width - 48 - totalWidth, measure), x + 16, y + 30);

  side.debaters.forEach((debater, index) => {
    let row = y + 40 + index * side.debaterHeight + 24;
    ctx.font = font(16, 700);
    ctx.fillStyle = PALETTE.text;
    ctx.textAlign = 'right';
    const debaterTotal = `${debater.total.toFixed(1)} / 100`;
    ctx.fillText(debaterTotal, x + width - 16, row);
    const debaterTotalWidth = measure(debaterTotal);
    ctx.textAlign = 'left';
    ctx.fillText(fitText(debater.name, width - 48 - debaterTotalWidth, measure), x + 16, row);
    for (const criterion of debater.criteria) {
      row += 26;
      ctx.font = font(13);
      ctx.fillStyle = PALETTE.muted;
      ctx.fillText(fitText(criterion.name, 96, measure), x + 16, row);
      const barX = x + 120;
      const barWidth = width - 120 - 52;
      ctx.fillStyle = PALETTE.track;
      ctx.beginPath();
      ctx.roundRect(barX, row - 9, barWidth, 8, 4);
      ctx.fill();
      if (criterion.score !== undefined) {
        ctx.fillStyle = side.colour;
        ctx.beginPath();
        ctx.roundRect(barX, row - 9, Math.max(8, (Math.min(criterion.score, 5) / 5) * barWidth), 8, 4);
        ctx.fill();
      }
      ctx.fillStyle = PALETTE.text;
      ctx.textAlign = 'right';
      ctx.fillText(criterion.score === undefined ? '–' : scoreText(criterion.score), x + width - 16, row);
      ctx.textAlign = 'left';
    }
  });
};
