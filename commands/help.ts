import type { Command } from '../src/discord/command.js';
import { respondPrivately } from '../src/discord/respond.js';
import { helpView } from '../src/discord/views/info.js';

export default {
  data: { name: 'help', description: 'How to play Steelman, in one screen' },
  async execute(interaction, ctx) {
    await respondPrivately(interaction, helpView(ctx.deck));
  },
} satisfies Command;
