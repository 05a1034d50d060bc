import { ChannelType, ErrorCode, Intent, Permission } from './constants.js';
import type { DoubleContext } from './context.js';
import { badRequest, missingPermissions, notFound } from './errors.js';
import { emitChannelEvent } from './events.js';
import { asRecord, optId, optNumber, optString, stringArray } from './json.js';
import {
  body,
  created,
  guildOr404,
  type Handler,
  noContent,
  ok,
  param,
  requireGuildPermission,
} from './rest-helpers.js';
import type { RouteRequest } from './router.js';
import { apiChannel, apiGuild, apiMember, apiRole, apiThreadMember } from './serialize.js';
import type { ChannelRecord, GuildRecord } from './state.js';

/** REST: guilds, their channels, roles and members. */

export const getGuild: Handler = (ctx, request) => {
  const guild = guildOr404(ctx, param(request, 'guildId'));
  return ok({
    ...apiGuild(ctx.state, guild),
    ...(request.query.get('with_counts') === 'true'
      ? { approximate_member_count: guild.memberIds.length, approximate_presence_count: 0 }
      : {}),
  });
};

export const guildChannels: Handler = (ctx, request) => {
  const guild = guildOr404(ctx, param(request, 'guildId'));
  return ok(
    guild.channelIds.flatMap((id) => {
      const channel = ctx.state.channels.get(id);
      return channel && !channel.deleted && !channel.thread ? [apiChannel(ctx.state, channel)] : [];
    }),
  );
};

export const createGuildChannel: Handler = (ctx, request) => {
  const guild = guildOr404(ctx, param(request, 'guildId'));
  requireGuildPermission(ctx, guild, Permission.ManageChannels);
  const b = body(request);
  const name = optString(b.name);
  if (name === undefined || name.length < 1 || name.length > 100)
    throw badRequest('name: must be between 1 and 100 in length', ErrorCode.InvalidFormBody);
  const type = optNumber(b.type) ?? ChannelType.GuildText;
  const channel: ChannelRecord = {
    id: ctx.state.ids.next(),
    type,
    guildId: guild.id,
    name,
    topic: optString(b.topic) ?? null,
    parentId: optId(b.parent_id) ?? null,
    position: optNumber(b.position) ?? guild.channelIds.length,
    overwrites: (Array.isArray(b.permission_overwrites) ? b.permission_overwrites : []).map((raw) => {
      const o = asRecord(raw);
      return {
        id: optId(o.id) ?? '',
        type: optNumber(o.type) === 1 ? 1 : 0,
        allow: BigInt(optId(o.allow) ?? '0'),
        deny: BigInt(optId(o.deny) ?? '0'),
      };
    }),
    recipientIds: [],
    thread: null,
    lastMessageId: null,
    rateLimitPerUser: optNumber(b.rate_limit_per_user) ?? 0,
    deleted: false,
  };
  ctx.state.channels.set(channel.id, channel);
  guild.channelIds.push(channel.id);
  ctx.state.notifier.notify('channels');
  emitChannelEvent(ctx, channel, 'CREATE');
  return created(apiChannel(ctx.state, channel));
};

export const guildRoles: Handler = (ctx, request) => {
  const guild = guildOr404(ctx, param(request, 'guildId'));
  return ok(
    guild.roleIds.flatMap((id) => {
      const role = ctx.state.roles.get(id);
      return role ? [apiRole(role)] : [];
    }),
  );
};

export const guildRole: Handler = (ctx, request) => {
  const guild = guildOr404(ctx, param(request, 'guildId'));
  const role = ctx.state.roles.get(param(request, 'roleId'));
  if (!role || role.guildId !== guild.id) throw notFound(ErrorCode.UnknownRole, 'Role');
  return ok(apiRole(role));
};

const memberOr404 = (ctx: DoubleContext, request: RouteRequest) => {
  const guild = guildOr404(ctx, param(request, 'guildId'));
  const userId = param(request, 'userId') === '@me' ? ctx.state.botUserId : param(request, 'userId');
  const member = ctx.state.member(guild.id, userId);
  if (!member) throw notFound(ErrorCode.UnknownMember, 'Member');
  return { guild, member };
};

export const getMember: Handler = (ctx, request) =>
  ok(apiMember(ctx.state, memberOr404(ctx, request).member));

