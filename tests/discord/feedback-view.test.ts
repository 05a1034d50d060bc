import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { NOTE_MAX, REASON_MAX } from '../../src/debate/feedback.js';
import type { Debate, DebateEvent } from '../../src/debate/types.js';
import { FEEDBACK_CUT_MARK } from '../../src/discord/views/feedback.js';
import { ballotModal } from '../../src/discord/views/forms.js';
import { resultView } from '../../src/discord/views/result.js';
import { transcriptMarkdown } from '../../src/discord/views/transcript.js';
import { ballotEvent, deck, LEE, LOU, SAM, SUE, speakAll, speaking } from '../debate/helpers.js';

type Written = { reason?: string; notes?: Record<string, string> };

/** A finished debate: every judge gives lecun the win (4 against 3) with the feedback given. */
const finished = (formatId: 'quick' | 'team', feedback: Record<string, Written>): Debate => {
  const walk = speaking({ formatId, judges: Object.keys(feedback) });
  speakAll(walk);
  const debaters = walk.state.debaters;
  for (const [judgeId, written] of Object.entries(feedback)) {
    const scores = Object.fromEntries(debaters.map((d) => [d.userId, d.side === 'lecun' ? 4 : 3]));
    walk.act({
      ...(ballotEvent(judgeId, scores, 'lecun') as Extract<DebateEvent, { type: 'ballot' }>),
      ...written,
    });
  }
  if (walk.state.phase !== 'done') throw new Error('the ballots did not finish the debate');
  return walk.state;
};

const card = (state: Debate) => {
  if (!state.result) throw new Error('no result');
  return resultView(deck, state, state.result, []);
};

const fields = (embed: APIEmbed | undefined) => embed?.fields ?? [];
const fieldOf = (embed: APIEmbed | undefined, userId: string) => {
  const field = fields(embed).find((f) => f.value.startsWith(`<@${userId}>`));
  if (!field) throw new Error(`no field for ${userId}`);
  return field;
};

const embedLength = (e: APIEmbed) =>
  (e.title ?? '').length +
  (e.description ?? '').length +
  fields(e).reduce((n, f) => n + f.name.length + f.value.length, 0);

const withinLimits = (embed: APIEmbed | undefined) => {
  expect(embed).toBeDefined();
  expect(embedLength(embed as APIEmbed)).toBeLessThanOrEqual(6000);
  expect(fields(embed).length).toBeLessThanOrEqual(25);
  for (const f of fields(embed)) {
    expect(f.name.length).toBeLessThanOrEqual(256);
    expect(f.value.length).toBeGreaterThan(0);
    expect(f.value.length).toBeLessThanOrEqual(1024);
  }
};

const names = new Map([
  [LEE, 'Lee'],
  [SAM, 'Sam'],
  [LOU, 'Lou'],
  [SUE, 'Sue'],
  ['jude', 'Jude'],
  ['jim', 'Jim'],
  ['joy', 'Joy'],
]);

describe('judges’ feedback on the result card', () => {
  it('given a judge’s reason and notes, then the reason is a field attributed to the judge and each note sits in its debater’s field, pinging nobody', () => {
    const state = finished('quick', {
      jude: {
        reason: 'Lee won the grounding clash.',
        notes: { [LEE]: 'Strong framing.', [SAM]: 'Answer the grounding point.' },
      },
    });
    const view = card(state);
    const [embed] = view.embeds ?? [];
    withinLimits(embed);
    expect(fields(embed)).toContainEqual({
      name: '⚖️ Reason for decision',
      value: '<@jude> → 🧠 World models: Lee won the grounding clash.',
    });
    expect(fieldOf(embed, LEE).value).toContain('\n🗒️ <@jude>: Strong framing.');
    expect(fieldOf(embed, SAM).value).toContain('\n🗒️ <@jude>: Answer the grounding point.');
    expect(view.allowedMentions).toEqual({ parse: [] });
  });

  it('given no feedback, then the card has no reason field and no note lines', () => {
    const [embed] = card(finished('quick', { jude: {} })).embeds ?? [];
    expect(fields(embed).some((f) => f.name.startsWith('⚖️'))).toBe(false);
    expect(fields(embed).some((f) => f.value.includes('🗒️'))).toBe(false);
  });

  it('given a note that tries to ping, then the card still pings nobody', () => {
    const state = finished('quick', { jude: { notes: { [LEE]: '@everyone look <@sam>' } } });
    const view = card(state);
    expect(fieldOf(view.embeds?.[0], LEE).value).toContain('@everyone look <@sam>');
    expect(view.allowedMentions).toEqual({ parse: [] });
  });

  it('given three judges writing everything at the limits in a 2v2, then the card keeps within Discord’s limits, every judge is named, and the cuts carry the mark', () => {
    const long = (max: number, tag: string) => `${tag} ${'word '.repeat(max)}`.slice(0, max);
    const feedback = Object.fromEntries(
      ['jude', 'jim', 'joy'].map((judge) => [
        judge,
        {
          reason: long(REASON_MAX, `${judge}-reason`),
          notes: Object.fromEntries([LEE, SAM, LOU, SUE].map((d) => [d, long(NOTE_MAX, `${judge}-to-${d}`)])),
        },
      ]),
    );
    const state = finished('team', feedback);
    const [embed] = card(state).embeds ?? [];
    withinLimits(embed);
    const reasons = fields(embed).find((f) => f.name === '⚖️ Reasons for decision');
    expect(reasons?.value.split('\n')).toHaveLength(3);
    for (const judge of ['jude', 'jim', 'joy']) {
      expect(reasons?.value).toContain(`<@${judge}> → 🧠 World models: ${judge}-reason`);
      for (const d of [LEE, SAM, LOU, SUE])
        expect(fieldOf(embed, d).value).toContain(`🗒️ <@${judge}>: ${judge}-to-${d}`);
    }
    const quoted = [reasons?.value ?? '', ...[LEE, SAM, LOU, SUE].map((d) => fieldOf(embed, d).value)]
      .flatMap((v) => v.split('\n'))
      .filter((line) => line.includes('-reason ') || line.includes('-to-'));
    expect(quoted).toHaveLength(3 + 3 * 4);
    for (const line of quoted) expect(line.endsWith(FEEDBACK_CUT_MARK)).toBe(true);
  });

  it('given a reason just within its share, then it is shown whole, without the mark', () => {
    const reason = 'x'.repeat(900);
    const [embed] = card(finished('quick', { jude: { reason } })).embeds ?? [];
    const field = fields(embed).find((f) => f.name === '⚖️ Reason for decision');
    expect(field?.value).toBe(`<@jude> → 🧠 World models: ${reason}`);
    expect(field?.value).not.toContain(FEEDBACK_CUT_MARK);
  });
});

