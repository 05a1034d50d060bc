import type { SKRSContext2D } from '@napi-rs/canvas';
import type { RatingPoint } from '../debate/player-record.js';
import { font } from './fonts.js';

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface ChartGeometry {
  /** The rating points placed in the box, in order. */
  readonly points: readonly { readonly x: number; readonly y: number; readonly rating: number }[];
  /** Horizontal guide lines with their rating labels. */
  readonly ticks: readonly { readonly y: number; readonly rating: number }[];
}

/** A step for about four guide lines: 5, 10, 25, 50, 100, ... */
const niceStep = (span: number) => {
  const raw = Math.max(span / 4, 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  return step;
};

/**
 * Where a rating history falls in a box: one point per rated debate, evenly spaced (debates, not
 * days, are what moves a rating), the vertical range padded to round guide values. Shared by the
 * rank card (canvas) and the web profile (SVG), so both draw the same chart.
 */
export const chartGeometry = (history: readonly Pick<RatingPoint, 'rating'>[], box: Box): ChartGeometry => {
  if (history.length === 0) return { points: [], ticks: [] };
  const ratings = history.map((p) => p.rating);
  const [min, max] = [Math.min(...ratings), Math.max(...ratings)];
  const step = niceStep(max - min);
  // A flat history still gets a band around it, so its line sits mid-chart.
  const low = Math.floor(min / step) * step - (max === min ? step : 0);
  const high = Math.max(Math.ceil(max / step) * step, low + step) + (max === min ? step : 0);
  const y = (rating: number) => box.y + box.height - ((rating - low) / (high - low)) * box.height;
  const gap = history.length > 1 ? box.width / (history.length - 1) : 0;
  const points = history.map((p, i) => ({
    x: history.length > 1 ? box.x + i * gap : box.x + box.width / 2,
    y: y(p.rating),
    rating: p.rating,
  }));
  const ticks: { y: number; rating: number }[] = [];
  for (let rating = low; rating <= high + 1e-9; rating += step) ticks.push({ y: y(rating), rating });
  return { points, ticks };
};

/** Draws the rating history into `box` of a canvas: guides, the line, the last point marked. */
export const drawRatingChart = (
  ctx: SKRSContext2D,
  box: Box,
  history: readonly RatingPoint[],
  colours: { readonly line: string; readonly guide: string; readonly label: string },
): void => {
  const labelWidth = 44;
  const plot = {
    x: box.x + labelWidth,
    y: box.y + 8,
    width: box.width - labelWidth - 8,
    height: box.height - 16,
  };
  const { points, ticks } = chartGeometry(history, plot);
  ctx.save();
  ctx.font = font(12);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const tick of ticks) {
    ctx.strokeStyle = colours.guide;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(plot.x, tick.y);
    ctx.lineTo(plot.x + plot.width, tick.y);
    ctx.stroke();
    ctx.fillStyle = colours.label;
    ctx.fillText(String(Math.round(tick.rating)), plot.x - 8, tick.y);
  }
  if (points.length === 0) {
    ctx.textAlign = 'center';
    ctx.fillText('No rated debate this season yet', plot.x + plot.width / 2, plot.y + plot.height / 2);
  }
  ctx.strokeStyle = colours.line;
  ctx.lineWidth = 3;
  ctx.lineJoin = 'round';
  ctx.beginPath();
  for (const [i, p] of points.entries()) {
    if (i === 0) ctx.moveTo(p.x, p.y);
    else ctx.lineTo(p.x, p.y);
  }
  ctx.stroke();
  const last = points.at(-1);
  if (last) {
    ctx.fillStyle = colours.line;
    ctx.beginPath();
    ctx.arc(last.x, last.y, 5, 0, Math.PI * 2);
    ctx.fill();
  }
  ctx.restore();
};
