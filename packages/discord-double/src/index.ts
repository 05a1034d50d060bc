/**
 * A local, Discord-compatible server ("the double") that the real discord.js client can log in to:
 * REST on http://127.0.0.1:PORT/api and a WebSocket gateway on ws://127.0.0.1:PORT/gateway, plus a
 * driver that plays guild members (slash commands, autocomplete, buttons, selects, modals).
 */
export { type TestClock, testClock } from './clock.js';
export type { CommandInvocation, OptionInput } from './commands.js';
export {
  CallbackType,
  ChannelType,
  ComponentType,
  ErrorCode,
  INTERACTION_RESPONSE_WINDOW_MS,
  INTERACTION_TOKEN_LIFETIME_MS,
  Intent,
  InteractionType,
  MessageFlags,
  Permission,
} from './constants.js';
export {
  DiscordDouble,
  type DiscordDoubleOptions,
  type DoubleChannel,
  DoubleGuild,
  type DoubleMessageEvent,
  startDiscordDouble,
  type WaitForMessageOptions,
} from './double.js';
export { type AutocompleteInput, type ChannelRef, DoubleUser, type MessageRef } from './driver.js';
export {
  type FaultCounts,
  FaultInjector,
  type FaultRule,
  type FaultStatus,
  type InjectedFault,
  seededRandom,
} from './faults.js';
export {
  type AutocompleteChoice,
  callbackName,
  type InteractionCallback,
  InteractionHandle,
  type InteractionLatency,
  type ModalField,
  ModalHandle,
  type ModalValue,
  type ModalValues,
} from './handles.js';
export type { JsonObject } from './json.js';
export type {
  ChannelKind,
  ChannelSpec,
  GuildSpec,
  MemberSpec,
  OverwriteSpec,
  PermissionInput,
  RoleSpec,
} from './setup.js';
export { shardForGuild, snowflakeForShard, snowflakeTime } from './snowflake.js';
export type { GatewayEventRecord, MessageEventKind, RequestRecord, UploadedFileInfo } from './state.js';
export type { DoubleAttachment, DoubleMessage } from './views.js';
export { DoubleTimeoutError } from './wait.js';
