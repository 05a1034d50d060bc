import type { Side } from '../../content/schemas.js';
import { PROVISIONAL_DEBATES } from '../../debate/ratings.js';
import type { LeaderboardPage } from '../../store/types.js';
import { html, query } from '../html.js';
import { layout, rankBadge, wld } from './layout.js';

/** How a page names and links members: a display name ("a member" when none is known) and a profile link. */
export interface People {
  name(userId: string): string;
  /** The member's profile path, or undefined when they have none to show. */
  profile(userId: string): string | undefined;
}

export interface LeaderboardView {
  readonly guildId: string;
  readonly sides: readonly Side[];
  readonly seasons: readonly number[];
  readonly season: number;
  readonly currentSeason: number;
  readonly side: Side | undefined;
  readonly board: LeaderboardPage;
  readonly people: People;
}

const person = (people: People, userId: string) => {
  const href = people.profile(userId);
  return href ? html`<a href="${href}">${people.name(userId)}</a>` : html`${people.name(userId)}`;
};

/** The server's leaderboard: ten a page with medals, filters by season and side, page links. */
export const leaderboardPage = (view: LeaderboardView): string => {
  const base = `/g/${view.guildId}`;
  const link = (params: { season?: number; side?: string; page?: number }) =>
    `${base}${query({
      season: params.season === view.currentSeason ? undefined : params.season,
      side: params.side,
      page: params.page === 1 ? undefined : params.page,
    })}`;
  const { board } = view;
  const sideTitle = view.side ? ` · best ${view.side.name} advocates` : '';
  const rows = board.entries.map((e) => {
    const tally = view.side ? e.record.bySide[view.side.id] : e.record.overall;
    return html`<tr><td class="num">${rankBadge(e.rank)}</td><td>${person(view.people, e.userId)}</td><td class="num">${e.rating}</td><td class="num">${wld(tally)}</td></tr>`;
  });
  const body = html`<h1>Leaderboard · season ${view.season}${sideTitle}</h1>
<div class="chips" aria-label="Side">${[
    html`<a class="${view.side ? '' : 'on'}" href="${link({ season: view.season })}">All sides</a>`,
    ...view.sides.map(
      (s) =>
        html`<a class="${view.side?.id === s.id ? 'on' : ''}" style="color:${s.colour}" href="${link({ season: view.season, side: s.id })}">${s.name}</a>`,
    ),
  ]}</div>
<div class="chips" aria-label="Season">${view.seasons.map(
    (n) =>
      html`<a class="${n === view.season ? 'on' : ''}" href="${link({ season: n, side: view.side?.id })}">Season ${n}</a>`,
  )}</div>
${
  rows.length > 0
    ? html`<table><thead><tr><th class="num">Rank</th><th>Member</th><th class="num">Rating</th><th class="num">Record</th></tr></thead><tbody>${rows}</tbody></table>`
    : html`<p class="muted">Nobody is ranked yet: members are ranked after ${PROVISIONAL_DEBATES} rated debates.</p>`
}
<div class="pager"><span>${
    board.page > 1
      ? html`<a rel="prev" href="${link({ season: view.season, side: view.side?.id, page: board.page - 1 })}">◀ Previous</a>`
      : ''
  }</span><span class="muted">Page ${board.page} of ${board.pages} · ${board.total} ranked</span><span>${
    board.page < board.pages
      ? html`<a rel="next" href="${link({ season: view.season, side: view.side?.id, page: board.page + 1 })}">Next ▶</a>`
      : ''
  }</span></div>
${
  board.provisional.length > 0
    ? html`<h2>Not ranked yet</h2><p class="muted">${board.provisional.map(
        (p, i) =>
          html`${i > 0 ? ' · ' : ''}${person(view.people, p.userId)} ${p.debates}/${PROVISIONAL_DEBATES}`,
      )}</p>`
    : ''
}`;
  return layout(
    { title: `Leaderboard, season ${view.season}`, guildId: view.guildId, sides: view.sides },
    body,
  );
};
