import type { Deck } from '../../content/deck.js';
import { type MotionTally, motionBalance } from '../../debate/motion-stats.js';
import { html } from '../html.js';
import { layout } from './layout.js';

/** How often each side wins each motion, and whether a motion looks one-sided (as /motion stats). */
export const motionsPage = (
  deck: Deck,
  guildId: string,
  tallies: Readonly<Record<string, MotionTally>>,
): string => {
  const sideIds = [deck.sides[0].id, deck.sides[1].id] as const;
  const rows = deck.motions.map((m) => {
    const tally = tallies[m.id] ?? { wins: {}, draws: 0 };
    const balance = motionBalance(tally, sideIds);
    const verdict = balance.tooFew
      ? 'too few debates to tell'
      : balance.oneSided
        ? `looks one-sided (favours ${deck.side(balance.favours ?? '')?.name ?? balance.favours}, p = ${balance.pValue.toFixed(3)})`
        : `balanced (p = ${balance.pValue.toFixed(2)})`;
    return html`<tr><td>${m.text}</td>${deck.sides.map((s) => html`<td class="num">${tally.wins[s.id] ?? 0}</td>`)}<td class="num">${tally.draws}</td><td class="muted">${verdict}</td></tr>`;
  });
  return layout(
    { title: 'Motions', guildId, sides: deck.sides },
    html`<h1>Motions</h1><table><thead><tr><th>Motion</th>${deck.sides.map((s) => html`<th class="num" style="color:${s.colour}">${s.name} wins</th>`)}<th class="num">Draws</th><th>Balance</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
};
