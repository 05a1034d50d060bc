import { CallbackType, type DoubleMessage, type DoubleUser } from '@steelman/discord-double';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonGone, confirmed, deckData, privately, speechText, staleClick, Table } from './flows.js';
import {
  type Bot,
  buttonId,
  buttonIds,
  embedText,
  startWorldWithBot,
  stopWorldWithBot,
  type World,
} from './harness.js';

/**
 * How debates end (a missed turn, a forfeit, a cancel) and what the standings make of it: alice
 * always argues the LeCun side and bob the scaling side, so after three rated debates both are
 * ranked overall and on their side; carol and dave only ever have cancelled debates.
 */
let world: World;
let bot: Bot;
let alice: DoubleUser;
let bob: DoubleUser;

beforeAll(async () => {
  ({ world, bot } = await startWorldWithBot({ channels: ['timeouts', 'forfeits', 'cancels', 'lounge'] }));
  alice = world.user('alice');
  bob = world.user('bob');
}, 60_000);

afterAll(() => stopWorldWithBot(world, bot));

const field = (message: DoubleMessage, name: RegExp | string) => {
  const fields = (message.embeds[0]?.fields ?? []) as { name: string; value: string }[];
  return fields.find((f) => (typeof name === 'string' ? f.name === name : name.test(f.name)))?.value;
};
const scoreField = (result: DoubleMessage, user: DoubleUser) =>
  ((result.embeds[0]?.fields ?? []) as { name: string; value: string }[]).find((f) =>
    f.value.includes(`<@${user.id}>`),
  );

