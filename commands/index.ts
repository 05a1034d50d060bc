import { type Command, isCommand } from '../src/discord/command.js';
import config from './config.js';
import debate from './debate/index.js';
import evidence from './evidence.js';
import help from './help.js';
import leaderboard from './leaderboard.js';
import motion from './motion.js';
import practice from './practice.js';
import rubric from './rubric.js';
import season from './season.js';
import stats from './stats.js';

const modules: unknown[] = [
  debate,
  evidence,
  motion,
  leaderboard,
  stats,
  rubric,
  help,
  config,
  season,
  practice,
];

/** Every slash command by name, each checked to really be a command. */
export const loadCommands = (): ReadonlyMap<string, Command> => {
  const commands = new Map<string, Command>();
  for (const module of modules) {
    if (!isCommand(module)) throw new Error('a module in commands/ is not a { data, execute } command');
    if (commands.has(module.data.name)) throw new Error(`two commands are named ${module.data.name}`);
    commands.set(module.data.name, module);
  }
  return commands;
};
