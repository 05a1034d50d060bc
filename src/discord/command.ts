import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import type { AnswerStyle } from './answer.js';

/** A slash command: its definition and its handlers, one module per top-level command in commands/. */
export interface Command {
  readonly data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, ctx: AppContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: AppContext): Promise<void>;
  /** How a slow answer is deferred (default `private`); `form` for a subcommand that opens a form. */
  answerStyle?(interaction: ChatInputCommandInteraction): AnswerStyle;
}

/** The loader's check that a module really is a command (the discord.js TS template's predicate). */
export const commandPredicate = z.object({
  data: z.object({ name: z.string().regex(/^[\w-]{1,32}$/), description: z.string().min(1).max(100) }),
  execute: z.function(),
  autocomplete: z.function().optional(),
  answerStyle: z.function().optional(),
});

export const isCommand = (value: unknown): value is Command => commandPredicate.safeParse(value).success;
