import { describe, expect, it } from 'vitest';
import type { Announcement } from '../../src/debate/types.js';
import { controlLines, controlView } from '../../src/discord/views/controls.js';
import { helpView, statusView } from '../../src/discord/views/info.js';
import { pointLines, pointView } from '../../src/discord/views/points.js';
import { transcriptMarkdown } from '../../src/discord/views/transcript.js';
import { turnView } from '../../src/discord/views/turns.js';
import type { View } from '../../src/discord/views/view.js';
import {
  as,
  deckWith,
  formatLike,
  HOST,
  joinEvent,
  LEE,
  MINUTE,
  SAM,
  SECOND,
  speaking,
} from '../debate/helpers.js';

const deck = deckWith(formatLike({ id: 'live-all', prepSeconds: 0, prepPool: 240, protectedSeconds: 30 }));
const setup = { deck, formatId: 'live-all', mode: 'live' as const };

/** Discord's limits: 2,000 characters of content, 6,000 per embed, 5 rows of 5 buttons, 80-character labels. */
const withinLimits = (view: View) => {
  expect(view.content?.length ?? 0).toBeLessThanOrEqual(2000);
  for (const embed of view.embeds ?? []) expect(JSON.stringify(embed).length).toBeLessThanOrEqual(6000);
  const rows = (view.components ?? []) as { components: { label?: string }[] }[];
  expect(rows.length).toBeLessThanOrEqual(5);
  for (const r of rows) {
    expect(r.components.length).toBeLessThanOrEqual(5);
    for (const c of r.components) expect(c.label?.length ?? 0).toBeLessThanOrEqual(45);
  }
  expect(view.allowedMentions?.parse ?? []).toEqual([]);
};

describe('host-control and point-of-information views', () => {
  it('given a live turn with a prep pool and protected time, then the turn card shows both pools, protected time, and Take prep and POI buttons', () => {
    const walk = speaking(setup);
    const view = turnView(deck, walk.state, 0);
    withinLimits(view);
    const text = JSON.stringify(view);
    expect(text).toContain('Prep left: ');
    expect(text).toContain('4:00');
    expect(text).toContain('🛡️ Protected time');
    expect(text).toContain('Take prep');
    expect(text).toContain('Point of information');
  });

  it('given a paused debate, then status says so with the time left, and every control signal fits Discord and pings only whom it means', () => {
    const walk = speaking(setup);
    walk.act({ type: 'pause', actor: as(HOST) }, walk.now + 20 * SECOND);
    expect(controlLines(deck, walk.state).join('\n')).toMatch(/⏸️ Paused <t:\d+:R>, with 1:40 left\./);
    withinLimits(statusView(deck, walk.state));
    const kinds: Announcement[] = [
      { kind: 'paused' },
      { kind: 'resumed', seconds: 75 },
      { kind: 'extended', turn: 0, seconds: 30 },
      { kind: 'seat-opened', userId: SAM, side: 'scaling' },
      { kind: 'seat-taken', userId: 'nia', replaced: SAM },
      { kind: 'prep-taken', side: 'lecun', until: walk.now + MINUTE },
      { kind: 'prep-ended', side: 'lecun', seconds: 30 },
    ];
    for (const a of kinds) {
      const view = controlView(deck, walk.state, a as Parameters<typeof controlView>[2]);
      withinLimits(view);
      const users = (view.allowedMentions as { users?: string[] } | undefined)?.users ?? [];
      expect(users.length).toBeLessThanOrEqual(1);
    }
  });

  it('given a POI offered, then its signal pings only the speaker and has Accept and Decline', () => {
    const walk = speaking(setup);
    walk.fire();
    expect(pointLines(deck, walk.state).join()).toContain('Points of information open');
    walk.act({ type: 'poi', actor: as(SAM) });
    const view = pointView(deck, walk.state, { kind: 'poi-offered', turn: 0, by: SAM });
    withinLimits(view);
    expect(view.allowedMentions).toEqual({ parse: [], users: [LEE] });
    expect(JSON.stringify(view.components)).toContain('Accept');
    expect(JSON.stringify(view.components)).toContain('Decline');
  });

  it('given pauses, extra time, a replacement, prep and a POI, then the transcript lists them in order', () => {
    const walk = speaking(setup);
    walk.act({ type: 'take-prep', actor: as(LEE) }, walk.now + SECOND);
    walk.act({ type: 'end-prep', actor: as(LEE) }, walk.now + 30 * SECOND);
    walk.act({ type: 'pause', actor: as(HOST) }, walk.now + SECOND);
    walk.act({ type: 'resume', actor: as(HOST) }, walk.now + MINUTE);
    walk.act({ type: 'extend', actor: as(HOST), seconds: 45 });
    walk.act({ type: 'replace', actor: as(HOST), userId: SAM });
    walk.act(joinEvent('nia', 'auto'));
    walk.fire();
    walk.act({ type: 'poi', actor: as('nia') });
    walk.act({ type: 'poi-answer', actor: as(LEE), accept: true });
    const names = new Map([
      [LEE, 'Lee'],
      [SAM, 'Sam'],
      [HOST, 'Host'],
      ['nia', 'Nia'],
    ]);
    const markdown = transcriptMarkdown(deck, walk.state, names);
    const section = markdown.slice(markdown.indexOf('## Host controls, prep and points of information'));
    const lines = section.split('\n').filter((l) => l.startsWith('- '));
    expect(lines.map((l) => l.replace(/^- \S+ · /, ''))).toEqual([
      'turn 1 · Lee took prep for World models',
      'turn 1 · Lee prep ended: World models used 0:30',
      'turn 1 · Host paused',
      'turn 1 · Host resumed after 1:00',
      'turn 1 · Host gave extra time: +0:45',
      'turn 1 · Host opened a seat: Sam (Scaling) left; their speeches stay theirs',
      'turn 1 · Nia took a seat: in place of Sam',
      'turn 1 · Nia offered a point of information: accepted',
    ]);
  });

  it('given /help, then it names every host control and the live-mode buttons, whole (not cut at 4,096)', () => {
    const description = String(helpView(deck).embeds?.[0]?.description);
    for (const words of [
      '/debate pause',
      '/debate resume',
      '/debate extend',
      '/debate replace',
      'voice:',
      'Take prep',
      'Point of information',
    ])
      expect(description).toContain(words);
    expect(description.length).toBeLessThan(4096);
  });
});
