/**
 * The floor for the interaction benchmark: a bare discord.js bot on the same double that answers
 * every interaction with the cheapest valid callback and does nothing else (no store, no deck);
 * `/debate start` alone also posts a lobby card in the channel before its private answer, as
 * Steelman does. Prints "bare bot ready" on ClientReady (bench/startup.ts times spawn → that line).
 * Run by bench/interactions.ts as `node --import tsx bench/bare-bot.ts` with DISCORD_TOKEN and
 * DISCORD_API_URL set; bench/startup.ts runs it compiled to plain JavaScript, as the bot's dist/ is.
 */
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  ModalBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';

const client = new Client({
  intents: [GatewayIntentBits.Guilds],
  rest: { api: process.env.DISCORD_API_URL ?? '' },
});

/**
 * The lobby card `/debate start` posts in the channel, as Steelman's does (its join buttons name the
 * debate: the interaction's id), with the buttons the benchmark clicks (join, begin, ready, speak).
 */
const lobby = (id: string) => ({
  content: 'lobby',
  components: [
    new ActionRowBuilder<ButtonBuilder>().addComponents(
      ...[
        `s1:join:${id}:lecun`,
        `s1:join:${id}:scaling`,
        `s1:begin:${id}`,
        `s1:ready:${id}`,
        `s1:speak:${id}:0`,
      ].map((customId) =>
        new ButtonBuilder()
          .setCustomId(customId)
          .setLabel(customId.split(':')[1] ?? customId)
          .setStyle(ButtonStyle.Secondary),
      ),
    ),
  ],
});

const speechForm = new ModalBuilder()
  .setCustomId('s1:speech:1:0')
  .setTitle('Speech')
  .addComponents(
    new ActionRowBuilder<TextInputBuilder>().addComponents(
      new TextInputBuilder().setCustomId('speech').setLabel('Speech').setStyle(TextInputStyle.Paragraph),
    ),
  );

client.on(Events.InteractionCreate, (interaction) => {
  const answer = async () => {
    if (interaction.isAutocomplete()) await interaction.respond([]);
    else if (interaction.isChatInputCommand()) {
      // /debate start as Steelman answers it: the card posted in the channel, then the host told privately.
      if (interaction.options.getSubcommand(false) === 'start' && interaction.channel?.isSendable()) {
        await interaction.channel.send(lobby(interaction.id));
        await interaction.reply({ content: 'Your lobby is open.', flags: MessageFlags.Ephemeral });
      } else await interaction.reply({ content: 'pong', flags: MessageFlags.Ephemeral });
    } else if (interaction.isButton()) {
      if (interaction.customId.includes(':speak:')) await interaction.showModal(speechForm);
      else await interaction.deferUpdate();
    } else if (interaction.isModalSubmit())
      await interaction.reply({ content: 'pong', flags: MessageFlags.Ephemeral });
  };
  answer().catch((error: unknown) => process.stderr.write(`bare bot: ${String(error)}\n`));
});

client.once(Events.ClientReady, () => process.stdout.write('bare bot ready\n'));
process.once('SIGTERM', () => {
  void client.destroy().finally(() => process.exit(0));
});
await client.login(process.env.DISCORD_TOKEN);
