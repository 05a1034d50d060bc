import { OptionType, THREAD_TYPES } from './constants.js';
import { DiscordApiError, FormErrors } from './errors.js';
import { asArray, asRecord, clone, isRecord, type JsonObject, optBoolean, optNumber } from './json.js';
import { channelPermissions } from './permissions.js';
import { apiMember, apiRole, apiUser } from './serialize.js';
import type { ChannelRecord, CommandRecord, DoubleState } from './state.js';
import { validateCommand } from './validate.js';

/** Application command registration, and turning a driver's slash call into interaction data. */

export const apiCommand = (state: DoubleState, command: CommandRecord): JsonObject => ({
  id: command.id,
  application_id: state.applicationId,
  version: command.version,
  default_member_permissions: null,
  type: 1,
  name_localizations: null,
  description_localizations: null,
  nsfw: false,
  integration_types: [0],
  contexts: null,
  ...clone(command.data),
  ...(command.guildId ? { guild_id: command.guildId } : {}),
});

const commandType = (data: JsonObject) => optNumber(data.type) ?? 1;

/** The stored commands of a scope (global when guildId is null), in registration order. */
export const commandsIn = (state: DoubleState, guildId: string | null): CommandRecord[] =>
  [...state.commands.values()].filter((c) => c.guildId === guildId);

const normalize = (raw: JsonObject): JsonObject => {
  const data = clone(raw);
  delete data.id;
  delete data.application_id;
  delete data.version;
  delete data.guild_id;
  return data;
};

/** PUT: replaces the scope's commands; a command keeps its id when its name and type survive. */
export const overwriteCommands = (
  state: DoubleState,
  guildId: string | null,
  body: unknown,
): CommandRecord[] => {
  if (!Array.isArray(body))
    throw new DiscordApiError(400, 50035, 'Invalid Form Body', {
      _errors: [{ code: 'BASE_TYPE_LIST', message: 'Must be a list.' }],
    });
  const errors = new FormErrors();
  const seen = new Set<string>();
  body.forEach((raw, i) => {
    const data = asRecord(raw);
    validateCommand(data, errors, [i]);
    const key = `${commandType(data)}:${String(data.name)}`;
    if (seen.has(key))
      errors.add(
        [i, 'name'],
        'APPLICATION_COMMANDS_DUPLICATE_NAME',
        `Application command names must be unique (${String(data.name)}).`,
      );
    seen.add(key);
  });
  if (body.length > 100) errors.add([], 'BASE_TYPE_MAX_LENGTH', 'Must be 100 or fewer in length.');
  errors.throwIfAny();
  const previous = commandsIn(state, guildId);
  for (const old of previous) state.commands.delete(old.id);
  const result = body.map((raw) => {
    const data = normalize(asRecord(raw));
    const old = previous.find((c) => c.data.name === data.name && commandType(c.data) === commandType(data));
    const record: CommandRecord = {
      id: old?.id ?? state.ids.next(),
      guildId,
      version: state.ids.next(),
      data,
    };
    state.commands.set(record.id, record);
    return record;
  });
  state.notifier.notify('commands');
  return result;
};

/** POST: creates or replaces one command by name. */
export const upsertCommand = (
  state: DoubleState,
  guildId: string | null,
  body: unknown,
): { record: CommandRecord; created: boolean } => {
  const data = normalize(asRecord(body));
  const errors = new FormErrors();
  validateCommand(data, errors, []);
  errors.throwIfAny();
  const old = commandsIn(state, guildId).find(
    (c) => c.data.name === data.name && commandType(c.data) === commandType(data),
  );
  const record: CommandRecord = { id: old?.id ?? state.ids.next(), guildId, version: state.ids.next(), data };
  state.commands.set(record.id, record);
  state.notifier.notify('commands');
  return { record, created: old === undefined };
};

/** PATCH: merges fields into one command. */
export const patchCommand = (state: DoubleState, command: CommandRecord, body: unknown): CommandRecord => {
  const data = { ...command.data, ...normalize(asRecord(body)) };
  const errors = new FormErrors();
  validateCommand(data, errors, []);
  errors.throwIfAny();
  command.data = data;
  command.version = state.ids.next();
  state.notifier.notify('commands');
  return command;
};

