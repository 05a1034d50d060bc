import { MessageFlags, type RepliableInteraction } from 'discord.js';
import type { Logger } from '../logger.js';
import { TEXT } from './text.js';

/**
 * How an interaction is first answered when its work is slow:
 * - `private`: a private "thinking…" (deferred ephemeral reply), then the answer as its edit;
 * - `public`: the same, visible to the channel;
 * - `update`: a click on a message that its answer will edit (deferred update);
 * - `form`: the answer is a form (a modal), which cannot be deferred: if nothing was sent by
 *   LAST_CHANCE_MS, a private "try again" goes instead, so Discord never shows "interaction failed".
 */
export type AnswerStyle = 'private' | 'public' | 'update' | 'form';

/** Work not done by then is deferred: a second and a half before Discord's 3 s run out. */
export const AUTO_DEFER_MS = 1500;
export const LAST_CHANCE_MS = 2400;

interface AnswerState {
  readonly style: AnswerStyle;
  /** A first answer is being sent (by the handler or by the automatic defer). */
  sending: boolean;
  deferring?: Promise<unknown>;
  deferredAs?: 'reply' | 'update';
  /** The handler was too late for its form: whatever it sends now goes nowhere. */
  missed?: boolean;
  timer?: ReturnType<typeof setTimeout>;
}

const states = new WeakMap<RepliableInteraction, AnswerState>();

/**
 * Starts the interaction's answer clock: unless the handler answers first, after AUTO_DEFER_MS the
 * interaction is deferred in its style. Returns a function that stops the clock (call it when the
 * handler is done).
 */
export const answerInTime = (interaction: RepliableInteraction, style: AnswerStyle, logger: Logger) => {
  const state: AnswerState = { style, sending: false };
  states.set(interaction, state);
  const fire = () => {
    if (state.sending || interaction.replied || interaction.deferred) return;
    state.sending = true;
    state.deferring = firstAnswer(interaction, state).catch((err: unknown) =>
      logger.warn({ err, interactionId: interaction.id }, 'could not defer the interaction'),
    );
  };
  state.timer = setTimeout(fire, style === 'form' ? LAST_CHANCE_MS : AUTO_DEFER_MS);
  return () => clearTimeout(state.timer);
};

const firstAnswer = async (interaction: RepliableInteraction, state: AnswerState) => {
  switch (state.style) {
    case 'form':
      state.missed = true;
      await interaction.reply({
        content: TEXT.slowForm,
        flags: MessageFlags.Ephemeral,
        allowedMentions: { parse: [] },
      });
      return;
    case 'update':
      if (interaction.isMessageComponent()) {
        state.deferredAs = 'update';
        await interaction.deferUpdate();
        return;
      }
      break;
    case 'public':
      state.deferredAs = 'reply';
      await interaction.deferReply();
      return;
    case 'private':
      break;
  }
  state.deferredAs = 'reply';
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
};

export interface AnswerSlot {
  /** The interaction was deferred as a reply: the answer is its edit. */
  readonly deferredReply: boolean;
  /** The interaction was deferred as an update of its message: a private answer is a follow-up. */
  readonly deferredUpdate: boolean;
  /** A form came too late and a "try again" went instead: nothing more is sent. */
  readonly missed: boolean;
}

/**
 * Runs the handler's first answer so that it never races the automatic defer: waits for a defer
 * under way, then tells the sender how the interaction was answered so far.
 */
export const answering = async <T>(
  interaction: RepliableInteraction,
  send: (slot: AnswerSlot) => Promise<T>,
): Promise<T | undefined> => {
  const state = states.get(interaction);
  if (state) {
    if (!state.sending) {
      state.sending = true;
      clearTimeout(state.timer);
    }
    if (state.deferring) await state.deferring;
    if (state.missed) return undefined;
  }
  return send({
    deferredReply: interaction.deferred && state?.deferredAs !== 'update',
    deferredUpdate: interaction.deferred && state?.deferredAs === 'update',
    missed: false,
  });
};
