import { dmChannelWith } from './channels.js';
import type { CommandInvocation } from './commands.js';
import { buildCommandData, describeCommands, findChatCommand } from './commands.js';
import {
  ButtonStyle,
  ChannelType,
  ComponentType,
  Intent,
  InteractionType,
  MessageType,
  Permission,
  SELECT_TYPES,
  TEXT_CHANNEL_TYPES,
  TextInputStyle,
} from './constants.js';
import type { DoubleContext } from './context.js';
import { emitMessageCreate } from './events.js';
import {
  type AutocompleteChoice,
  InteractionHandle,
  type ModalField,
  ModalHandle,
  type ModalValue,
  type ModalValues,
} from './handles.js';
import { createInteraction } from './interactions.js';
import { asArray, isRecord, type JsonObject, optNumber, optString } from './json.js';
import { buildMessage } from './messages.js';
import { channelPermissions, guildPermissions, has } from './permissions.js';
import { apiMember, apiRole, apiUser } from './serialize.js';
import type { ChannelRecord, MessageRecord, ModalRecord, UserRecord } from './state.js';
import { walkComponents } from './validate.js';
import { type DoubleMessage, toDoubleMessage } from './views.js';

/** Simulated members: everything a person can do to the bot from a Discord client. */

/** A channel id, or anything with an `id` (a channel spec result, a DoubleMessage's channel...). */
export type ChannelRef = string | { readonly id: string };
/** A message id or a message snapshot. */
export type MessageRef = string | { readonly id: string };

export interface AutocompleteInput extends CommandInvocation {
  /** The option being typed in. */
  readonly focused: string;
  /** What the user has typed so far. */
  readonly value: string;
}

const refId = (ref: ChannelRef | MessageRef) => (typeof ref === 'string' ? ref : ref.id);

export class DoubleUser {
  constructor(
    private readonly ctx: DoubleContext,
    readonly id: string,
  ) {}

  private get record(): UserRecord {
    const user = this.ctx.state.users.get(this.id);
    if (!user) throw new Error(`user ${this.id} no longer exists`);
    return user;
  }

  get username(): string {
    return this.record.username;
  }

  /** `<@id>`, as the bot would write a mention of this user. */
  get mention(): string {
    return `<@${this.id}>`;
  }

  private fail(message: string): never {
    throw new Error(`${this.username}: ${message}`);
  }

  private channel(ref: ChannelRef): ChannelRecord {
    const id = refId(ref);
    const channel = this.ctx.state.channels.get(id);
    if (!channel || channel.deleted) return this.fail(`unknown channel ${id}`);
    if (channel.guildId) {
      if (!this.ctx.state.member(channel.guildId, this.id))
        return this.fail(
          `is not a member of guild ${this.ctx.state.guilds.get(channel.guildId)?.name ?? channel.guildId}`,
        );
      const permissions = channelPermissions(this.ctx.state, channel, this.id);
      if (!has(permissions, Permission.ViewChannel))
        return this.fail(`cannot see #${channel.name ?? channel.id}`);
      if (
        channel.type === ChannelType.PrivateThread &&
        !channel.thread?.memberIds.has(this.id) &&
        !has(permissions, Permission.ManageThreads)
      )
        return this.fail(`cannot see private thread #${channel.name ?? channel.id} (not a member)`);
    } else if (!channel.recipientIds.includes(this.id)) {
      return this.fail(`is not part of DM channel ${channel.id}`);
    }
    return channel;
  }

  private handle(record: ReturnType<typeof createInteraction>): InteractionHandle {
    return new InteractionHandle(this.ctx, record, (modal, values) => this.submitModal(modal, values));
  }

  private commandFor(channel: ChannelRecord, name: string) {
    const command = findChatCommand(this.ctx.state, channel.guildId, name);
    if (!command && this.ctx.strictCommands)
      this.fail(
        `/${name} is not registered (registered: ${describeCommands(this.ctx.state, channel.guildId)})`,
      );
    if (command && channel.guildId) {
      const required = optString(command.data.default_member_permissions);
      if (required !== undefined) {
        const permissions = guildPermissions(this.ctx.state, channel.guildId, this.id);
        if (!has(permissions, BigInt(required)) && !has(permissions, Permission.Administrator))
          this.fail(`lacks the permissions /${name} requires (default_member_permissions ${required})`);
      }
    }
    return command ?? null;
  }

