import type { Command } from '../src/discord/command.js';
import { respondPrivately } from '../src/discord/respond.js';
import { rubricView } from '../src/discord/views/info.js';

export default {
  data: { name: 'rubric', description: 'How debates are scored, criterion by criterion' },
  async execute(interaction, ctx) {
    await respondPrivately(interaction, rubricView(ctx.deck));
  },
} satisfies Command;
