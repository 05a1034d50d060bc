import {
  CallbackType,
  ComponentType,
  INTERACTION_RESPONSE_WINDOW_MS,
  MessageFlags,
  SELECT_TYPES,
} from './constants.js';
import type { DoubleContext } from './context.js';
import { asArray, clone, isRecord, type JsonObject, optBoolean, optNumber, optString } from './json.js';
import type { CallbackRecord, InteractionRecord, ModalRecord, RequestRecord } from './state.js';
import { type DoubleMessage, toDoubleMessage } from './views.js';

/** What tests hold after a simulated member acts: the interaction and, for modals, the form. */

export const CALLBACK_NAMES: Readonly<Record<number, string>> = {
  [CallbackType.ChannelMessageWithSource]: 'ChannelMessageWithSource (reply)',
  [CallbackType.DeferredChannelMessageWithSource]: 'DeferredChannelMessageWithSource (deferReply)',
  [CallbackType.DeferredMessageUpdate]: 'DeferredMessageUpdate (deferUpdate)',
  [CallbackType.UpdateMessage]: 'UpdateMessage (update)',
  [CallbackType.ApplicationCommandAutocompleteResult]: 'ApplicationCommandAutocompleteResult (respond)',
  [CallbackType.Modal]: 'Modal (showModal)',
};

export const callbackName = (type: number) => CALLBACK_NAMES[type] ?? `type ${type}`;

/** The bot's first answer to an interaction, as the double received it. */
export interface InteractionCallback {
  /** 4 reply, 5 deferReply, 6 deferUpdate, 7 update, 8 autocomplete result, 9 modal. */
  readonly type: number;
  /** The callback's `data`, as sent (null for types without data). */
  readonly data: JsonObject | null;
  readonly at: number;
  /** The message the callback created (4, 5) or updated (6, 7). */
  readonly messageId: string | null;
}

/** When an interaction got its first answer; see `double.interactionLatencies()`. */
export interface InteractionLatency {
  readonly interactionId: string;
  /** e.g. `/debate start`, `button "lobby:join"`. */
  readonly label: string;
  readonly userId: string;
  /** False while INTERACTION_CREATE waits for a connected session (the 3 s have not started). */
  readonly dispatched: boolean;
  /** Ms from dispatch to the accepted first callback, on the double's clock; null while unanswered. */
  readonly firstCallbackMs: number | null;
  /** Ms from dispatch to the first callback refused as too late (10062 Unknown interaction); null if none. */
  readonly lateCallbackMs: number | null;
  /** Ms since dispatch (since creation while queued) until now, or until the first callback. */
  readonly waitingMs: number;
}

/** The first accepted callback's time after dispatch, on the double's clock. */
export const firstCallbackMs = (record: InteractionRecord): number | null => {
  const first = record.callbacks[0];
  return first ? first.at - (record.dispatchedAt ?? record.createdAt) : null;
};

export const latencyOf = (record: InteractionRecord, now: number): InteractionLatency => {
  const first = firstCallbackMs(record);
  return {
    interactionId: record.id,
    label: record.label,
    userId: record.userId,
    dispatched: record.dispatchedAt !== null,
    firstCallbackMs: first,
    lateCallbackMs: record.lateCallbackMs,
    waitingMs: first ?? now - (record.dispatchedAt ?? record.createdAt),
  };
};

export interface AutocompleteChoice {
  readonly name: string;
  readonly value: string | number;
}

const describeRequests = (requests: readonly RequestRecord[]) =>
  requests.length === 0
    ? 'none'
    : requests
        .map(
          (r) =>
            `${r.method} ${r.route ?? r.path} -> ${r.status}${r.error ? ` ${JSON.stringify(r.error)}` : ''}`,
        )
        .join('; ');

const toView = (c: CallbackRecord): InteractionCallback => ({
  type: c.type,
  data: c.data === null ? null : clone(c.data),
  at: c.at,
  messageId: c.messageId,
});

export class InteractionHandle {
  constructor(
    private readonly ctx: DoubleContext,
    /** The raw record (payload dispatched, callbacks, message ids). */
    readonly record: InteractionRecord,
    private readonly submitModal: (modal: ModalHandle, values: ModalValues) => Promise<InteractionHandle>,
  ) {}

