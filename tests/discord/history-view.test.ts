import { describe, expect, it } from 'vitest';
import { historyLine, historyView } from '../../src/discord/views/history.js';
import { deck, speakAll, speaking } from '../debate/helpers.js';

describe('the history view', () => {
  it('given ten finished debates, then the page fits an embed, links each result card and names each id', () => {
    const walk = speaking();
    speakAll(walk, (turn) => `Speech ${turn}.`, 1000);
    const { state } = walk;
    if (!state.result) throw new Error('the walk did not finish');
    const past = { state, result: state.result, resultMessageId: '999' };
    const line = historyLine(deck, 'g1', past);
    expect(line).toContain(`https://discord.com/channels/g1/${state.channelId}/999`);
    expect(line).toContain(`id \`${state.id}\``);
    expect(line).toMatch(/<t:\d+:d>/);
    const view = historyView(
      deck,
      'g1',
      Array.from({ length: 10 }, () => past),
      { page: 1, pages: 3, user: undefined },
    );
    const description = String(view.embeds?.[0]?.description);
    expect(description.length).toBeLessThanOrEqual(4096);
    expect(view.embeds?.[0]?.footer?.text).toContain('Page 1 of 3');
    expect(view.allowedMentions).toEqual({ parse: [] });
    expect(historyLine(deck, 'g1', { ...past, resultMessageId: undefined })).not.toContain('discord.com');
  });
});