describe('judges’ feedback in the transcript', () => {
  it('given long feedback from two judges, then the transcript has every reason and note whole, line breaks kept, attributed by name', () => {
    const reason = `First paragraph.\n\nSecond paragraph. ${'detail '.repeat(250)}`.trim();
    const note = `Line one.\nLine two. ${'more '.repeat(190)}`.trim();
    const state = finished('quick', {
      jude: { reason, notes: { [LEE]: note } },
      jim: { notes: { [SAM]: 'Cite your cards.' } },
    });
    expect(reason.length).toBeGreaterThan(1024);
    const markdown = transcriptMarkdown(deck, state, names);
    expect(markdown).toContain("## Judges' feedback");
    expect(markdown).toContain(`### Jude (for World models)\n\n**Reason for decision:**\n\n${reason}`);
    expect(markdown).toContain(`**Note to Lee (World models):**\n\n${note}`);
    expect(markdown).toContain(
      '### Jim (for World models)\n\n**Note to Sam (Scaling):**\n\nCite your cards.',
    );
    expect(markdown).not.toContain(FEEDBACK_CUT_MARK);
  });

  it('given ballots without feedback, then the transcript has no feedback section', () => {
    expect(transcriptMarkdown(deck, finished('quick', { jude: {} }), names)).not.toContain(
      "Judges' feedback",
    );
  });
});

describe('the ballot form', () => {
  const limits = (modal: ReturnType<typeof ballotModal>) => {
    expect(modal.components.length).toBeLessThanOrEqual(5);
    for (const row of modal.components) {
      const [input] = (row as { components: { label: string; max_length?: number; placeholder?: string }[] })
        .components;
      expect(input?.label.length).toBeLessThanOrEqual(45);
      expect(input?.max_length ?? 0).toBeLessThanOrEqual(4000);
      expect(input?.placeholder?.length ?? 0).toBeLessThanOrEqual(100);
    }
  };

  it('given a 1v1 and a 2v2, then the form holds a field per debater and the winner, within Discord’s five fields and their limits', () => {
    const oneOnOne = speaking({ judges: ['jude'] }).state;
    const team = speaking({ formatId: 'team', judges: ['jude'] }).state;
    limits(ballotModal(deck, oneOnOne, names, undefined));
    const form = ballotModal(deck, team, names, undefined);
    limits(form);
    expect(form.components).toHaveLength(5);
  });

  it('given a judge resubmitting, then each field comes back with the scores and the note below, the winner with the reason below', () => {
    const state = finished('quick', {
      jude: { reason: 'Grounding decided it.', notes: { [SAM]: 'Answer it next time.' } },
      jim: {},
    });
    const form = ballotModal(deck, state, names, state.ballots.jude);
    const values = form.components.map(
      (row) => (row as { components: { custom_id: string; value?: string }[] }).components[0],
    );
    expect(values.map((v) => [v?.custom_id, v?.value])).toEqual([
      [`score-${LEE}`, '4 4 4'],
      [`score-${SAM}`, '3 3 3\nAnswer it next time.'],
      ['winner', 'lecun\nGrounding decided it.'],
    ]);
  });
});

describe('a community-judged card', () => {
  it('given long community votes beside judges’ feedback in a 2v2, then the votes count in the room the coaching gets and the card stays within Discord’s limits', () => {
    const long = (who: string) =>
      `${who}: ${'the grounding clash decided it, and the other side never answered it. '.repeat(12)}`;
    const judged = finished('team', {
      jude: { reason: long('reason'), notes: { [LEE]: long('note'), [SAM]: long('note') } },
    });
    const voters = Array.from({ length: 12 }, (_, i) => `voter${i}`);
    const state: Debate = {
      ...judged,
      judging: 'community',
      votes: Object.fromEntries(
        voters.map((userId, i) => [
          userId,
          { userId, side: i % 2 ? 'lecun' : 'scaling', reason: long(userId), at: 0 },
        ]),
      ),
    };
    const [embed] = card(state).embeds ?? [];
    withinLimits(embed);
    expect(fields(embed).some((f) => f.name.startsWith('Community votes'))).toBe(true);
  });
});
