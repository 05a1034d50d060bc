import { describe, expect, it } from 'vitest';
import { transcriptMarkdown } from '../../src/discord/views/transcript.js';
import { deck, LEE, SAM, SECOND, speakAll, speaking } from '../debate/helpers.js';

describe('the transcript', () => {
  it('given a finished debate, then it has every speech, a table of times used against each allowance, and the result', () => {
    const walk = speaking();
    speakAll(walk, (turn) => `Speech number ${turn}, citing nothing.`, 30 * SECOND);
    const names = new Map([
      [LEE, 'Lee'],
      [SAM, 'Sam'],
    ]);
    const markdown = transcriptMarkdown(deck, walk.state, names);
    expect(markdown).toContain('# Steelman debate');
    for (const turn of [0, 1, 2, 3]) expect(markdown).toContain(`Speech number ${turn}, citing nothing.`);
    expect(markdown).toContain('## Times');
    expect(markdown).toMatch(/\| 1 \| Lee \| World models \| Constructive \| 0:30 of 2:00 \| delivered \|/);
    expect(markdown).toContain('Time used by each side: World models 1:00 · Scaling 1:00.');
    expect(markdown).toContain('## Result');
  });
});
