import type { Deck } from '../../content/deck.js';
import { graceKey } from '../../debate/grace.js';
import { PROVISIONAL_DEBATES } from '../../debate/ratings.js';
import type { Debate } from '../../debate/types.js';
import type { GuildConfig, Season } from '../../store/types.js';
import { TEXT } from '../text.js';
import { controlLines } from './controls.js';
import {
  deadline,
  duration,
  kindLabel,
  mention,
  pingNobody,
  sideLabel,
  timestamp,
  truncate,
} from './format.js';
import { pointLines } from './points.js';
import { ratingExplanation } from './rating.js';
import type { View } from './view.js';

/** /rubric: printed from data/rubric.json, so what players read is what the code does. */
export const rubricView = (deck: Deck): View => ({
  embeds: [
    {
      title: 'The rubric',
      description: truncate(
        'Each criterion is scored 1–5. A debater’s total is Σ weight × (score − 1) ÷ 4, to one decimal, so all 1s is 0 and all 5s is 100. ' +
          'Argument and Rebuttal are scored speech by speech and your score is the mean of your speeches, to one decimal (a missed speech counts 1); ' +
          'Evidence counts each card once across your speeches; Discipline counts the speeches that came in. ' +
          'A side’s total is its debaters’ mean; the higher side wins and equal totals draw. With judges, each judge scores ' +
          'the judged criteria and names a winner (no low-point wins); the judges’ majority decides, and the automatic scores ' +
          'are shown as coaching notes. Without judges the automatic scores decide (text mode). ' +
          'The automatic rubric reads each speech with a language model (sentences, lemmas, parts of speech, negation) and quotes you in every reason.',
        4096,
      ),
      color: 0x5865f2,
      // Two fields a criterion: what it asks and how it is scored, then what each point means (a field holds 1,024 characters).
      fields: deck.rubric
        .flatMap((c) => [
          {
            name: `${c.name} · weight ${c.weight} · ${c.judgedBy === 'judges' ? 'judges' : 'automatic'}`,
            value: truncate(`${c.description}\n**Automatic:** ${c.automatic}`, 1024),
          },
          {
            name: `${c.name}: the levels`,
            value: truncate(c.levels.map((l) => `**${l.score}** ${l.means}`).join('\n'), 1024),
          },
        ])
        .concat([{ name: 'Ratings', value: truncate(ratingExplanation(), 1024) }])
        .slice(0, 25),
    },
  ],
  allowedMentions: pingNobody,
});

export const helpView = (deck: Deck): View => ({
  embeds: [
    {
      title: 'Steelman: how to play',
      description: truncate(
        [
          `**The question:** ${deck.sides.map((s) => `${s.emoji} **${s.name}**: ${s.thesis}`).join('\n')}`,
          '',
          '**1. Lobby.** `/debate start` opens a lobby with a motion (or a random one). Join a side with the buttons or `/debate join`; `/debate judge` to judge. The host presses Begin when both sides are full.',
          '**Threads.** On Begin the debate moves into a thread of its own, started from the lobby card: its turns, speeches and result are there, and `/debate` commands typed there act on it. The channel is free for the next lobby and gets the result in brief. Where the bot may not make threads (or `/config set threads off`), the debate stays in the channel.',
          '**2. Prep.** Each debater gets a private hand of evidence cards: **My hand** or `/evidence hand`. Press Ready to start early.',
          '**3. Speeches.** On your turn press **Speak** (or `/debate speak`) and write your speech, citing cards like `[L07]`. The deadline counts down in the turn message; a form opened before it is still accepted for a short grace after it (20 s unless the format says otherwise). Live mode: speak in voice and press **Done**. Only the live turn has buttons. **Pass**, `/debate forfeit`, `/debate cancel` after Begin and `/season new` ask you to confirm first.',
          '**4. Judging.** Judges fill a ballot for every debater on the rubric (`/rubric`) and name a winner or a draw; they may add a reason for decision and a note to each debater, shown on the result card and in full in the transcript. No judges: the automatic rubric decides.',
          '**5. Result.** Scores per criterion with reasons that quote you, coaching on every speech (strongest and weakest part, the point you left unanswered and the card that answers it), rating changes, and a transcript. Climb `/leaderboard` (page buttons answer you privately); see `/stats` for what to practise; `/debate history` and `/debate transcript` find past debates.',
          '**Alone?** `/practice start [level]` (novice, club, champion): Steelman argues the other side from its own cards, quotes your claims and answers them. Not rated; `/practice stop` ends it.',
          '**Correspondence.** Formats `correspondence` (24 h a speech) and `weekend` (12 h) run over days: speeches up to 10,000 characters, reminders before each deadline (`/debate remind dm|channel|off`), `/debate mine` for your debates under way, and `judging:community` for a vote with reasons.',
          '',
          '**Host controls.** `/debate pause` and `/debate resume` stop and restart the clock (the deadline moves by the pause); `/debate extend <seconds>` gives the speaker extra time; `/debate replace <user>` opens a departed debater’s seat for someone to join. Live mode: `/debate start voice:` names the voice channel; formats with a prep pool (Lincoln-Douglas: 4 min a side) have **Take prep** on the turn card; formats with protected time (parliamentary) have **Point of information** for the other side outside the first and last minute.',
          '**Research:** `/evidence search`, `/evidence show`, `/motion list`, `/motion stats`. **Moderators:** `/config`, `/season new`, `/debate cancel` (in the lobby the host may cancel too; after Begin only a moderator who is not debating, so a result cannot be cancelled away).',
        ].join('\n'),
        4096,
      ),
      color: 0x5865f2,
      footer: { text: `Ratings: Weng-Lin (openskill); ranked after ${PROVISIONAL_DEBATES} rated debates.` },
    },
  ],
  allowedMentions: pingNobody,
});