export const listMembers: Handler = (ctx, request) => {
  const guild = guildOr404(ctx, param(request, 'guildId'));
  const limit = Math.min(1000, Math.max(1, Number(request.query.get('limit') ?? 1) || 1));
  const after = BigInt(request.query.get('after') ?? '0');
  const members = guild.memberIds
    .filter((id) => BigInt(id) > after)
    .sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1))
    .slice(0, limit)
    .flatMap((id) => {
      const member = ctx.state.member(guild.id, id);
      return member ? [apiMember(ctx.state, member)] : [];
    });
  return ok(members);
};

export const searchMembers: Handler = (ctx, request) => {
  const guild = guildOr404(ctx, param(request, 'guildId'));
  const query = (request.query.get('query') ?? '').toLowerCase();
  const limit = Math.min(1000, Math.max(1, Number(request.query.get('limit') ?? 1) || 1));
  return ok(
    guild.memberIds
      .flatMap((id) => {
        const member = ctx.state.member(guild.id, id);
        const user = ctx.state.users.get(id);
        const names = [user?.username, user?.globalName, member?.nick].filter(
          (n): n is string => typeof n === 'string',
        );
        return member && names.some((n) => n.toLowerCase().startsWith(query)) ? [member] : [];
      })
      .slice(0, limit)
      .map((m) => apiMember(ctx.state, m)),
  );
};

const botTopRolePosition = (ctx: DoubleContext, guild: GuildRecord): number => {
  const member = ctx.state.member(guild.id, ctx.state.botUserId);
  return Math.max(0, ...(member?.roleIds ?? []).map((id) => ctx.state.roles.get(id)?.position ?? 0));
};

const emitMemberUpdate = (ctx: DoubleContext, guildId: string, userId: string) => {
  const member = ctx.state.member(guildId, userId);
  if (!member) return;
  ctx.state.notifier.notify('members', `member:${guildId}:${userId}`);
  ctx.gateway.dispatch(
    'GUILD_MEMBER_UPDATE',
    { guild_id: guildId, ...apiMember(ctx.state, member) },
    { guildId, intent: Intent.GuildMembers },
  );
};

export const memberRole =
  (add: boolean): Handler =>
  (ctx, request) => {
    const { guild, member } = memberOr404(ctx, request);
    const role = ctx.state.roles.get(param(request, 'roleId'));
    if (!role || role.guildId !== guild.id) throw notFound(ErrorCode.UnknownRole, 'Role');
    requireGuildPermission(ctx, guild, Permission.ManageRoles);
    if (role.position >= botTopRolePosition(ctx, guild) || role.managed || role.id === guild.id)
      throw missingPermissions();
    const had = member.roleIds.includes(role.id);
    if (add && !had) member.roleIds.push(role.id);
    if (!add && had) member.roleIds = member.roleIds.filter((id) => id !== role.id);
    if (add !== had) emitMemberUpdate(ctx, guild.id, member.userId);
    return noContent;
  };

export const patchMember: Handler = (ctx, request) => {
  const { guild, member } = memberOr404(ctx, request);
  const b = body(request);
  if ('nick' in b) {
    requireGuildPermission(
      ctx,
      guild,
      member.userId === ctx.state.botUserId ? Permission.ChangeNickname : Permission.ManageNicknames,
    );
    member.nick = optString(b.nick) ?? null;
  }
  if ('roles' in b) {
    requireGuildPermission(ctx, guild, Permission.ManageRoles);
    const roleIds = stringArray(b.roles);
    for (const id of roleIds) {
      const role = ctx.state.roles.get(id);
      if (!role || role.guildId !== guild.id) throw notFound(ErrorCode.UnknownRole, 'Role');
    }
    member.roleIds = roleIds;
  }
  emitMemberUpdate(ctx, guild.id, member.userId);
  return ok(apiMember(ctx.state, member));
};

export const activeThreads: Handler = (ctx, request) => {
  const guild = guildOr404(ctx, param(request, 'guildId'));
  const threads = [...ctx.state.channels.values()].filter(
    (c) => c.guildId === guild.id && !c.deleted && c.thread !== null && !c.thread.archived,
  );
  return ok({
    threads: threads.map((t) => apiChannel(ctx.state, t)),
    members: threads
      .filter((t) => t.thread?.memberIds.has(ctx.state.botUserId))
      .map((t) => apiThreadMember(t, ctx.state.botUserId)),
  });
};
