/**
 * The floor for the interaction benchmark: a bare discord.js bot on the same double that answers
 * every interaction with the cheapest valid callback and does nothing else (no store, no deck).
 * Run by bench/interactions.ts as `node --import tsx bench/bare-bot.ts` with DISCORD_TOKEN and
 * DISCORD_API_URL set.
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

/** What `/debate start` gets: a message with the buttons the benchmark clicks (join, begin, ready, speak). */
const lobby = () => ({
  content: 'lobby',
  components: [
    new ActionRowBuilder<ButtonBuilder>().addComponents(
      ...['s1:join:1:lecun', 's1:join:1:scaling', 's1:begin:1', 's1:ready:1', 's1:speak:1:0'].map((id) =>
        new ButtonBuilder()
          .setCustomId(id)
          .setLabel(id.split(':')[1] ?? id)
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
      if (interaction.options.getSubcommand(false) === 'start') await interaction.reply(lobby());
      else await interaction.reply({ content: 'pong', flags: MessageFlags.Ephemeral });
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
