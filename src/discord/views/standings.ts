import { ButtonStyle } from 'discord.js';
import type { Deck } from '../../content/deck.js';
import type { PlayerRecord, Tally } from '../../debate/player-record.js';
import { displayRating, isProvisional, PROVISIONAL_DEBATES, ratingParts } from '../../debate/ratings.js';
import type { PracticeRecord } from '../../store/practice-repository.js';
import type { LeaderboardPage } from '../../store/types.js';
import { customId } from '../custom-id.js';
import { mention, pingNobody, sideLabel, timestamp, truncate } from './format.js';
import { practiceField, withPractice } from './practice-stats.js';
import { ratingExplanation } from './rating.js';
import { button, row, type View } from './view.js';

const MEDALS = ['🥇', '🥈', '🥉'];
const wld = (t: Tally | undefined) => `${t?.wins ?? 0}W ${t?.losses ?? 0}L ${t?.draws ?? 0}D`;

/** Ten a page, medals for the top three, page buttons that keep working after a restart. */
export const leaderboardView = (
  deck: Deck,
  board: LeaderboardPage,
  where: { guildId: string; season: number; side: string | undefined },
): View => {
  const title = `🏆 Leaderboard · season ${where.season}${where.side ? ` · best ${sideLabel(deck, where.side)} advocates` : ''}`;
  const lines = board.entries.map((e) => {
    const badge = MEDALS[e.rank - 1] ?? `**${e.rank}.**`;
    const tally = where.side ? e.record.bySide[where.side] : e.record.overall;
    return `${badge} ${mention(e.userId)} · **${e.rating}** · ${wld(tally)}`;
  });
  const sideToken = where.side ?? 'all';
  return {
    embeds: [
      {
        title,
        description: truncate(
          [
            lines.length > 0
              ? lines.join('\n')
              : `Nobody is ranked yet: players are ranked after ${PROVISIONAL_DEBATES} rated debates.`,
            ...(where.side === undefined && board.provisional.length > 0
              ? [
                  '',
                  `Not ranked yet (provisional): ${board.provisional
                    .map((p) => `${mention(p.userId)} ${p.debates}/${PROVISIONAL_DEBATES}`)
                    .join(' · ')}`,
                ]
              : []),
          ].join('\n'),
          4096,
        ),
        color: 0xf1c40f,
        footer: { text: `Page ${board.page} of ${Math.max(1, board.pages)} · ${board.total} ranked` },
      },
    ],
    components:
      board.pages > 1
        ? [
            row(
              button(
                customId('board', where.guildId, where.season, sideToken, Math.max(1, board.page - 1)),
                '◀ Previous',
                ButtonStyle.Secondary,
                {
                  disabled: board.page <= 1,
                },
              ),
              button(
                customId(
                  'board',
                  where.guildId,
                  where.season,
                  sideToken,
                  Math.min(board.pages, board.page + 1),
                ),
                'Next ▶',
                ButtonStyle.Secondary,
                {
                  disabled: board.page >= board.pages,
                },
              ),
            ),
          ]
        : [],
    allowedMentions: pingNobody,
  };
};

/** /stats: rating and rank, record overall and by side, rubric averages, the weakest criterion, recent debates. */
export const statsView = (
  deck: Deck,
  userId: string,
  season: number,
  record: PlayerRecord | undefined,
  rank: number | undefined,
  /** The rank card (PNG), when the server shows images; the text below says the same for screen readers. */
  card?: Buffer,
  practice?: PracticeRecord,
): View => {
  if (!record)
    return {
      content: `${mention(userId)} has no rated debate in season ${season} yet.`,
      ...(practiceField(practice).length > 0
        ? { embeds: [{ title: 'Stats', color: 0x5865f2, fields: practiceField(practice) }] }
        : {}),
      allowedMentions: pingNobody,
    };
  const criteria = withPractice(deck, record.criteria, practice);
  const provisional = isProvisional(record.overall.debates);
  const averages = deck.rubric
    .map((c) => {
      const sum = criteria[c.id];
      return sum && sum.count > 0 ? { name: c.name, avg: sum.sum / sum.count } : undefined;
    })
    .filter((a) => a !== undefined);
  const weakest = [...averages].sort((a, b) => a.avg - b.avg)[0];
  const rankText = provisional
    ? `provisional (${PROVISIONAL_DEBATES - record.overall.debates} more rated debate${PROVISIONAL_DEBATES - record.overall.debates === 1 ? '' : 's'} to be ranked)`
    : rank
      ? `rank **${rank}**`
      : 'not listed';
  const recent = record.recent.map((r) => {
    const icon = r.outcome === 'win' ? '✅' : r.outcome === 'loss' ? '❌' : '🤝';
    return `${icon} ${r.motionId} as ${sideLabel(deck, r.side)} · ${r.total.toFixed(1)} · ${r.ratingChange >= 0 ? '+' : ''}${r.ratingChange} · ${timestamp(r.at)}`;
  });
  return {
    embeds: [
      {
        title: truncate(`Stats · season ${season}`, 256),
        description: `${mention(userId)} · rating **${displayRating(record.rating)}** · ${rankText}`,
        color: 0x5865f2,
        ...(card ? { image: { url: `attachment://${RANK_CARD_FILE}` } } : {}),
        fields: [
          { name: 'Overall', value: wld(record.overall), inline: true },
          ...deck.sides.map((s) => ({
            name: sideLabel(deck, s.id),
            value: wld(record.bySide[s.id]),
            inline: true,
          })),
          {
            name: 'Rubric averages',
            value:
              averages.length > 0 ? averages.map((a) => `${a.name} ${a.avg.toFixed(1)}`).join(' · ') : '—',
          },
          ...(weakest
            ? [{ name: 'Practise next', value: `${weakest.name} (${weakest.avg.toFixed(1)} on average)` }]
            : []),
          { name: 'Last debates', value: truncate(recent.join('\n') || '—', 1024) },
          {
            name: 'How the rating is made',
            value: truncate(ratingExplanation(ratingParts(record.rating)), 1024),
          },
          ...practiceField(practice),
        ],
      },
    ],
    ...(card
      ? {
          files: [
            {
              attachment: card,
              name: RANK_CARD_FILE,
              description: truncate(
                `Rank card, season ${season}: rating ${displayRating(record.rating)}, ${rankText.replaceAll('**', '')}, ${wld(record.overall)}${weakest ? `, practise ${weakest.name}` : ''}; a chart of the rating over ${record.ratingHistory?.length ?? 0} rated debates.`,
                1024,
              ),
            },
          ],
        }
      : {}),
    allowedMentions: pingNobody,
  };
};

export const RANK_CARD_FILE = 'rank-card.png';
