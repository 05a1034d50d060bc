import { type MotionTally, motionBalance } from '../debate/motion-stats.js';
import type { Deck } from './deck.js';
import { onTopicBySide, onTopicNeeded } from './topic.js';

/** One motion in the audit: its on-topic cards per side and, once debates exist, its side balance. */
export interface AuditRow {
  readonly motionId: string;
  readonly affirms: string;
  readonly onTopic: Readonly<Record<string, number>>;
  /** A side has fewer on-topic cards than hands need. */
  readonly short: boolean;
  readonly tally?: MotionTally;
}

export const auditRows = (deck: Deck, tallies?: Readonly<Record<string, MotionTally>>): AuditRow[] => {
  const needed = onTopicNeeded(deck.formats);
  const sideIds = deck.sides.map((s) => s.id);
  return deck.motions.map((motion) => {
    const onTopic = onTopicBySide(deck.cards, motion, sideIds);
    const tally = tallies?.[motion.id];
    return {
      motionId: motion.id,
      affirms: motion.affirms,
      onTopic,
      short: Object.values(onTopic).some((n) => n < needed),
      ...(tally ? { tally } : {}),
    };
  });
};

const pad = (cells: readonly string[], widths: readonly number[]) =>
  cells
    .map((cell, i) => cell.padEnd(widths[i] ?? 0))
    .join('  ')
    .trimEnd();

/** The rows as a plain-text table; the balance columns only when there are tallies to show. */
export const renderAudit = (deck: Deck, rows: readonly AuditRow[], withTallies: boolean): string => {
  const [a, b] = deck.sides.map((s) => s.id) as [string, string];
  const needed = onTopicNeeded(deck.formats);
  const header = ['motion', 'affirms', `on-topic ${a}`, `on-topic ${b}`, 'cards'];
  if (withTallies) header.push(`${a} wins`, `${b} wins`, 'draws', 'χ²', 'p', 'balance');
  const body = rows.map((row) => {
    const cells = [
      row.motionId,
      row.affirms,
      String(row.onTopic[a] ?? 0),
      String(row.onTopic[b] ?? 0),
      row.short ? `SHORT (needs ${needed} a side)` : 'ok',
    ];
    if (withTallies) {
      const tally = row.tally ?? { wins: {}, draws: 0 };
      const balance = motionBalance(tally, [a, b]);
      const share = (side: string) => {
        const wins = tally.wins[side] ?? 0;
        return balance.decided === 0
          ? String(wins)
          : `${wins} (${Math.round((100 * wins) / balance.decided)}%)`;
      };
      cells.push(
        share(a),
        share(b),
        String(tally.draws),
        balance.decided === 0 ? '-' : balance.chiSquare.toFixed(2),
        balance.decided === 0 ? '-' : balance.pValue.toFixed(3),
        balance.tooFew ? 'too few results' : balance.oneSided ? `one-sided: ${balance.favours}` : 'fair',
      );
    }
    return cells;
  });
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((cells) => (cells[i] ?? '').length)));
  return [
    pad(header, widths),
    pad(
      widths.map((w) => '-'.repeat(w)),
      widths,
    ),
    ...body.map((c) => pad(c, widths)),
  ].join('\n');
};