  get id(): string {
    return this.record.id;
  }

  get token(): string {
    return this.record.token;
  }

  /** e.g. `/debate start`, `button "lobby:join"`. */
  get label(): string {
    return this.record.label;
  }

  get userId(): string {
    return this.record.userId;
  }

  get channelId(): string {
    return this.record.channelId;
  }

  /** The INTERACTION_CREATE payload the bot received. */
  get payload(): JsonObject {
    return clone(this.record.payload);
  }

  get acknowledged(): boolean {
    return this.record.callbacks.length > 0;
  }

  /** The first callback's type, or null while unanswered. */
  get callbackType(): number | null {
    return this.record.callbacks[0]?.type ?? null;
  }

  /** True when the bot answered with deferReply (5) or deferUpdate (6). */
  get deferred(): boolean {
    const type = this.callbackType;
    return (
      type === CallbackType.DeferredChannelMessageWithSource || type === CallbackType.DeferredMessageUpdate
    );
  }

  /** True when the original response is ephemeral. */
  get ephemeral(): boolean {
    const original = this.record.originalMessageId
      ? this.ctx.state.messages.get(this.record.originalMessageId)
      : undefined;
    return original?.ephemeral ?? false;
  }

  /** Milliseconds from writing INTERACTION_CREATE to a socket to receiving the callback; null until both happened. */
  get roundTripMs(): number | null {
    const first = this.record.callbacks[0];
    if (!first || this.record.dispatchedPerf === null) return null;
    return first.perfAt - this.record.dispatchedPerf;
  }

  /**
   * Ms from dispatch to the first accepted callback on the double's clock (what Discord's 3 s rule
   * measures); null while unanswered.
   */
  get firstCallbackMs(): number | null {
    return firstCallbackMs(this.record);
  }

  /** Ms from dispatch to a first callback refused as too late (10062); null if none came late. */
  get lateCallbackMs(): number | null {
    return this.record.lateCallbackMs;
  }

  /** Every REST request that addressed this interaction (its callback and its webhook routes). */
  requests(): RequestRecord[] {
    const { id, token } = this.record;
    return this.ctx.state.requests.filter((r) => r.params.token === token || r.params.interactionId === id);
  }

  private describeWait(what: string, timeoutMs: number): string {
    const user = this.ctx.state.users.get(this.record.userId)?.username ?? this.record.userId;
    const delivery =
      this.record.dispatchedPerf === null
        ? 'INTERACTION_CREATE is still queued: no connected gateway session owns this guild (is the bot logged in?)'
        : 'INTERACTION_CREATE was delivered to the bot';
    const late =
      this.record.lateCallbackMs === null
        ? ''
        : ` Its first callback came ${Math.round(this.record.lateCallbackMs)} ms after the dispatch and was refused ` +
          `with 10062 Unknown interaction (Discord allows ${INTERACTION_RESPONSE_WINDOW_MS} ms: defer first when the work is slow).`;
    const since = this.record.createdAt;
    const failures = this.ctx.state.requests.filter((r) => r.at >= since && r.status >= 400).slice(-5);
    return (
      `${this.record.label} by ${user} (interaction ${this.record.id}): ${what} within ${timeoutMs} ms. ${delivery}.${late} ` +
      `Requests for this interaction: ${describeRequests(this.requests())}. ` +
      `Failed requests since it was sent: ${describeRequests(failures)}.`
    );
  }

  private firstCallback(timeoutMs: number): Promise<CallbackRecord> {
    return this.ctx.state.notifier.waitFor(
      [`interaction:${this.record.id}`],
      () => this.record.callbacks[0],
      timeoutMs,
      () => this.describeWait('the bot did not answer', timeoutMs),
    );
  }

  /** The bot's first response (reply, defer, update, modal or choices). Rejects after the timeout. */
  async reply(timeoutMs = this.ctx.timeoutMs): Promise<InteractionCallback> {
    return toView(await this.firstCallback(timeoutMs));
  }

  /** All callbacks received for this interaction (normally exactly one). */
  callbacks(): InteractionCallback[] {
    return this.record.callbacks.map(toView);
  }

