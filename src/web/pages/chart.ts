import type { RatingPoint } from '../../debate/player-record.js';
import { chartGeometry } from '../../images/rating-chart.js';
import { type Html, html, trusted } from '../html.js';

const WIDTH = 800;
const HEIGHT = 220;

/** The rating history as an inline SVG, on the same geometry as the rank card's chart. */
export const ratingChartSvg = (history: readonly RatingPoint[], colour: string): Html => {
  const plot = { x: 56, y: 16, width: WIDTH - 72, height: HEIGHT - 40 };
  const { points, ticks } = chartGeometry(history, plot);
  const safeColour = /^#[0-9a-fA-F]{6}$/.test(colour) ? colour : '#5865f2';
  const line = points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
  const last = points.at(-1);
  const label = `Rating over ${history.length} rated debate${history.length === 1 ? '' : 's'}${
    last ? `, now ${last.rating}` : ''
  }`;
  return html`<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${label}">${ticks.map(
    (t) =>
      html`<line x1="${plot.x}" x2="${plot.x + plot.width}" y1="${t.y.toFixed(1)}" y2="${t.y.toFixed(1)}" stroke="#3f4147"/><text x="${plot.x - 8}" y="${(t.y + 4).toFixed(1)}" fill="#b5bac1" font-size="12" text-anchor="end">${Math.round(t.rating)}</text>`,
  )}${points.length > 1 ? html`<polyline points="${line}" fill="none" stroke="${safeColour}" stroke-width="3" stroke-linejoin="round"/>` : ''}${
    last ? html`<circle cx="${last.x.toFixed(1)}" cy="${last.y.toFixed(1)}" r="5" fill="${safeColour}"/>` : ''
  }${points.length === 0 ? trusted(`<text x="${WIDTH / 2}" y="${HEIGHT / 2}" fill="#b5bac1" text-anchor="middle">No rated debate this season yet</text>`) : ''}</svg>`;
};