  private checkCanUseCommands(channel: ChannelRecord, name: string) {
    if (
      channel.guildId &&
      !has(channelPermissions(this.ctx.state, channel, this.id), Permission.UseApplicationCommands)
    )
      this.fail(`cannot use application commands in #${channel.name ?? channel.id} (/${name})`);
  }

  /** Sends an application-command interaction (a slash command, or its autocomplete when `focused`). */
  private command(
    channelRef: ChannelRef,
    command: string,
    invocation: CommandInvocation,
    focused?: { readonly name: string; readonly value: string },
  ): InteractionHandle {
    const channel = this.channel(channelRef);
    this.checkCanUseCommands(channel, command);
    const built = buildCommandData({
      state: this.ctx.state,
      command: this.commandFor(channel, command),
      name: command,
      guildId: channel.guildId,
      channel,
      userId: this.id,
      invocation,
      ...(focused ? { focused } : {}),
    });
    return this.handle(
      createInteraction(this.ctx, {
        type: focused ? InteractionType.ApplicationCommandAutocomplete : InteractionType.ApplicationCommand,
        userId: this.id,
        channel,
        data: built.data,
        label: focused
          ? `${built.label} (autocomplete ${focused.name}=${JSON.stringify(focused.value)})`
          : built.label,
        commandName: command,
        sourceMessage: null,
      }),
    );
  }

  /**
   * Runs a slash command, e.g. `slash(channelId, 'debate', { subcommand: 'start', options: { motion: 'M01' } })`.
   * Options are checked against the registered definition (names, types, choices, ranges, required);
   * users, channels and roles may be given as ids, names or handles and arrive resolved.
   */
  async slash(
    channelRef: ChannelRef,
    command: string,
    invocation: CommandInvocation = {},
  ): Promise<InteractionHandle> {
    return this.command(channelRef, command, invocation);
  }

  /** Sends an autocomplete interaction and resolves with the bot's choices. */
  async autocomplete(
    channelRef: ChannelRef,
    command: string,
    input: AutocompleteInput,
    timeoutMs?: number,
  ): Promise<AutocompleteChoice[]> {
    const handle = await this.autocompleteHandle(channelRef, command, input);
    return handle.choices(timeoutMs);
  }

  /** Like `autocomplete`, but returns the handle (to inspect the payload or time the answer). */
  async autocompleteHandle(
    channelRef: ChannelRef,
    command: string,
    input: AutocompleteInput,
  ): Promise<InteractionHandle> {
    return this.command(channelRef, command, input, { name: input.focused, value: input.value });
  }

  private message(ref: MessageRef): { message: MessageRecord; channel: ChannelRecord } {
    const id = refId(ref);
    const message = this.ctx.state.messages.get(id);
    if (!message || message.deleted) return this.fail(`unknown or deleted message ${id}`);
    if (message.ephemeral && message.visibleTo !== this.id)
      return this.fail(`cannot see ephemeral message ${id} (it was for someone else)`);
    return { message, channel: this.channel(message.channelId) };
  }

  private component(message: MessageRecord, customId: string): JsonObject {
    let found: JsonObject | undefined;
    walkComponents(message.components, (c) => {
      if (found === undefined && c.custom_id === customId) found = c;
    });
    if (!found) {
      const ids: string[] = [];
      walkComponents(message.components, (c) => {
        if (typeof c.custom_id === 'string') ids.push(c.custom_id);
      });
      return this.fail(
        `message ${message.id} has no component "${customId}" (it has: ${ids.join(', ') || 'none'})`,
      );
    }
    if (found.disabled === true) return this.fail(`component "${customId}" is disabled`);
    return found;
  }

  /** Clicks the button with `customId` on a message the bot posted. */
  async click(messageRef: MessageRef, customId: string): Promise<InteractionHandle> {
    const { message, channel } = this.message(messageRef);
    const button = this.component(message, customId);
    if (button.type !== ComponentType.Button)
      this.fail(`component "${customId}" is not a button (type ${String(button.type)})`);
    if (button.style === ButtonStyle.Link || button.style === ButtonStyle.Premium)
      this.fail(`button "${customId}" is a link/premium button, which sends no interaction`);
    return this.handle(
      createInteraction(this.ctx, {
        type: InteractionType.MessageComponent,
        userId: this.id,
        channel,
        data: {
          custom_id: customId,
          component_type: ComponentType.Button,
          ...(typeof button.id === 'number' ? { id: button.id } : {}),
        },
        label: `button "${customId}"`,
        commandName: null,
        sourceMessage: message,
      }),
    );
  }

