import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { Deck } from '../content/deck.js';
import type { PlayerRecord, RatingPoint, Tally } from '../debate/player-record.js';
import { displayRating, isProvisional, PROVISIONAL_DEBATES } from '../debate/ratings.js';
import { ensureFonts, font } from './fonts.js';
import { fitText, PALETTE } from './palette.js';
import { encodePng } from './png.js';
import { drawRatingChart } from './rating-chart.js';

/** Everything a rank card shows, as plain data (the text view says the same in words). */
export interface RankCardData {
  readonly name: string;
  readonly season: number;
  readonly rating: number;
  /** Rank on the server's leaderboard; undefined when provisional or not listed. */
  readonly rank: number | undefined;
  /** Rated debates still needed to be ranked; 0 once ranked. */
  readonly provisionalLeft: number;
  readonly overall: Tally;
  readonly sides: readonly { readonly name: string; readonly colour: string; readonly tally: Tally }[];
  /** Rubric averages on the 1–5 scale, in rubric order; only criteria with scores. */
  readonly criteria: readonly { readonly name: string; readonly average: number }[];
  /** The weakest criterion: the one to practise. */
  readonly practise: string | undefined;
  readonly history: readonly RatingPoint[];
  /** The colour of the side the member argued most (the card's accent). */
  readonly accent: string;
}

export const RANK_CARD_SIZE = { width: 800, height: 480 } as const;
const empty: Tally = { debates: 0, wins: 0, losses: 0, draws: 0 };

/** Rubric averages and the weakest criterion, as /stats shows them. */
export const rubricAverages = (deck: Deck, record: PlayerRecord) => {
  const criteria = deck.rubric.flatMap((c) => {
    const sum = record.criteria[c.id];
    return sum && sum.count > 0 ? [{ name: c.name, average: sum.sum / sum.count }] : [];
  });
  const weakest = [...criteria].sort((a, b) => a.average - b.average)[0];
  return { criteria, weakest };
};

export const rankCardData = (
  deck: Deck,
  who: { readonly name: string; readonly season: number; readonly rank: number | undefined },
  record: PlayerRecord,
): RankCardData => {
  const { criteria, weakest } = rubricAverages(deck, record);
  const main =
    [...deck.sides].sort(
      (a, b) => (record.bySide[b.id]?.debates ?? 0) - (record.bySide[a.id]?.debates ?? 0),
    )[0] ?? deck.sides[0];
  return {
    name: who.name,
    season: who.season,
    rating: displayRating(record.rating),
    rank: isProvisional(record.overall.debates) ? undefined : who.rank,
    provisionalLeft: Math.max(0, PROVISIONAL_DEBATES - record.overall.debates),
    overall: record.overall,
    sides: deck.sides.map((s) => ({ name: s.name, colour: s.colour, tally: record.bySide[s.id] ?? empty })),
    criteria,
    practise: weakest?.name,
    history: record.ratingHistory ?? [],
    accent: main.colour,
  };
};

const wld = (t: Tally) => `${t.wins}W ${t.losses}L ${t.draws}D`;

const roundedRect = (ctx: SKRSContext2D, x: number, y: number, w: number, h: number, r: number) => {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
  ctx.fill();
};

/** A bar of wins (side colour), draws (grey) and losses (track) over the side's debates. */
const tallyBar = (ctx: SKRSContext2D, x: number, y: number, width: number, tally: Tally, colour: string) => {
  ctx.fillStyle = PALETTE.track;
  roundedRect(ctx, x, y, width, 10, 5);
  if (tally.debates === 0) return;
  const wins = (tally.wins / tally.debates) * width;
  const draws = (tally.draws / tally.debates) * width;
  ctx.fillStyle = colour;
  if (wins > 0) roundedRect(ctx, x, y, Math.max(wins, 10), 10, 5);
  ctx.fillStyle = PALETTE.draw;
  if (draws > 0) ctx.fillRect(x + wins, y, draws, 10);
};

/**
 * Draws the /stats rank card as a PNG: name, rating and rank, record by side in the sides'
 * colours, rubric averages as bars with the criterion to practise, and the season's rating history.
 */