/** A user-invokable chat-input command: the guild's own first, then global. */
export const findChatCommand = (
  state: DoubleState,
  guildId: string | null,
  name: string,
): CommandRecord | undefined => {
  const match = (c: CommandRecord) => c.data.name === name && commandType(c.data) === 1;
  return (
    (guildId ? commandsIn(state, guildId).find(match) : undefined) ?? commandsIn(state, null).find(match)
  );
};

/** A value a test passes for an option: a string, number or boolean, or anything with an `id` (a user, channel or role handle). */
export type OptionInput = string | number | boolean | { readonly id: string };

export interface CommandInvocation {
  readonly subcommand?: string;
  readonly group?: string;
  readonly options?: Readonly<Record<string, OptionInput>>;
}

export interface BuiltCommandData {
  readonly data: JsonObject;
  readonly label: string;
}

const isSnowflake = (value: string) => /^\d{15,21}$/.test(value);

interface Resolver {
  readonly state: DoubleState;
  readonly guildId: string | null;
  readonly channel: ChannelRecord;
  readonly userId: string;
  readonly resolved: { users: JsonObject; members: JsonObject; roles: JsonObject; channels: JsonObject };
  readonly fail: (message: string) => never;
}

const resolveUser = (r: Resolver, name: string, value: OptionInput): string => {
  const raw = typeof value === 'object' ? value.id : String(value);
  const user = r.state.users.get(raw) ?? (isSnowflake(raw) ? undefined : r.state.findUserByName(raw));
  if (!user) return r.fail(`option "${name}": unknown user ${JSON.stringify(raw)}`);
  r.resolved.users[user.id] = apiUser(user);
  const member = r.guildId ? r.state.member(r.guildId, user.id) : undefined;
  if (member)
    r.resolved.members[user.id] = {
      ...apiMember(r.state, member, false),
      permissions: channelPermissions(r.state, r.channel, user.id).toString(),
    };
  return user.id;
};

const resolveRole = (r: Resolver, name: string, value: OptionInput): string => {
  const raw = typeof value === 'object' ? value.id : String(value);
  const role =
    r.state.roles.get(raw) ??
    [...r.state.roles.values()].find(
      (candidate) => candidate.guildId === r.guildId && candidate.name === raw,
    );
  if (!role || role.guildId !== r.guildId)
    return r.fail(`option "${name}": unknown role ${JSON.stringify(raw)} in this guild`);
  r.resolved.roles[role.id] = apiRole(role);
  return role.id;
};