  /** The original response message as it is now, if there is one. */
  original(): DoubleMessage | undefined {
    const id = this.record.originalMessageId;
    const message = id ? this.ctx.state.messages.get(id) : undefined;
    return message && !message.deleted ? toDoubleMessage(message) : undefined;
  }

  /** Follow-up messages, in order, as they are now (deleted ones left out). */
  followUps(): DoubleMessage[] {
    return this.record.followUpIds.flatMap((id) => {
      const message = this.ctx.state.messages.get(id);
      return message && !message.deleted ? [toDoubleMessage(message)] : [];
    });
  }

  /** The original response (if any) followed by the follow-ups, with edits applied. */
  messages(): DoubleMessage[] {
    const original = this.original();
    return original ? [original, ...this.followUps()] : this.followUps();
  }

  /**
   * The original response once it has real content: resolves at once for a reply or update, and
   * after the edit (or first follow-up) for a deferred reply. For deferUpdate, the updated message.
   */
  async response(timeoutMs = this.ctx.timeoutMs): Promise<DoubleMessage> {
    const started = Date.now();
    const first = await this.firstCallback(timeoutMs);
    if (first.type === CallbackType.Modal || first.type === CallbackType.ApplicationCommandAutocompleteResult)
      throw new Error(
        `${this.record.label}: expected a message response but the bot answered with ${callbackName(first.type)}`,
      );
    const remaining = Math.max(1, timeoutMs - (Date.now() - started));
    return this.ctx.state.notifier.waitFor(
      [`interaction:${this.record.id}`],
      () => {
        const id = this.record.originalMessageId;
        const message = id ? this.ctx.state.messages.get(id) : undefined;
        if (!message) return undefined;
        if (message.deleted) throw new Error(`${this.record.label}: the original response was deleted`);
        if ((message.flags & MessageFlags.Loading) !== 0) return undefined;
        if (
          first.type === CallbackType.DeferredMessageUpdate &&
          message.revisions.length <= first.revisionsAtCallback
        )
          return undefined;
        return toDoubleMessage(message);
      },
      remaining,
      () =>
        this.describeWait(
          first.type === CallbackType.DeferredMessageUpdate
            ? 'the bot deferred the update but never edited the message'
            : 'the bot deferred but never filled in its response',
          timeoutMs,
        ),
    );
  }

  /** Resolves with the first of this interaction's messages (original or follow-up) matching `predicate`. */
  waitForMessage(
    predicate: (message: DoubleMessage) => boolean,
    timeoutMs = this.ctx.timeoutMs,
  ): Promise<DoubleMessage> {
    return this.ctx.state.notifier.waitFor(
      [`interaction:${this.record.id}`],
      () => this.messages().find(predicate),
      timeoutMs,
      () => {
        const seen = this.messages().map((m) => JSON.stringify(m.text.slice(0, 80)));
        return this.describeWait(
          `no message matched (messages so far: ${seen.join(', ') || 'none'})`,
          timeoutMs,
        );
      },
    );
  }

  /** Resolves once at least `count` follow-ups exist. */
  waitForFollowUps(count: number, timeoutMs = this.ctx.timeoutMs): Promise<DoubleMessage[]> {
    return this.ctx.state.notifier.waitFor(
      [`interaction:${this.record.id}`],
      () => {
        const list = this.followUps();
        return list.length >= count ? list : undefined;
      },
      timeoutMs,
      () => this.describeWait(`expected ${count} follow-up(s), saw ${this.followUps().length}`, timeoutMs),
    );
  }

  /** The modal the bot opened (callback type 9). Rejects if it answered any other way. */
  async modal(timeoutMs = this.ctx.timeoutMs): Promise<ModalHandle> {
    const first = await this.firstCallback(timeoutMs);
    const modal = this.record.modal;
    if (first.type !== CallbackType.Modal || !modal)
      throw new Error(
        `${this.record.label}: expected a modal but the bot answered with ${callbackName(first.type)}`,
      );
    return new ModalHandle(modal, this.submitModal);
  }

  /** The autocomplete choices (callback type 8). Rejects if it answered any other way. */
  async choices(timeoutMs = this.ctx.timeoutMs): Promise<AutocompleteChoice[]> {
    const first = await this.firstCallback(timeoutMs);
    if (first.type !== CallbackType.ApplicationCommandAutocompleteResult)
      throw new Error(
        `${this.record.label}: expected autocomplete choices but the bot answered with ${callbackName(first.type)}`,
      );
    return (this.record.choices ?? []).map((c) => ({
      name: optString(c.name) ?? '',
      value: typeof c.value === 'number' ? c.value : String(c.value),
    }));
  }
}