describe('how a debate ends', () => {
  it('given a speaker who never speaks (snap format), then the bell rings, the turn is recorded as missed, the next turn starts and Discipline shows the miss', async () => {
    const table = await Table.open(world, alice, 'timeouts', { motion: 'M01', format: 'snap' });
    await table.seat(alice, 'lecun');
    await table.seat(bob, 'scaling');
    const begun = await table.begin();
    expect(embedText(begun)).toContain('Prep skipped');

    const first = await table.turn(0);
    expect(first.mentions).toEqual([alice.id]);
    expect(first.content).toContain('(0:05)');
    const missed = await table.waitFor((m) => m.content.startsWith('⏱️'), 'the missed-turn message', 9000);
    expect(missed.content).toBe(`⏱️ <@${alice.id}> missed their constructive: time ran out.`);
    expect(missed.mentions).toEqual([]);
    const waited = missed.createdAt - first.createdAt;
    expect(waited).toBeGreaterThanOrEqual(4500);
    expect(waited).toBeLessThan(8000);

    const second = await table.turn(1);
    const messages = table.messages();
    const bell = messages.find((m) => m.content.startsWith('🔔'));
    expect(bell?.content).toMatch(new RegExp(`^🔔 2 s left for <@${alice.id}> \\(ends <t:\\d+:R>\\)\\.$`));
    expect(bell?.mentions).toEqual([]);
    const order = [first, bell, missed, second].map((m) => messages.findIndex((x) => x.id === m?.id));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(second.mentions).toEqual([bob.id]);
    // The missed turn's Speak button is gone; a client still showing it is told the turn is over.
    const speakId = `s1:speak:${table.debateId}:0`;
    await buttonGone(world, first, /:speak:/);
    const stale = await privately(staleClick(world, alice, first, speakId));
    expect(stale.content).toBe('That turn is already over, so nothing was changed.');

    await table.speak(bob, 1, speechText('the only speech of the timeout debate'));
    const result = await table.result();
    expect(String(result.embeds[0]?.title)).toBe('🏆 📈 Scaling (next-token LLMs) wins');
    expect(scoreField(result, alice)?.value).toContain('Discipline **1**: 0 of 1 speech delivered');
    expect(scoreField(result, bob)?.value).toContain('Discipline **5**: 1 of 1 speech delivered');
    expect(scoreField(result, alice)?.name).toMatch(/rating 1000 → \d+ \(-\d+\)/);
    expect(bot.errors()).toEqual([]);
  }, 20_000);

  it('given a debater who forfeits mid-debate, then the other side wins by forfeit and the debate is rated', async () => {
    const table = await Table.open(world, bob, 'forfeits', { motion: 'M01', format: 'quick' });
    await table.seat(alice, 'lecun');
    await table.seat(bob, 'scaling');
    const begun = await table.begin();
    await table.readyAll(begun, [alice, bob]);
    await table.speak(alice, 0, speechText('alice opens before bob concedes'));
    await table.turn(1);
    const conceded = await confirmed(bob, bob.slash(table.channel, 'debate', { subcommand: 'forfeit' }));
    expect(conceded.content).toBe('You have forfeited. The other side wins.');
    const result = await table.result();
    const text = embedText(result);
    expect(String(result.embeds[0]?.title)).toBe('🏆 🌍 World models (LeCun) wins');
    expect(text).toContain(`Decided by forfeit: <@${bob.id}> conceded.`);
    expect(text).not.toContain('Not rated');
    expect(scoreField(result, alice)?.name).toMatch(/rating \d+ → \d+ \(\+\d+\)/);
    expect(scoreField(result, bob)?.name).toMatch(/rating \d+ → \d+ \(-\d+\)/);
    expect(result.mentions).toEqual([]);
    // Once over, a second forfeit finds no debate here.
    const late = await privately(alice.slash(table.channel, 'debate', { subcommand: 'forfeit' }));
    expect(late.content).toContain('no debate in this channel');
  });

  it('given a debater who forfeits during prep, then the other side wins at once', async () => {
    // M02 is affirmed by the scaling side: bob opens. alice concedes before any speech.
    const table = await Table.open(world, alice, 'forfeits', { motion: 'M02', format: 'quick' });
    await table.seat(alice, 'lecun');
    await table.seat(bob, 'scaling');
    await table.begin();
    await confirmed(alice, alice.slash(table.channel, 'debate', { subcommand: 'forfeit' }));
    const result = await table.result();
    expect(String(result.embeds[0]?.title)).toBe('🏆 📈 Scaling (next-token LLMs) wins');
    expect(embedText(result)).toContain(`Decided by forfeit: <@${alice.id}> conceded.`);
    expect(table.turns()).toHaveLength(0);
    expect(bot.errors()).toEqual([]);
  });

  it('given a lobby cancelled by its host at once, and a begun debate cancelled by a moderator, then the cards say so and nobody is rated', async () => {
    const carol = world.user('carol');
    const dave = world.user('dave');
    const mod = world.user('mod');

    // The host cancels straight away: the card itself turns to cancelled, with no buttons left.
    const lobby = await Table.open(world, carol, 'cancels', { motion: 'M01', format: 'quick' });
    const cancel = await carol.click(lobby.lobby(), buttonId(lobby.lobby(), /:cancel:/));
    expect((await cancel.reply()).type).toBe(CallbackType.UpdateMessage);
    expect(String(lobby.lobby().embeds[0]?.title)).toBe('Debate M01: closed');
    expect(embedText(lobby.lobby())).toContain('Cancelled.');
    expect(buttonIds(lobby.lobby())).toEqual([]);

    // A begun debate: only a moderator who is not debating may cancel it.
    const table = await Table.open(world, dave, 'cancels', { motion: 'M01', format: 'quick' });
    await table.seat(carol, 'lecun');
    await table.seat(dave, 'scaling');
    const begun = await table.begin();
    await table.readyAll(begun, [carol, dave]);
    await table.speak(carol, 0, speechText('carol speaks before the moderator steps in'));
    const notHost = await privately(carol.slash(table.channel, 'debate', { subcommand: 'cancel' }));
    expect(notHost.content).toContain('You are debating in this debate, so you cannot cancel it');
    const byMod = await confirmed(mod, mod.slash(table.channel, 'debate', { subcommand: 'cancel' }));
    expect(byMod.content).toBe('The debate is cancelled. Nothing is rated.');
    const notice = await table.waitFor((m) => m.content.startsWith('🛑'), 'the cancel notice');
    expect(notice.content).toBe('🛑 The debate is cancelled. Nothing is rated.');
    expect(notice.mentions).toEqual([]);
    await table.waitFor(() => embedText(table.lobby()).includes('Cancelled.'), 'the card to show cancelled');
    expect(String(table.lobby().embeds[0]?.title)).toBe('Debate M01: closed');
    expect(table.messages().some((m) => m.embeds.some((e) => /^(🏆|🤝|📝)/.test(String(e.title))))).toBe(
      false,
    );
    // The turn under way loses its buttons; a client still showing them is told the debate is over.
    const turn = await table.turn(1);
    const speakId = `s1:speak:${table.debateId}:1`;
    await buttonGone(world, turn, /./);
    const stale = await privately(staleClick(world, dave, turn, speakId));
    expect(stale.content).toBe('This debate is over.');

    for (const player of [carol, dave]) {
      const stats = await privately(mod.slash(table.channel, 'stats', { options: { user: player.id } }));
      expect(stats.content).toBe(`<@${player.id}> has no rated debate in season 1 yet.`);
    }
    expect(bot.errors()).toEqual([]);
  });
});