const resolveChannel = (
  r: Resolver,
  name: string,
  value: OptionInput,
  allowedTypes: readonly number[],
): string => {
  const raw = typeof value === 'object' ? value.id : String(value);
  const channel =
    r.state.channels.get(raw) ??
    [...r.state.channels.values()].find(
      (c) => c.guildId === r.guildId && c.name === raw.replace(/^#/, '') && !c.deleted,
    );
  if (!channel || channel.deleted || channel.guildId !== r.guildId)
    return r.fail(`option "${name}": unknown channel ${JSON.stringify(raw)} in this guild`);
  if (allowedTypes.length > 0 && !allowedTypes.includes(channel.type))
    return r.fail(
      `option "${name}": channel type ${channel.type} is not one of the allowed channel_types [${allowedTypes.join(', ')}]`,
    );
  r.resolved.channels[channel.id] = {
    id: channel.id,
    name: channel.name,
    type: channel.type,
    parent_id: channel.parentId,
    permissions: channelPermissions(r.state, channel, r.userId).toString(),
    ...(channel.thread && THREAD_TYPES.has(channel.type)
      ? {
          thread_metadata: {
            archived: channel.thread.archived,
            locked: channel.thread.locked,
            auto_archive_duration: channel.thread.autoArchiveDuration,
            archive_timestamp: channel.thread.archiveTimestamp,
          },
        }
      : {}),
  };
  return channel.id;
};

const inferType = (state: DoubleState, value: OptionInput): number => {
  if (typeof value === 'boolean') return OptionType.Boolean;
  if (typeof value === 'number') return Number.isInteger(value) ? OptionType.Integer : OptionType.Number;
  if (typeof value === 'string') return OptionType.String;
  if (state.users.has(value.id)) return OptionType.User;
  if (state.roles.has(value.id)) return OptionType.Role;
  return OptionType.Channel;
};

const checkChoices = (r: Resolver, name: string, definition: JsonObject, value: string | number) => {
  const choices = asArray(definition.choices).filter(isRecord);
  if (choices.length > 0 && !choices.some((c) => c.value === value)) {
    r.fail(
      `option "${name}": ${JSON.stringify(value)} is not one of its choices (${choices.map((c) => JSON.stringify(c.value)).join(', ')})`,
    );
  }
};

const convertValue = (
  r: Resolver,
  name: string,
  type: number,
  definition: JsonObject | null,
  value: OptionInput,
): string | number | boolean => {
  const def = definition ?? {};
  switch (type) {
    case OptionType.String: {
      if (typeof value !== 'string')
        return r.fail(`option "${name}" is a string option; got ${JSON.stringify(value)}`);
      const min = optNumber(def.min_length);
      const max = optNumber(def.max_length) ?? 6000;
      if ((min !== undefined && value.length < min) || value.length > max)
        return r.fail(`option "${name}": length ${value.length} is outside [${min ?? 0}, ${max}]`);
      checkChoices(r, name, def, value);
      return value;
    }
    case OptionType.Integer:
    case OptionType.Number: {
      if (
        typeof value !== 'number' ||
        !Number.isFinite(value) ||
        (type === OptionType.Integer && !Number.isInteger(value))
      )
        return r.fail(
          `option "${name}" is ${type === OptionType.Integer ? 'an integer' : 'a number'} option; got ${JSON.stringify(value)}`,
        );
      const min = optNumber(def.min_value);
      const max = optNumber(def.max_value);
      if ((min !== undefined && value < min) || (max !== undefined && value > max))
        return r.fail(`option "${name}": ${value} is outside [${min ?? '-inf'}, ${max ?? 'inf'}]`);
      checkChoices(r, name, def, value);
      return value;
    }
    case OptionType.Boolean:
      if (typeof value !== 'boolean')
        return r.fail(`option "${name}" is a boolean option; got ${JSON.stringify(value)}`);
      return value;
    case OptionType.User:
      return resolveUser(r, name, value);
    case OptionType.Role:
      return resolveRole(r, name, value);
    case OptionType.Mentionable: {
      const raw = typeof value === 'object' ? value.id : String(value);
      return r.state.roles.has(raw) ? resolveRole(r, name, value) : resolveUser(r, name, value);
    }
    case OptionType.Channel:
      return resolveChannel(
        r,
        name,
        value,
        asArray(def.channel_types).filter((t): t is number => typeof t === 'number'),
      );
    default:
      return r.fail(
        `option "${name}" has type ${type}, which the double cannot fill in (attachments are not supported)`,
      );
  }
};

export interface BuildCommandOptions {
  readonly state: DoubleState;
  readonly command: CommandRecord | null;
  readonly name: string;
  readonly guildId: string | null;
  readonly channel: ChannelRecord;
  readonly userId: string;
  readonly invocation: CommandInvocation;
  /** For autocomplete: the option being typed and its partial text. */
  readonly focused?: { readonly name: string; readonly value: string };
}

/** The `data` of an APPLICATION_COMMAND (or autocomplete) interaction, checked against the registered definition. */
export const buildCommandData = (o: BuildCommandOptions): BuiltCommandData => {
  const path = [o.name, o.invocation.group, o.invocation.subcommand].filter(
    (p): p is string => p !== undefined,
  );
  const label = `/${path.join(' ')}`;
  const fail = (message: string): never => {
    throw new Error(`${label}: ${message}`);
  };
  const resolver: Resolver = {
    state: o.state,
    guildId: o.guildId,
    channel: o.channel,
    userId: o.userId,
    resolved: { users: {}, members: {}, roles: {}, channels: {} },
    fail,
  };
  // Walk down the definition through the group and subcommand, if any.
  let definitions: JsonObject[] | null = o.command ? asArray(o.command.data.options).filter(isRecord) : null;
  const containers: Array<{ type: number; name: string }> = [];
  for (const [type, name] of [
    [OptionType.SubcommandGroup, o.invocation.group],
    [OptionType.Subcommand, o.invocation.subcommand],
  ] as const) {
    if (name === undefined) continue;
    if (definitions) {
      const found = definitions.find((d) => d.name === name && d.type === type);
      if (!found) {
        const known = definitions.filter((d) => d.type === type).map((d) => d.name);
        fail(
          `no ${type === OptionType.Subcommand ? 'subcommand' : 'subcommand group'} "${name}" (known: ${known.join(', ') || 'none'})`,
        );
      }
      definitions = asArray(found?.options).filter(isRecord);
    }
    containers.push({ type, name });
  }
  if (definitions?.some((d) => d.type === OptionType.Subcommand || d.type === OptionType.SubcommandGroup)) {
    const subs = definitions
      .filter((d) => d.type === OptionType.Subcommand || d.type === OptionType.SubcommandGroup)
      .map((d) => d.name);
    fail(`needs a subcommand${containers.length > 0 ? ' below this group' : ''} (known: ${subs.join(', ')})`);
  }
  const given = { ...(o.invocation.options ?? {}) };
  if (o.focused && !(o.focused.name in given)) given[o.focused.name] = o.focused.value;
  const leaves: JsonObject[] = [];
  for (const [name, value] of Object.entries(given)) {
    const definition = definitions ? (definitions.find((d) => d.name === name) ?? null) : null;
    if (definitions && !definition)
      fail(`no option "${name}" (known: ${definitions.map((d) => String(d.name)).join(', ') || 'none'})`);
    const type = definition ? (optNumber(definition.type) ?? OptionType.String) : inferType(o.state, value);
    if (o.focused?.name === name) {
      if (definition && optBoolean(definition.autocomplete) !== true)
        fail(`option "${name}" does not have autocomplete enabled`);
      leaves.push({ type, name, value: String(o.focused.value), focused: true });
    } else {
      leaves.push({ type, name, value: convertValue(resolver, name, type, definition, value) });
    }
  }
  if (definitions && !o.focused) {
    for (const d of definitions) {
      if (d.required === true && !(String(d.name) in given))
        fail(`required option "${String(d.name)}" is missing`);
    }
  }
  // Options arrive in definition order, as Discord sends them.
  if (definitions) {
    const order = definitions.map((d) => d.name);
    leaves.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
  }
  let options: JsonObject[] = leaves;
  for (const container of [...containers].reverse())
    options = [{ type: container.type, name: container.name, options }];
  const { users, members, roles, channels } = resolver.resolved;
  const resolved: JsonObject = {};
  if (Object.keys(users).length > 0) resolved.users = users;
  if (Object.keys(members).length > 0) resolved.members = members;
  if (Object.keys(roles).length > 0) resolved.roles = roles;
  if (Object.keys(channels).length > 0) resolved.channels = channels;
  const data: JsonObject = {
    id: o.command?.id ?? o.state.ids.next(),
    name: o.name,
    type: 1,
    options,
    ...(o.command?.guildId ? { guild_id: o.command.guildId } : {}),
    ...(Object.keys(resolved).length > 0 && !o.focused ? { resolved } : {}),
  };
  return { data, label };
};

export const describeCommands = (state: DoubleState, guildId: string | null): string => {
  const names = [...commandsIn(state, null), ...(guildId ? commandsIn(state, guildId) : [])].map(
    (c) => `/${String(c.data.name)}${c.guildId ? ' (guild)' : ''}`,
  );
  return names.length === 0 ? 'none (has the bot registered its commands?)' : names.join(', ');
};