/** A value for one modal field: text for text inputs and radio groups, a list for selects and checkbox groups, a boolean for a checkbox. */
export type ModalValue = string | boolean | readonly (string | { readonly id: string })[];
export type ModalValues = Readonly<Record<string, ModalValue>>;

/** One fillable field of a modal, whether in a classic action row or a Label. */
export interface ModalField {
  readonly customId: string;
  readonly type: number;
  /** The Label's label, or the text input's own label in a classic action row. */
  readonly label: string | null;
  readonly description: string | null;
  /** Text inputs: 1 short, 2 paragraph. */
  readonly style: number | null;
  readonly required: boolean;
  readonly minLength: number | null;
  readonly maxLength: number | null;
  /** A text input's pre-filled value. */
  readonly value: string | null;
  readonly placeholder: string | null;
  /** String selects, radio and checkbox groups. */
  readonly options: readonly { readonly label: string; readonly value: string; readonly default: boolean }[];
  readonly minValues: number | null;
  readonly maxValues: number | null;
}

const FILLABLE: ReadonlySet<number> = new Set([
  ComponentType.TextInput,
  ...SELECT_TYPES,
  ComponentType.FileUpload,
  ComponentType.RadioGroup,
  ComponentType.CheckboxGroup,
  ComponentType.Checkbox,
]);

const fieldOf = (component: JsonObject, label: JsonObject | null): ModalField => {
  const type = optNumber(component.type) ?? 0;
  const defaultRequired = type !== ComponentType.Checkbox;
  return {
    customId: optString(component.custom_id) ?? '',
    type,
    label: optString(label?.label) ?? optString(component.label) ?? null,
    description: optString(label?.description) ?? null,
    style: optNumber(component.style) ?? null,
    required: optBoolean(component.required) ?? defaultRequired,
    minLength: optNumber(component.min_length) ?? null,
    maxLength: optNumber(component.max_length) ?? null,
    value: optString(component.value) ?? null,
    placeholder: optString(component.placeholder) ?? null,
    options: asArray(component.options)
      .filter(isRecord)
      .map((o) => ({
        label: optString(o.label) ?? '',
        value: optString(o.value) ?? '',
        default: o.default === true,
      })),
    minValues: optNumber(component.min_values) ?? null,
    maxValues: optNumber(component.max_values) ?? null,
  };
};

/** The fillable fields of a modal, in display order. */
export const modalFields = (components: readonly JsonObject[]): ModalField[] => {
  const fields: ModalField[] = [];
  for (const top of components) {
    if (top.type === ComponentType.ActionRow) {
      for (const child of asArray(top.components).filter(isRecord))
        if (FILLABLE.has(Number(child.type))) fields.push(fieldOf(child, null));
    } else if (top.type === ComponentType.Label && isRecord(top.component)) {
      if (FILLABLE.has(Number(top.component.type))) fields.push(fieldOf(top.component, top));
    }
  }
  return fields;
};

export class ModalHandle {
  readonly fields: readonly ModalField[];

  constructor(
    /** The raw record: custom_id, title, components as the bot sent them. */
    readonly record: ModalRecord,
    private readonly submitter: (modal: ModalHandle, values: ModalValues) => Promise<InteractionHandle>,
  ) {
    this.fields = modalFields(record.components);
  }

  get customId(): string {
    return this.record.customId;
  }

  get title(): string {
    return this.record.title;
  }

  /** The user the modal was shown to (only they can submit it). */
  get userId(): string {
    return this.record.userId;
  }

  /** The modal's components exactly as the bot sent them. */
  get components(): JsonObject[] {
    return clone([...this.record.components]);
  }

  field(customId: string): ModalField | undefined {
    return this.fields.find((f) => f.customId === customId);
  }

  /** Submits the modal as its user, with `values` keyed by field custom_id. */
  submit(values: ModalValues): Promise<InteractionHandle> {
    return this.submitter(this, values);
  }
}