describe('standings after several rated debates', () => {
  it('given alice (1W 2L, LeCun) and bob (2W 1L, scaling), then /leaderboard ranks them with medals and /stats shows rank, record by side and what to practise', async () => {
    const channel = world.channel('lounge');
    const board = await bob.slash(channel, 'leaderboard', {});
    const page = await board.response();
    expect(page.ephemeral).toBe(false);
    expect(page.mentions).toEqual([]);
    const lines = String(page.embeds[0]?.description).split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^🥇 <@${bob.id}> · \\*\\*\\d+\\*\\* · 2W 1L 0D$`));
    expect(lines[1]).toMatch(new RegExp(`^🥈 <@${alice.id}> · \\*\\*\\d+\\*\\* · 1W 2L 0D$`));
    expect(embedText(page)).toContain('Page 1 of 1 · 2 ranked');

    const stats = await privately(alice.slash(channel, 'stats', {}));
    expect(String(stats.embeds[0]?.description)).toContain('rank **2**');
    expect(field(stats, 'Overall')).toBe('1W 2L 0D');
    expect(field(stats, /World models/)).toBe('1W 2L 0D');
    expect(field(stats, /Scaling/)).toBe('0W 0L 0D');
    // The weakest rubric average is named as the thing to practise.
    const averages = [...(field(stats, 'Rubric averages') ?? '').matchAll(/(\w+) (\d\.\d)/g)].map((m) => ({
      name: m[1] as string,
      avg: Number(m[2]),
    }));
    expect(averages.map((a) => a.name)).toEqual(['Argument', 'Evidence', 'Rebuttal', 'Discipline']);
    const weakest = Math.min(...averages.map((a) => a.avg));
    const practise = field(stats, 'Practise next') ?? '';
    const named = /^(\w+) \((\d\.\d) on average\)$/.exec(practise);
    expect(named?.[2] && Number(named[2])).toBe(weakest);
    expect(averages.find((a) => a.name === named?.[1])?.avg).toBe(weakest);
    const recent = (field(stats, 'Last debates') ?? '').split('\n');
    expect(recent).toHaveLength(3);
    expect(recent.map((l) => l.slice(0, 1))).toEqual(['❌', '✅', '❌']);
    // The rating is taken apart so it adds up on screen: shown = 1000 + skill − margin.
    const shown = Number(/rating \*\*(\d+)\*\*/.exec(String(stats.embeds[0]?.description))?.[1]);
    const parts = /^(\d+) = 1000 \+ skill (\d+) − margin (\d+)\./.exec(
      field(stats, 'How the rating is made') ?? '',
    );
    expect(Number(parts?.[1])).toBe(shown);
    expect(1000 + Number(parts?.[2]) - Number(parts?.[3])).toBe(shown);
    expect(field(stats, 'How the rating is made')).toContain('a first win shows +138 and a first loss −73');

    const bobStats = await privately(bob.slash(channel, 'stats', {}));
    expect(String(bobStats.embeds[0]?.description)).toContain('rank **1**');
    expect(field(bobStats, /Scaling/)).toBe('2W 1L 0D');
  });

  it('given the side filter, the opt-out and the server switch, then /leaderboard follows them', async () => {
    const channel = world.channel('lounge');
    const mod = world.user('mod');
    const lecunBoard = await (
      await bob.slash(channel, 'leaderboard', { options: { side: 'lecun' } })
    ).response();
    expect(String(lecunBoard.embeds[0]?.title)).toContain('best 🌍 World models (LeCun) advocates');
    expect(String(lecunBoard.embeds[0]?.description)).toMatch(
      new RegExp(`^🥇 <@${alice.id}> · \\*\\*\\d+\\*\\* · 1W 2L 0D$`),
    );
    const scalingBoard = await (
      await bob.slash(channel, 'leaderboard', { options: { side: 'scaling' } })
    ).response();
    expect(String(scalingBoard.embeds[0]?.description)).toMatch(
      new RegExp(`^🥇 <@${bob.id}> · \\*\\*\\d+\\*\\* · 2W 1L 0D$`),
    );

    const hidden = await privately(alice.slash(channel, 'leaderboard', { options: { listed: false } }));
    expect(hidden.content).toBe('You are now hidden from the leaderboard.');
    const without = await (await bob.slash(channel, 'leaderboard', {})).response();
    expect(embedText(without)).not.toContain(alice.id);
    expect(String(without.embeds[0]?.description)).toMatch(new RegExp(`^🥇 <@${bob.id}>`));
    expect(String((await privately(alice.slash(channel, 'stats', {}))).embeds[0]?.description)).toContain(
      'not listed',
    );
    await privately(alice.slash(channel, 'leaderboard', { options: { listed: true } }));
    const back = await (await bob.slash(channel, 'leaderboard', {})).response();
    expect(embedText(back)).toContain(`🥈 <@${alice.id}>`);

    const set = await privately(
      mod.slash(channel, 'config', { subcommand: 'set', options: { key: 'leaderboard', value: 'off' } }),
    );
    expect(embedText(set)).toContain('Server settings');
    const off = await privately(bob.slash(channel, 'leaderboard', {}));
    expect(off.content).toBe('The leaderboard is turned off in this server.');
    expect(bot.errors()).toEqual([]);
  });
});

describe('research and the motion bank', () => {
  it('given the autocompletes and /evidence search, then motions and cards are found by their words', async () => {
    const channel = world.channel('lounge');
    const erin = world.user('erin');
    const motions = await erin.autocomplete(channel, 'debate', {
      subcommand: 'start',
      focused: 'motion',
      value: 'hallucination',
    });
    // The one motion about hallucination comes first; its name is cut to Discord's 100 characters.
    const found = deckData(world).motions.find((m) => /hallucination/i.test(m.text));
    expect(motions[0]?.value).toBe(found?.id);
    const shownName = String(motions[0]?.name).replace(/…$/, '');
    expect(`${found?.id} · ${found?.text}`.startsWith(shownName)).toBe(true);
    expect(shownName.length).toBeGreaterThan(60);
    const cards = await erin.autocomplete(channel, 'evidence', {
      subcommand: 'show',
      focused: 'id',
      value: 'jepa',
    });
    expect(cards.length).toBeGreaterThan(0);
    for (const c of cards) expect(String(c.value)).toMatch(/^[LS]\d{2,4}$/);
    expect(cards.some((c) => c.name.includes('JEPA'))).toBe(true);
    const shown = await privately(
      erin.slash(channel, 'evidence', { subcommand: 'show', options: { id: String(cards[0]?.value) } }),
    );
    expect(String(shown.embeds[0]?.title)).toContain(`[${cards[0]?.value}]`);

    const search = await privately(
      erin.slash(channel, 'evidence', { subcommand: 'search', options: { query: 'JEPA' } }),
    );
    expect(String(search.embeds[0]?.title)).toBe('Evidence matching “JEPA”');
    const listed = [...String(search.embeds[0]?.description).matchAll(/\*\*\[([LS]\d+)\]\*\*/g)].map(
      (m) => m[1],
    );
    expect(listed.length).toBeGreaterThan(0);
    // Every card listed is one the deck has, and the best match talks about JEPA.
    const byId = new Map(deckData(world).cards.map((c) => [c.id, c]));
    for (const id of listed) expect(byId.has(id as string)).toBe(true);
    const best = byId.get(listed[0] as string);
    expect(`${best?.title} ${best?.claim}`).toMatch(/JEPA/i);
    expect(embedText(search)).toMatch(/\d+ cards? · \/evidence show/);
  });

  it('given the debates of this server, then /motion stats tallies each motion by its rated results', async () => {
    const stats = await privately(
      world.user('erin').slash(world.channel('lounge'), 'motion', { subcommand: 'stats' }),
    );
    const lines = String(stats.embeds[0]?.description).split('\n');
    // M01: the timeout (scaling) and the mid-debate forfeit (LeCun); M02: the prep forfeit (scaling).
    // The cancelled debates count for nothing.
    expect(lines).toEqual([
      '**M01** 🌍 1 – 📈 1, 0 drawn: too few results to judge',
      '**M02** 🌍 0 – 📈 1, 0 drawn: too few results to judge',
    ]);
    expect(bot.errors()).toEqual([]);
  });
});