export const drawRankCard = async (data: RankCardData): Promise<Buffer> => {
  ensureFonts();
  const { width, height } = RANK_CARD_SIZE;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const measure = (s: string) => ctx.measureText(s).width;

  ctx.fillStyle = PALETTE.background;
  roundedRect(ctx, 0, 0, width, height, 24);
  // The two sides' colours across the top: the debate the card is about.
  const [first, second] = data.sides;
  const band = ctx.createLinearGradient(0, 0, width, 0);
  band.addColorStop(0, first?.colour ?? data.accent);
  band.addColorStop(1, second?.colour ?? data.accent);
  ctx.fillStyle = band;
  ctx.fillRect(24, 0, width - 48, 6);

  // Header: name and season on the left, rating and rank on the right.
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'right';
  ctx.fillStyle = PALETTE.text;
  ctx.font = font(52, 700);
  ctx.fillText(String(data.rating), width - 32, 82);
  const ratingWidth = measure(String(data.rating));
  ctx.font = font(18);
  ctx.fillStyle = data.rank !== undefined && data.rank <= 3 ? PALETTE.gold : PALETTE.muted;
  ctx.fillText(
    data.rank !== undefined
      ? `Rank #${data.rank}`
      : data.provisionalLeft > 0
        ? `Provisional · ${data.provisionalLeft} more to rank`
        : 'Not listed',
    width - 32,
    110,
  );
  ctx.textAlign = 'left';
  ctx.fillStyle = PALETTE.text;
  ctx.font = font(34, 700);
  ctx.fillText(fitText(data.name, width - 96 - Math.max(ratingWidth, 220), measure), 32, 70);
  ctx.font = font(18);
  ctx.fillStyle = PALETTE.muted;
  ctx.fillText(`Season ${data.season} · ${wld(data.overall)} overall`, 32, 104);

  // Record by side.
  let y = 150;
  ctx.font = font(14, 700);
  ctx.fillStyle = PALETTE.muted;
  ctx.fillText('RECORD BY SIDE', 32, y);
  for (const side of data.sides) {
    y += 34;
    ctx.font = font(16, 700);
    ctx.fillStyle = side.colour;
    ctx.fillText(fitText(side.name, 220, measure), 32, y);
    ctx.font = font(16);
    ctx.fillStyle = PALETTE.text;
    ctx.textAlign = 'right';
    ctx.fillText(wld(side.tally), 370, y);
    ctx.textAlign = 'left';
    tallyBar(ctx, 32, y + 8, 338, side.tally, side.colour);
  }

  // Rubric averages as bars (1–5), the weakest named.
  y = 150;
  const left = 420;
  const barWidth = 348;
  ctx.font = font(14, 700);
  ctx.fillStyle = PALETTE.muted;
  ctx.fillText('RUBRIC AVERAGES', left, y);
  if (data.criteria.length === 0) {
    ctx.font = font(16);
    ctx.fillText('No scored speech yet', left, y + 34);
  }
  for (const criterion of data.criteria.slice(0, 4)) {
    y += 30;
    ctx.font = font(15);
    ctx.fillStyle = criterion.name === data.practise ? PALETTE.gold : PALETTE.text;
    ctx.fillText(fitText(criterion.name, barWidth - 50, measure), left, y);
    ctx.textAlign = 'right';
    ctx.fillText(criterion.average.toFixed(1), left + barWidth, y);
    ctx.textAlign = 'left';
    ctx.fillStyle = PALETTE.track;
    roundedRect(ctx, left, y + 6, barWidth, 8, 4);
    ctx.fillStyle = data.accent;
    roundedRect(ctx, left, y + 6, Math.max(8, (Math.min(criterion.average, 5) / 5) * barWidth), 8, 4);
  }
  if (data.practise) {
    ctx.font = font(15, 700);
    ctx.fillStyle = PALETTE.gold;
    ctx.fillText(fitText(`Practise next: ${data.practise}`, barWidth, measure), left, 300);
  }

  // The season's rating history.
  ctx.fillStyle = PALETTE.panel;
  roundedRect(ctx, 24, 318, width - 48, 138, 14);
  ctx.font = font(13, 700);
  ctx.fillStyle = PALETTE.muted;
  ctx.fillText(
    `RATING THIS SEASON · ${data.history.length} RATED DEBATE${data.history.length === 1 ? '' : 'S'}`,
    40,
    340,
  );
  drawRatingChart(ctx, { x: 36, y: 346, width: width - 72, height: 104 }, data.history, {
    line: data.accent,
    guide: PALETTE.guide,
    label: PALETTE.muted,
  });
  // Encoding is most of the cost: our own PNG writer, deflating on the thread pool.
  return encodePng(ctx.getImageData(0, 0, width, height).data, width, height);
};