  /**
   * Picks `values` in the select menu `customId`: option values for a string select; users, roles or
   * channels (ids, names or handles) for the other kinds, which arrive resolved.
   */
  async select(
    messageRef: MessageRef,
    customId: string,
    values: readonly (string | { readonly id: string })[],
  ): Promise<InteractionHandle> {
    const { message, channel } = this.message(messageRef);
    const menu = this.component(message, customId);
    const type = optNumber(menu.type) ?? 0;
    if (!SELECT_TYPES.has(type)) this.fail(`component "${customId}" is not a select menu (type ${type})`);
    const { ids, resolved } = this.selectValues(channel, menu, customId, values);
    return this.handle(
      createInteraction(this.ctx, {
        type: InteractionType.MessageComponent,
        userId: this.id,
        channel,
        data: {
          custom_id: customId,
          component_type: type,
          values: ids,
          ...(Object.keys(resolved).length > 0 ? { resolved } : {}),
          ...(typeof menu.id === 'number' ? { id: menu.id } : {}),
        },
        label: `select "${customId}" = [${ids.join(', ')}]`,
        commandName: null,
        sourceMessage: message,
      }),
    );
  }

  /** Checks picked values against a select's kind, options and bounds; resolves users/roles/channels. */
  private selectValues(
    channel: ChannelRecord,
    menu: JsonObject,
    customId: string,
    values: readonly (string | { readonly id: string })[],
    required = true,
  ): { ids: string[]; resolved: JsonObject } {
    const { state } = this.ctx;
    const type = optNumber(menu.type) ?? 0;
    const min = optNumber(menu.min_values) ?? (required ? 1 : 0);
    const max = optNumber(menu.max_values) ?? 1;
    if (values.length < min || values.length > max)
      this.fail(`select "${customId}" takes between ${min} and ${max} value(s); got ${values.length}`);
    const users: JsonObject = {};
    const members: JsonObject = {};
    const roles: JsonObject = {};
    const channels: JsonObject = {};
    const ids = values.map((value) => {
      const raw = typeof value === 'string' ? value : value.id;
      if (
        type === ComponentType.StringSelect ||
        type === ComponentType.RadioGroup ||
        type === ComponentType.CheckboxGroup
      ) {
        const options = asArray(menu.options)
          .filter(isRecord)
          .map((o) => o.value);
        if (!options.includes(raw))
          this.fail(
            `"${raw}" is not an option of "${customId}" (options: ${options.map(String).join(', ')})`,
          );
        return raw;
      }
      const role =
        state.roles.get(raw) ??
        [...state.roles.values()].find((r) => r.guildId === channel.guildId && r.name === raw);
      const user = state.users.get(raw) ?? state.findUserByName(raw);
      const target =
        state.channels.get(raw) ??
        [...state.channels.values()].find((c) => c.guildId === channel.guildId && c.name === raw);
      if (
        (type === ComponentType.RoleSelect || type === ComponentType.MentionableSelect) &&
        role &&
        role.guildId === channel.guildId
      ) {
        roles[role.id] = apiRole(role);
        return role.id;
      }
      if ((type === ComponentType.UserSelect || type === ComponentType.MentionableSelect) && user) {
        users[user.id] = apiUser(user);
        const member = channel.guildId ? state.member(channel.guildId, user.id) : undefined;
        if (member) members[user.id] = apiMember(state, member, false);
        return user.id;
      }
      if (
        type === ComponentType.ChannelSelect &&
        target &&
        target.guildId === channel.guildId &&
        !target.deleted
      ) {
        const allowed = asArray(menu.channel_types).filter((t): t is number => typeof t === 'number');
        if (allowed.length > 0 && !allowed.includes(target.type))
          this.fail(`channel ${target.name ?? target.id} is not an allowed channel type for "${customId}"`);
        channels[target.id] = {
          id: target.id,
          name: target.name,
          type: target.type,
          parent_id: target.parentId,
          permissions: channelPermissions(state, target, this.id).toString(),
        };
        return target.id;
      }
      return this.fail(`"${raw}" is not a valid pick for select "${customId}" (component type ${type})`);
    });
    const resolved: JsonObject = {};
    if (Object.keys(users).length > 0) resolved.users = users;
    if (Object.keys(members).length > 0) resolved.members = members;
    if (Object.keys(roles).length > 0) resolved.roles = roles;
    if (Object.keys(channels).length > 0) resolved.channels = channels;
    return { ids, resolved };
  }

