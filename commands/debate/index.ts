import type { ChatInputCommandInteraction } from 'discord.js';
import type { AppContext } from '../../src/context.js';
import type { Command } from '../../src/discord/command.js';
import { autocompleteDebate } from './autocomplete.js';
import { DEBATE_SUBCOMMANDS, type DebateSubcommand, debateDefinition } from './definition.js';
import { history, transcript } from './history.js';
import { extend, pause, replace, resume } from './host-controls.js';
import { mine } from './mine.js';
import { begin, cancel, done, forfeit, join, judge, leave, speak, status } from './moves.js';
import { remind } from './remind.js';
import { start } from './start.js';

type Handler = (interaction: ChatInputCommandInteraction, ctx: AppContext) => Promise<void>;

const handlers: Record<DebateSubcommand, Handler> = {
  start,
  join,
  leave,
  judge,
  begin,
  speak,
  done,
  forfeit,
  status,
  cancel,
  history,
  transcript,
  pause,
  resume,
  extend,
  replace,
  remind,
  mine,
};

export default {
  data: debateDefinition,
  async execute(interaction, ctx) {
    const sub = interaction.options.getSubcommand();
    const handler = (DEBATE_SUBCOMMANDS as readonly string[]).includes(sub)
      ? handlers[sub as DebateSubcommand]
      : undefined;
    if (!handler) throw new Error(`unknown /debate subcommand ${sub}`);
    await handler(interaction, ctx);
  },
  autocomplete: autocompleteDebate,
  answerStyle: (interaction) => (interaction.options.getSubcommand(false) === 'speak' ? 'form' : 'private'),
} satisfies Command;