/** /debate status: phase, turn, speaker and time left. */
export const statusView = (deck: Deck, state: Debate): View => {
  const slot = state.slots[state.turn];
  const lines = [`**${deck.motion(state.motionId)?.text ?? state.motionId}**`];
  switch (state.phase) {
    case 'lobby':
      lines.push(
        `Lobby: ${state.debaters.length} debater(s), ${state.judges.length} judge(s). Closes ${timestamp(state.timer?.at ?? 0)} unless the host begins it.`,
      );
      break;
    case 'prep':
      lines.push(
        state.paused
          ? 'Prep: the clock is stopped.'
          : `Prep: the first speech starts ${timestamp(state.timer?.at ?? 0)}.`,
      );
      break;
    case 'speaking':
      if (slot)
        lines.push(
          `Turn ${state.turn + 1} of ${state.slots.length}: ${mention(slot.userId)} · ${sideLabel(deck, slot.side)} · ${kindLabel(slot.kind)} (${duration(slot.seconds)}), ${state.paused ? 'clock stopped' : `ends ${deadline(state.turnEndsAt ?? 0, slot.seconds)}`}.`,
        );
      // Held past the deadline for a speech form opened in time (src/debate/grace.ts).
      if (slot && state.timer?.key === graceKey(state.turn))
        lines.push(TEXT.graceHeld(mention(slot.userId), timestamp(state.timer.at)));
      break;
    case 'judging':
      lines.push(
        `Judging: ${Object.keys(state.ballots).length} of ${state.judges.length} ballots in; closes ${timestamp(state.timer?.at ?? 0)}.`,
      );
      break;
    case 'done':
      lines.push('Finished.');
      break;
    case 'cancelled':
      lines.push('Cancelled.');
      break;
  }
  lines.push(...controlLines(deck, state), ...pointLines(deck, state));
  lines.push(
    ...deck.sides.map(
      (s) =>
        `${sideLabel(deck, s.id)}: ${
          state.debaters
            .filter((d) => d.side === s.id)
            .map((d) => mention(d.userId))
            .join(', ') || '—'
        }`,
    ),
  );
  return {
    embeds: [{ title: `Debate status · ${state.phase}`, description: truncate(lines.join('\n'), 4096) }],
    allowedMentions: pingNobody,
  };
};

export const configView = (config: GuildConfig, season: Season): View => ({
  embeds: [
    {
      title: 'Server settings',
      fields: [
        { name: 'default-format', value: config.defaultFormat ?? 'standard', inline: true },
        {
          name: 'judge-role',
          value: config.judgeRoleId ? `<@&${config.judgeRoleId}>` : 'anyone may judge',
          inline: true,
        },
        {
          name: 'debate-channels',
          value:
            config.debateChannels.length > 0
              ? config.debateChannels.map((id) => `<#${id}>`).join(' ')
              : 'any channel',
          inline: true,
        },
        { name: 'lobby-minutes', value: String(config.lobbyMinutes), inline: true },
        { name: 'leaderboard', value: config.leaderboard ? 'on' : 'off', inline: true },
        { name: 'images', value: config.images ? 'on (rank cards)' : 'off (text only)', inline: true },
        { name: 'result-image', value: config.resultImage ? 'on' : 'off', inline: true },
        { name: 'web', value: config.web ? 'on (web leaderboard)' : 'off', inline: true },
        { name: 'practice', value: config.practice ? 'on (/practice)' : 'off', inline: true },
        {
          name: 'threads',
          value: config.threads ? 'on (a thread per debate)' : 'off (debates run in the channel)',
          inline: true,
        },
        {
          name: 'vote-role',
          value: config.voteRoleId ? `<@&${config.voteRoleId}>` : 'any member who did not debate',
          inline: true,
        },
        {
          name: 'season',
          value: `${season.number}, since ${timestamp(season.startedAt, 'f')}`,
          inline: true,
        },
      ],
      footer: { text: '/config set <key> <value> · /season new' },
    },
  ],
  allowedMentions: pingNobody,
});