  /**
   * Fills in and submits a modal the bot showed this user. `modal` is the handle from
   * `interaction.modal()`, or a custom_id (the latest unsubmitted modal shown to this user with it).
   * `values` is keyed by field custom_id; text fields left out keep their pre-filled value (or '').
   */
  async submitModal(modal: ModalHandle | string, values: ModalValues): Promise<InteractionHandle> {
    const record = typeof modal === 'string' ? this.findModal(modal) : modal.record;
    if (record.userId !== this.id) this.fail(`cannot submit a modal that was shown to someone else`);
    if (record.submitted) this.fail(`modal "${record.customId}" was already submitted`);
    const channel = this.channel(record.channelId);
    const handle = new ModalHandle(record, (m, v) => this.submitModal(m, v));
    const { components, resolved } = this.fillModal(channel, record, handle.fields, values);
    const source = record.sourceMessageId ? this.ctx.state.messages.get(record.sourceMessageId) : undefined;
    record.submitted = true;
    return this.handle(
      createInteraction(this.ctx, {
        type: InteractionType.ModalSubmit,
        userId: this.id,
        channel,
        data: {
          custom_id: record.customId,
          components,
          ...(Object.keys(resolved).length > 0 ? { resolved } : {}),
        },
        label: `modal "${record.customId}"`,
        commandName: null,
        sourceMessage: source && !source.deleted ? source : null,
      }),
    );
  }

  private findModal(customId: string): ModalRecord {
    const modals = this.ctx.state.modals.filter((m) => m.userId === this.id && !m.submitted);
    const found = [...modals].reverse().find((m) => m.customId === customId);
    if (!found)
      return this.fail(
        `no open modal "${customId}" (open modals: ${modals.map((m) => `"${m.customId}"`).join(', ') || 'none'})`,
      );
    return found;
  }

  /** Mirrors the modal's layout (action rows and labels) with the user's values, as Discord submits it. */
  private fillModal(
    channel: ChannelRecord,
    record: ModalRecord,
    fields: readonly ModalField[],
    values: ModalValues,
  ): { components: JsonObject[]; resolved: JsonObject } {
    const known = new Set(fields.map((f) => f.customId));
    for (const key of Object.keys(values)) {
      if (!known.has(key))
        this.fail(`modal "${record.customId}" has no field "${key}" (fields: ${[...known].join(', ')})`);
    }
    const resolved: JsonObject = {};
    const merge = (part: JsonObject) => {
      for (const [key, map] of Object.entries(part)) {
        if (!isRecord(map)) continue;
        const target = isRecord(resolved[key]) ? resolved[key] : {};
        resolved[key] = { ...target, ...map };
      }
    };
    let nextId = 0;
    const idOf = (c: JsonObject) => {
      nextId++;
      return typeof c.id === 'number' ? c.id : nextId;
    };
    const fill = (component: JsonObject): JsonObject => {
      const id = idOf(component);
      const customId = optString(component.custom_id) ?? '';
      const field = fields.find((f) => f.customId === customId);
      const type = optNumber(component.type) ?? 0;
      const given: ModalValue | undefined = values[customId];
      const base = { type, id, custom_id: customId };
      const what = `field "${customId}" of modal "${record.customId}"`;
      switch (type) {
        case ComponentType.TextInput: {
          if (given !== undefined && typeof given !== 'string')
            this.fail(`${what} is a text input; give a string`);
          const value = typeof given === 'string' ? given : (field?.value ?? '');
          if (field?.required && value === '') this.fail(`${what} is required`);
          if (value !== '') {
            if (field?.minLength !== null && field?.minLength !== undefined && value.length < field.minLength)
              this.fail(`${what} needs at least ${field.minLength} characters (got ${value.length})`);
            const max = field?.maxLength ?? 4000;
            if (value.length > max)
              this.fail(`${what} takes at most ${max} characters (got ${value.length})`);
            // A short text input is one line in every Discord client: a line break cannot be typed into it.
            if (field?.style === TextInputStyle.Short && /[\r\n]/.test(value))
              this.fail(`${what} is a short (one-line) text input; a line break cannot be typed into it`);
          }
          return { ...base, value };
        }
        case ComponentType.Checkbox: {
          if (given !== undefined && typeof given !== 'boolean')
            this.fail(`${what} is a checkbox; give a boolean`);
          return { ...base, value: given === true };
        }
        case ComponentType.RadioGroup: {
          if (given !== undefined && typeof given !== 'string')
            this.fail(`${what} is a radio group; give one option value`);
          const value =
            typeof given === 'string' ? given : (field?.options.find((o) => o.default)?.value ?? null);
          if (value === null && field?.required) this.fail(`${what} is required`);
          if (value !== null && field && !field.options.some((o) => o.value === value))
            this.fail(`"${value}" is not an option of ${what}`);
          return { ...base, value };
        }
        case ComponentType.FileUpload:
          if (given !== undefined) this.fail(`${what} is a file upload, which the double cannot fill in`);
          if (field?.required)
            this.fail(`${what} is a required file upload, which the double cannot fill in`);
          return { ...base, values: [] };
        default: {
          if (given !== undefined && !Array.isArray(given)) this.fail(`${what} takes a list of values`);
          const list = Array.isArray(given)
            ? given
            : (field?.options.filter((o) => o.default).map((o) => o.value) ?? []);
          if (list.length === 0 && !field?.required) return { ...base, values: [] };
          const picked = this.selectValues(channel, component, customId, list, field?.required ?? true);
          merge(picked.resolved);
          return { ...base, values: picked.ids };
        }
      }
    };
    const components = record.components.map((top): JsonObject => {
      const id = idOf(top);
      if (top.type === ComponentType.ActionRow) {
        return {
          type: ComponentType.ActionRow,
          id,
          components: asArray(top.components).filter(isRecord).map(fill),
        };
      }
      if (top.type === ComponentType.Label && isRecord(top.component)) {
        return { type: ComponentType.Label, id, component: fill(top.component) };
      }
      return { type: optNumber(top.type) ?? ComponentType.TextDisplay, id };
    });
    return { components, resolved };
  }

