import type { Deck } from '../../content/deck.js';
import { html } from '../html.js';
import { day, layout } from './layout.js';

export interface RecentDebateRow {
  readonly motionId: string;
  readonly season: number;
  readonly winner: string;
  readonly at: number;
  /** Debater names by side id. */
  readonly sides: Readonly<Record<string, readonly string[]>>;
  readonly href: string | undefined;
}

const winnerText = (deck: Deck, winner: string) =>
  winner === 'draw' ? 'Draw' : `${deck.side(winner)?.name ?? winner} won`;

/** The server's recent rated debates, newest first, each linking to its transcript. */
export const recentDebatesPage = (deck: Deck, guildId: string, rows: readonly RecentDebateRow[]): string =>
  layout(
    { title: 'Recent debates', guildId, sides: deck.sides },
    html`<h1>Recent debates</h1>${
      rows.length > 0
        ? html`<table><thead><tr><th>Motion</th>${deck.sides.map((s) => html`<th style="color:${s.colour}">${s.name}</th>`)}<th>Result</th><th class="num">Date</th></tr></thead><tbody>${rows.map(
            (r) => {
              const motion = deck.motion(r.motionId)?.text ?? r.motionId;
              return html`<tr><td>${r.href ? html`<a href="${r.href}">${motion}</a>` : motion}</td>${deck.sides.map((s) => html`<td>${(r.sides[s.id] ?? []).join(', ')}</td>`)}<td>${winnerText(deck, r.winner)}</td><td class="num muted">${day(r.at)} · season ${r.season}</td></tr>`;
            },
          )}</tbody></table>`
        : html`<p class="muted">No rated debate yet.</p>`
    }`,
  );

/** One debate's transcript (the same Markdown as the Transcript button's file), as preformatted text. */
export const transcriptPage = (deck: Deck, guildId: string, motionId: string, markdown: string): string =>
  layout(
    { title: `Transcript: ${deck.motion(motionId)?.text ?? motionId}`, guildId, sides: deck.sides },
    html`<h1>Transcript</h1><pre class="transcript">${markdown}</pre>`,
  );
