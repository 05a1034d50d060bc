import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
  type MessageMentionOptions,
} from 'discord.js';

/** A message the bot sends, as plain data: views build these; the bot layer sends them. */
export interface View {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  /** Always set: user text inside a view can never ping anyone the bot did not mean. */
  allowedMentions: MessageMentionOptions;
  files?: { attachment: Buffer; name: string; description?: string }[];
}

export const button = (
  customId: string,
  label: string,
  style:
    | ButtonStyle.Primary
    | ButtonStyle.Secondary
    | ButtonStyle.Success
    | ButtonStyle.Danger = ButtonStyle.Secondary,
  options: { emoji?: string; disabled?: boolean } = {},
): APIButtonComponentWithCustomId => ({
  type: ComponentType.Button,
  custom_id: customId,
  label,
  style,
  ...(options.emoji ? { emoji: { name: options.emoji } } : {}),
  ...(options.disabled ? { disabled: true } : {}),
});

export const row = (
  ...components: APIButtonComponentWithCustomId[]
): APIActionRowComponent<APIComponentInMessageActionRow> => ({
  type: ComponentType.ActionRow,
  components,
});
