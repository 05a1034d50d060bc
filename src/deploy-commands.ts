/** `npm run commands:deploy`: registers the slash commands, to DISCORD_GUILD_ID when set (instant), else globally. */
import { REST, Routes } from 'discord.js';
import { loadCommands } from '../commands/index.js';
import { ConfigError, parseConfig, readEnvironment } from './config.js';

try {
  const config = parseConfig(readEnvironment());
  const body = [...loadCommands().values()].map((command) => command.data);
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(
    config.DISCORD_TOKEN,
  );
  const route = config.DISCORD_GUILD_ID
    ? Routes.applicationGuildCommands(config.DISCORD_APP_ID, config.DISCORD_GUILD_ID)
    : Routes.applicationCommands(config.DISCORD_APP_ID);
  await rest.put(route, { body });
  console.log(
    `Registered ${body.length} commands ${config.DISCORD_GUILD_ID ? `to server ${config.DISCORD_GUILD_ID}` : 'globally (may take up to an hour to appear)'}: ${body.map((c) => `/${c.name}`).join(' ')}`,
  );
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exitCode = 1;
  } else throw error;
}
