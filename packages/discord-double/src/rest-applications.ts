import { dmChannelWith } from './channels.js';
import { apiCommand, commandsIn, overwriteCommands, patchCommand, upsertCommand } from './commands.js';
import { ErrorCode } from './constants.js';
import type { DoubleContext } from './context.js';
import { notFound } from './errors.js';
import { optId } from './json.js';
import { body, guildOr404, type Handler, noContent, ok, param, requireApplication } from './rest-helpers.js';
import type { RouteRequest } from './router.js';
import { apiChannel, apiUser } from './serialize.js';
import type { CommandRecord } from './state.js';

/** REST: gateway discovery, users, DMs, the application and its commands. */

export const gatewayBot: Handler = (ctx) =>
  ok({
    url: ctx.gateway.url,
    shards: ctx.recommendedShards,
    session_start_limit: { total: 1000, remaining: 1000, reset_after: 14_400_000, max_concurrency: 16 },
  });

export const currentUser: Handler = (ctx) => {
  const bot = ctx.state.users.get(ctx.state.botUserId);
  return ok({ ...(bot ? apiUser(bot) : {}), verified: true, mfa_enabled: false, email: null });
};

export const getUser: Handler = (ctx, request) => {
  const user = ctx.state.users.get(param(request, 'userId'));
  if (!user) throw notFound(ErrorCode.UnknownUser, 'User');
  return ok(apiUser(user));
};

export const currentApplication: Handler = (ctx) => {
  const bot = ctx.state.users.get(ctx.state.botUserId);
  return ok({
    id: ctx.state.applicationId,
    name: bot?.username ?? 'Bot',
    icon: null,
    description: '',
    summary: '',
    type: null,
    hook: true,
    bot_public: true,
    bot_require_code_grant: false,
    verify_key: '0'.repeat(64),
    flags: ctx.applicationFlags,
    team: null,
    owner: bot ? apiUser(bot) : undefined,
    bot: bot ? apiUser(bot) : undefined,
    approximate_guild_count: ctx.state.guilds.size,
    integration_types_config: { '0': {} },
    tags: [],
  });
};

export const createDm: Handler = (ctx, request) => {
  const recipientId = optId(body(request).recipient_id);
  const user = recipientId ? ctx.state.users.get(recipientId) : undefined;
  if (!user || user.bot) throw notFound(ErrorCode.UnknownUser, 'User');
  return ok(apiChannel(ctx.state, dmChannelWith(ctx, user.id)));
};

// ---------------------------------------------------------------- application commands

const guildScope = (ctx: DoubleContext, request: RouteRequest): string | null => {
  const guildId = request.params.guildId;
  if (guildId === undefined) return null;
  guildOr404(ctx, guildId);
  return guildId;
};

const commandOr404 = (ctx: DoubleContext, request: RouteRequest): CommandRecord => {
  const command = ctx.state.commands.get(param(request, 'commandId'));
  if (!command || command.guildId !== (request.params.guildId ?? null))
    throw notFound(ErrorCode.UnknownApplicationCommand, 'application command');
  return command;
};

export const listCommands: Handler = (ctx, request) => {
  requireApplication(ctx, request);
  return ok(commandsIn(ctx.state, guildScope(ctx, request)).map((c) => apiCommand(ctx.state, c)));
};

export const putCommands: Handler = (ctx, request) => {
  requireApplication(ctx, request);
  const records = overwriteCommands(ctx.state, guildScope(ctx, request), request.body);
  return ok(records.map((c) => apiCommand(ctx.state, c)));
};

export const postCommand: Handler = (ctx, request) => {
  requireApplication(ctx, request);
  const result = upsertCommand(ctx.state, guildScope(ctx, request), request.body);
  return { status: result.created ? 201 : 200, body: apiCommand(ctx.state, result.record) };
};

export const getCommand: Handler = (ctx, request) => {
  requireApplication(ctx, request);
  return ok(apiCommand(ctx.state, commandOr404(ctx, request)));
};

export const editCommand: Handler = (ctx, request) => {
  requireApplication(ctx, request);
  return ok(apiCommand(ctx.state, patchCommand(ctx.state, commandOr404(ctx, request), request.body)));
};

export const deleteCommand: Handler = (ctx, request) => {
  requireApplication(ctx, request);
  ctx.state.commands.delete(commandOr404(ctx, request).id);
  ctx.state.notifier.notify('commands');
  return noContent;
};