  /**
   * Posts a plain message as this user. The bot receives MESSAGE_CREATE if it identified with the
   * GuildMessages (or DirectMessages) intent; content is blanked without MessageContent, as Discord does.
   */
  async say(channelRef: ChannelRef, content: string): Promise<DoubleMessage> {
    const channel = this.channel(channelRef);
    if (!TEXT_CHANNEL_TYPES.has(channel.type)) this.fail(`cannot post in a non-text channel`);
    if (channel.guildId) {
      const permissions = channelPermissions(this.ctx.state, channel, this.id);
      const needed = channel.thread ? Permission.SendMessagesInThreads : Permission.SendMessages;
      if (!has(permissions, needed)) this.fail(`cannot send messages in #${channel.name ?? channel.id}`);
    }
    const message = buildMessage(this.ctx, {
      channel,
      authorId: this.id,
      body: { content },
      files: [],
      type: MessageType.Default,
      ephemeral: false,
      visibleTo: null,
      webhookId: null,
      interaction: null,
    });
    this.ctx.state.addMessage(message);
    const mentionsBot = message.mentions.includes(this.ctx.state.botUserId);
    if (this.ctx.gateway.hasIntent(Intent.MessageContent) || mentionsBot || !channel.guildId) {
      emitMessageCreate(this.ctx, message);
    } else {
      emitMessageCreate(this.ctx, { ...message, content: '', embeds: [], attachments: [], components: [] });
    }
    return toDoubleMessage(message);
  }

  /** Opens (or reuses) this user's DM channel with the bot and posts `content` there. */
  async dm(content: string): Promise<DoubleMessage> {
    return this.say(dmChannelWith(this.ctx, this.id), content);
  }

  /** What only this user saw: ephemeral messages for them and DMs with them, in order. */
  privateMessages(): DoubleMessage[] {
    return privateMessagesFor(this.ctx, this.id);
  }
}

export const privateMessagesFor = (ctx: DoubleContext, userId: string): DoubleMessage[] => {
  const result: MessageRecord[] = [];
  for (const message of ctx.state.messages.values()) {
    if (message.deleted) continue;
    const channel = ctx.state.channels.get(message.channelId);
    const isDm = channel?.guildId === null && channel.recipientIds.includes(userId);
    if ((message.ephemeral && message.visibleTo === userId) || isDm) result.push(message);
  }
  return result.sort((a, b) => a.sequence - b.sequence).map(toDoubleMessage);
};
