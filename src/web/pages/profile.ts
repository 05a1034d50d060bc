import type { Deck } from '../../content/deck.js';
import type { PlayerRecord } from '../../debate/player-record.js';
import { displayRating, isProvisional, PROVISIONAL_DEBATES } from '../../debate/ratings.js';
import { rubricAverages } from '../../images/rank-card.js';
import { html, query } from '../html.js';
import { ratingChartSvg } from './chart.js';
import { day, layout, wld } from './layout.js';

export interface ProfileView {
  readonly guildId: string;
  readonly name: string;
  /** This profile's path, without a query. */
  readonly path: string;
  readonly seasons: readonly number[];
  readonly season: number;
  readonly currentSeason: number;
  readonly record: PlayerRecord;
  readonly rank: number | undefined;
  /** The transcript path of a debate, when it can be linked. */
  readonly debateLink: (debateId: string) => string | undefined;
}

/** A member's public profile: rating, rank, record by side, rubric averages, the season's rating chart. */
export const profilePage = (deck: Deck, view: ProfileView): string => {
  const { record } = view;
  const { criteria, weakest } = rubricAverages(deck, record);
  const main =
    [...deck.sides].sort(
      (a, b) => (record.bySide[b.id]?.debates ?? 0) - (record.bySide[a.id]?.debates ?? 0),
    )[0] ?? deck.sides[0];
  const standing = isProvisional(record.overall.debates)
    ? `provisional: ${PROVISIONAL_DEBATES - record.overall.debates} more rated debate(s) to be ranked`
    : view.rank
      ? `rank ${view.rank}`
      : 'not ranked';
  const body = html`<h1>${view.name}</h1>
<p><span class="rating">${displayRating(record.rating)}</span> <span class="muted">· ${standing} · season ${view.season}</span></p>
<div class="chips" aria-label="Season">${view.seasons.map(
    (n) =>
      html`<a class="${n === view.season ? 'on' : ''}" href="${view.path}${query({ season: n === view.currentSeason ? undefined : n })}">Season ${n}</a>`,
  )}</div>
<h2>Rating this season</h2>${ratingChartSvg(record.ratingHistory ?? [], main.colour)}
<div class="grid"><div class="card"><h2>Record</h2><p>Overall ${wld(record.overall)}</p>${deck.sides.map(
    (s) => html`<p><span style="color:${s.colour}">${s.name}</span> ${wld(record.bySide[s.id])}</p>`,
  )}</div><div class="card"><h2>Rubric averages</h2>${
    criteria.length > 0
      ? criteria.map(
          (c) =>
            html`<p>${c.name} <span class="muted">${c.average.toFixed(1)} / 5</span></p><div class="bar"><span style="width:${Math.round((Math.min(c.average, 5) / 5) * 100)}%;background:${main.colour}"></span></div>`,
        )
      : html`<p class="muted">No scored speech yet.</p>`
  }${weakest ? html`<p><strong>Practise next:</strong> ${weakest.name}</p>` : ''}</div></div>
<h2>Last debates</h2>${
    record.recent.length > 0
      ? html`<table><tbody>${record.recent.map((r) => {
          const href = view.debateLink(r.debateId);
          const motion = deck.motion(r.motionId)?.text ?? r.motionId;
          return html`<tr><td>${r.outcome === 'win' ? 'Won' : r.outcome === 'loss' ? 'Lost' : 'Drew'}</td><td>${href ? html`<a href="${href}">${motion}</a>` : motion}</td><td>${deck.side(r.side)?.name ?? r.side}</td><td class="num">${r.ratingChange >= 0 ? '+' : ''}${r.ratingChange}</td><td class="num muted">${day(r.at)}</td></tr>`;
        })}</tbody></table>`
      : html`<p class="muted">None yet.</p>`
  }`;
  return layout({ title: view.name, guildId: view.guildId, sides: deck.sides }, body);
};
