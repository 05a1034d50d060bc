import {
  ChannelType,
  InteractionContextType,
  ApplicationCommandOptionType as Option,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { sideOption } from '../options.js';

/** The subcommands, named once: the handler table must cover exactly these. */
export const DEBATE_SUBCOMMANDS = [
  'start',
  'join',
  'leave',
  'judge',
  'begin',
  'speak',
  'done',
  'forfeit',
  'status',
  'cancel',
  'pause',
  'resume',
  'extend',
  'replace',
  'history',
  'transcript',
  'remind',
  'mine',
] as const;
export type DebateSubcommand = (typeof DEBATE_SUBCOMMANDS)[number];

const side = sideOption('Your side, or auto: the side you have argued less often here');

const plain = (name: DebateSubcommand, description: string) => ({
  type: Option.Subcommand as const,
  name,
  description,
});

export const debateDefinition = {
  name: 'debate',
  description: 'Run a structured debate in this channel',
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: Option.Subcommand,
      name: 'start' satisfies DebateSubcommand,
      description: 'Open a debate lobby in this channel',
      options: [
        {
          type: Option.String,
          name: 'motion',
          description: 'The motion (random when left out)',
          autocomplete: true,
        },
        {
          type: Option.String,
          name: 'format',
          description: 'quick, standard, lincoln-douglas, team…',
          autocomplete: true,
        },
        {
          type: Option.String,
          name: 'mode',
          description: 'text: written speeches; live: speak in voice, the bot keeps time',
          choices: [
            { name: 'text', value: 'text' },
            { name: 'live', value: 'live' },
          ],
        },
        {
          type: Option.String,
          name: 'size',
          description: 'Debaters per side',
          choices: [
            { name: '1v1', value: '1v1' },
            { name: '2v2', value: '2v2' },
          ],
        },
        {
          type: Option.Channel,
          name: 'voice',
          description: 'Live mode: the voice channel to meet in',
          channel_types: [ChannelType.GuildVoice, ChannelType.GuildStageVoice],
        },
        {
          type: Option.String,
          name: 'judging',
          description: 'auto: judges if any joined, else the rubric; community: members vote with reasons',
          choices: [
            { name: 'auto', value: 'auto' },
            { name: 'community', value: 'community' },
          ],
        },
      ],
    },
    {
      type: Option.Subcommand,
      name: 'join' satisfies DebateSubcommand,
      description: 'Join the debate as a debater',
      options: [side],
    },
    plain('leave', 'Leave the lobby (once begun, use forfeit)'),
    plain('judge', 'Join the debate as a judge'),
    plain('begin', 'Begin the debate (host) once both sides are full'),
    plain('speak', 'Open the speech form on your turn (text mode)'),
    plain('done', 'End your turn early (live mode, or pass)'),
    plain('forfeit', 'Concede: the other side wins'),
    plain('status', 'Where this channel’s debate stands'),
    plain(
      'cancel',
      'Cancel the debate, unrated: in the lobby the host; after Begin a non-debating moderator',
    ),
    plain('pause', 'Pause the clock (host or Manage Server)'),
    plain('resume', 'Resume the clock; the deadline moves by the pause (host or Manage Server)'),
    {
      type: Option.Subcommand,
      name: 'extend' satisfies DebateSubcommand,
      description: 'Give the current speaker extra time (host or Manage Server)',
      options: [
        {
          type: Option.Integer,
          name: 'seconds',
          description: 'Seconds to add to the speech (1–600)',
          required: true,
          min_value: 1,
          max_value: 600,
        },
      ],
    },
    {
      type: Option.Subcommand,
      name: 'replace' satisfies DebateSubcommand,
      description: 'Open a departed debater’s seat for someone else (host or Manage Server)',
      options: [
        {
          type: Option.User,
          name: 'user',
          description: 'The debater who left',
          required: true,
        },
      ],
    },
    {
      type: Option.Subcommand,
      name: 'history' satisfies DebateSubcommand,
      description: 'Past debates of this server (or of one member), with results and links',
      options: [
        { type: Option.User, name: 'user', description: 'Only the debates this member argued' },
        { type: Option.Integer, name: 'page', description: 'Page number', min_value: 1 },
      ],
    },
    {
      type: Option.Subcommand,
      name: 'transcript' satisfies DebateSubcommand,
      description: 'The transcript file of any past debate of this server',
      options: [
        {
          type: Option.String,
          name: 'id',
          description: 'The debate (autocomplete: recent debates)',
          required: true,
          autocomplete: true,
        },
      ],
    },
    plain('mine', 'Your debates under way here: whose turn it is and the deadline'),
    {
      type: Option.Subcommand,
      name: 'remind' satisfies DebateSubcommand,
      description: 'Where your turn reminders go in correspondence debates',
      options: [
        {
          type: Option.String,
          name: 'where',
          description: 'dm: a direct message; channel: a mention in the debate channel; off: no ping',
          required: true,
          choices: [
            { name: 'dm', value: 'dm' },
            { name: 'channel', value: 'channel' },
            { name: 'off', value: 'off' },
          ],
        },
      ],
    },
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
