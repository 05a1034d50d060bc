import { ErrorCode, Permission } from './constants.js';
import type { DoubleContext } from './context.js';
import { DiscordApiError, missingAccess, missingPermissions, notFound } from './errors.js';
import { asRecord, type JsonObject } from './json.js';
import { channelPermissions, has } from './permissions.js';
import type { RouteRequest, RouteResponse } from './router.js';
import type { ChannelRecord, GuildRecord, MessageRecord } from './state.js';

/** Shared pieces of the REST handlers: responses, parameters, lookups and permission checks. */

export type Handler = (ctx: DoubleContext, request: RouteRequest) => RouteResponse;

export const ok = (body: unknown): RouteResponse => ({ status: 200, body });
export const created = (body: unknown): RouteResponse => ({ status: 201, body });
export const noContent: RouteResponse = { status: 204 };

export const param = (request: RouteRequest, name: string): string => request.params[name] ?? '';
export const body = (request: RouteRequest): JsonObject => asRecord(request.body);

// ---------------------------------------------------------------- lookups and permission checks

export const guildOr404 = (ctx: DoubleContext, guildId: string): GuildRecord => {
  const guild = ctx.state.guilds.get(guildId);
  if (!guild) throw notFound(ErrorCode.UnknownGuild, 'Guild');
  return guild;
};

export const channelOr404 = (ctx: DoubleContext, channelId: string): ChannelRecord => {
  const channel = ctx.state.channels.get(channelId);
  if (!channel || channel.deleted) throw notFound(ErrorCode.UnknownChannel, 'Channel');
  return channel;
};

export const botPermissions = (ctx: DoubleContext, channel: ChannelRecord) =>
  channelPermissions(ctx.state, channel, ctx.state.botUserId);

/** 403 Missing Access without View Channel, 403 Missing Permissions without any of `needed`. */
export const requirePermissions = (ctx: DoubleContext, channel: ChannelRecord, ...needed: bigint[]): void => {
  const permissions = botPermissions(ctx, channel);
  if (!has(permissions, Permission.ViewChannel)) throw missingAccess();
  for (const flag of needed) if (!has(permissions, flag)) throw missingPermissions();
};

export const requireGuildPermission = (ctx: DoubleContext, guild: GuildRecord, flag: bigint): void => {
  let permissions = ctx.state.roles.get(guild.id)?.permissions ?? 0n;
  const member = ctx.state.member(guild.id, ctx.state.botUserId);
  for (const roleId of member?.roleIds ?? []) permissions |= ctx.state.roles.get(roleId)?.permissions ?? 0n;
  if (!has(permissions, Permission.Administrator) && !has(permissions, flag)) throw missingPermissions();
};

/** A message the bot can see through channel routes (not deleted, not ephemeral). */
export const messageOr404 = (
  ctx: DoubleContext,
  channel: ChannelRecord,
  messageId: string,
): MessageRecord => {
  const message = ctx.state.messages.get(messageId);
  if (!message || message.deleted || message.ephemeral || message.channelId !== channel.id)
    throw notFound(ErrorCode.UnknownMessage, 'Message');
  return message;
};

export const visibleMessages = (ctx: DoubleContext, channelId: string) =>
  ctx.state.allChannelMessages(channelId).filter((m) => !m.deleted && !m.ephemeral);

export const requireApplication = (ctx: DoubleContext, request: RouteRequest): void => {
  if (param(request, 'applicationId') !== ctx.state.applicationId)
    throw new DiscordApiError(
      403,
      ErrorCode.NotAuthorizedForApplication,
      'You are not authorized to perform this action on this application',
    );
};
