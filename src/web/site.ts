import type { Deck } from '../content/deck.js';
import type { Debate } from '../debate/types.js';
import { transcriptMarkdown } from '../discord/views/transcript.js';
import type { Store } from '../store/types.js';
import type { Handles } from './handles.js';
import type { RecentDebateRow } from './pages/debates.js';
import type { People } from './pages/leaderboard.js';

/** What a member without a known display name, or one who opted out, is called on the site. */
export const UNKNOWN_MEMBER = 'a member';
const RECENT_SHOWN = 20;

export interface OpenGuild {
  readonly guildId: string;
  readonly seasons: readonly number[];
  readonly current: number;
}

/**
 * The site's reads, over the store's repositories: only servers that opted in, only members who
 * did not opt out, display names only, ids only as handles.
 */
export class Site {
  constructor(
    private readonly store: Store,
    private readonly deck: Deck,
    private readonly handles: Handles,
  ) {}

  /** The server, when it exists for the site (turned on with /config set web on); otherwise undefined. */
  async guild(guildId: string): Promise<OpenGuild | undefined> {
    if (!/^\d{15,21}$/.test(guildId)) return undefined;
    const config = await this.store.guilds.config(guildId);
    if (!config.web) return undefined;
    const seasons = (await this.store.guilds.seasons(guildId)).map((s) => s.number);
    return { guildId, seasons, current: seasons.at(-1) ?? 1 };
  }

  memberPath(guildId: string, userId: string): string | undefined {
    const handle = this.handles.seal('member', guildId, userId);
    return handle && `/g/${guildId}/members/${handle}`;
  }

  debatePath(guildId: string, debateId: string): string | undefined {
    const handle = this.handles.seal('debate', guildId, debateId);
    return handle && `/g/${guildId}/debates/${handle}`;
  }

  /** Names and profile links for members listed on the leaderboard (never opted out). */
  async people(guildId: string, userIds: readonly string[]): Promise<People> {
    const names = await this.store.players.displayNames(guildId, userIds);
    return {
      name: (id) => names.get(id) ?? UNKNOWN_MEMBER,
      profile: (id) => this.memberPath(guildId, id),
    };
  }

  /** Names of anyone in these debates; members who opted out are "a member". */
  async namesIn(guildId: string, userIds: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(userIds)];
    const [names, optedOut] = await Promise.all([
      this.store.players.displayNames(guildId, unique),
      Promise.all(unique.map((id) => this.store.players.isOptedOut(guildId, id))),
    ]);
    return new Map(
      unique.map((id, i) => [id, optedOut[i] ? UNKNOWN_MEMBER : (names.get(id) ?? UNKNOWN_MEMBER)]),
    );
  }

  /** A member's record for a season, unless they opted out or have none. */
  async member(guildId: string, handle: string, season: number) {
    const userId = this.handles.open('member', guildId, handle);
    if (!userId || (await this.store.players.isOptedOut(guildId, userId))) return undefined;
    const [record, rank, names] = await Promise.all([
      this.store.players.get(guildId, season, userId),
      this.store.players.rank(guildId, season, userId),
      this.store.players.displayNames(guildId, [userId]),
    ]);
    return record ? { userId, record, rank, name: names.get(userId) ?? UNKNOWN_MEMBER } : undefined;
  }

  async recentDebates(guildId: string): Promise<RecentDebateRow[]> {
    const index = (await this.store.players.recentDebates(guildId)).slice(0, RECENT_SHOWN);
    const debates = await Promise.all(index.map((d) => this.store.debates.get(d.debateId)));
    const names = await this.namesIn(
      guildId,
      debates.flatMap((d) => d?.state.debaters.map((x) => x.userId) ?? []),
    );
    return index.map((entry, i) => {
      const state = debates[i]?.state;
      const sides = Object.fromEntries(
        this.deck.sides.map((side) => [
          side.id,
          (state?.debaters ?? [])
            .filter((d) => d.side === side.id)
            .map((d) => names.get(d.userId) ?? UNKNOWN_MEMBER),
        ]),
      );
      return { ...entry, sides, href: state ? this.debatePath(guildId, entry.debateId) : undefined };
    });
  }

  /** A finished debate of this server, as its transcript in Markdown without ids. */
  async transcript(
    guildId: string,
    handle: string,
  ): Promise<{ state: Debate; markdown: string } | undefined> {
    const debateId = this.handles.open('debate', guildId, handle);
    const stored = debateId ? await this.store.debates.get(debateId) : undefined;
    if (!stored || stored.state.guildId !== guildId || stored.state.phase !== 'done') return undefined;
    const { state } = stored;
    const names = await this.namesIn(guildId, [
      ...state.debaters.map((d) => d.userId),
      ...state.judges,
      state.hostId,
    ]);
    const markdown = transcriptMarkdown(this.deck, state, names)
      // The file's first line names the debate by its id (a Discord id): the page does not.
      .replace(/^# Steelman debate .*$/m, '# Steelman debate');
    return { state, markdown };
  }
}
