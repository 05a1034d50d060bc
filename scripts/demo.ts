/**
 * `npm run demo`: Steelman in a minute, without a Discord account. Starts the local Discord double
 * and the real bot on a temporary store, plays a scripted 1v1 debate between two simulated members,
 * then a short practice round of bob against Steelman, and prints the channels as they unfold.
 */
import type { DoubleMessage, DoubleUser } from '@steelman/discord-double';
import { Bot, buttonId, embedText, eventually, startWorld } from '../tests/e2e/harness.js';

const world = await startWorld({ channels: ['debates', 'practice'] });
const names = new Map(world.guild.members().map((m) => [m.id, m.username]));
const plain = (text: string) =>
  text
    .replace(/<@&?(\d+)>/g, (_all, id: string) => `@${names.get(id) ?? 'someone'}`)
    .replace(/<#(\d+)>/g, '#channel')
    .replace(/<t:(\d+):[A-Za-z]>/g, (_all, unix: string) => {
      const seconds = Math.round(Number(unix) - Date.now() / 1000);
      return seconds > 0 ? `in ${seconds} s` : 'now';
    })
    .replace(/\*\*|__|_(?=\S)|(?<=\S)_/g, '');

const show = (message: DoubleMessage, note = '') => {
  const body = plain(embedText(message))
    .split('\n')
    .filter((line) => line.trim() !== '');
  const buttons = message.components.flatMap((row) =>
    ((row.components as { label?: string }[] | undefined) ?? []).map((c) => `[${c.label ?? '?'}]`),
  );
  process.stdout.write(
    `\n${note ? `${note}\n` : ''}${body.map((l) => `  ${l}`).join('\n')}\n${buttons.length ? `  ${buttons.join(' ')}\n` : ''}`,
  );
};

world.double.onMessage(({ kind, message }) => {
  if (message.ephemeral || message.loading) return;
  if (kind === 'create') show(message, '─'.repeat(72));
  else if (kind === 'edit' || kind === 'update')
    show(message, `${'─'.repeat(30)} (edited in place) ${'─'.repeat(23)}`);
});

const channel = world.channel('debates');
const alice = world.user('alice');
const bob = world.user('bob');
process.stdout.write(
  'Steelman demo: a local Discord double, the real bot, two simulated members (alice and bob).\n',
);
await Bot.deployCommands(world);
const bot = await Bot.start(world);

try {
  process.stdout.write('\n> alice: /debate start motion:M01 format:quick\n');
  const start = await alice.slash(channel, 'debate', {
    subcommand: 'start',
    options: { motion: 'M01', format: 'quick' },
  });
  await start.response();
  const lobby = await world.double.waitForMessage(
    channel,
    (m) => m.components.length > 0 && JSON.stringify(m.components).includes(`s1:join:${start.id}:`),
    5000,
  );
  process.stdout.write(
    '\n> alice clicks [Join World models]; bob clicks [Join Scaling]; alice clicks [Begin]\n',
  );
  await (await alice.click(lobby, buttonId(lobby, /:join:\d+:lecun$/))).reply();
  await (await bob.click(lobby, buttonId(lobby, /:join:\d+:scaling$/))).reply();
  await (await alice.click(lobby, buttonId(lobby, /:begin:/))).reply();
  // On Begin the debate moves into a thread started from the lobby card (it has the card's id).
  const venue = await eventually(
    () => world.double.threads(channel).find((t) => t.id === lobby.id)?.id,
    5000,
    'the debate thread',
  );
  process.stdout.write('\n> the debate goes on in a thread started from the lobby card\n');
  const begun = await world.double.waitForMessage(
    venue,
    (m) => m.content.includes('the debate has begun'),
    5000,
  );

  const hand = async (user: DoubleUser) => {
    const reply = await (await user.slash(venue, 'evidence', { subcommand: 'hand' })).response();
    process.stdout.write(`\n> ${user.username}: /evidence hand (only ${user.username} sees this)\n`);
    show(reply);
    return [...embedText(reply).matchAll(/\[([LS]\d{2,4})\]\s*([^:\n]*)/g)].map((m) => ({
      id: m[1] ?? '',
      title: m[2] ?? '',
    }));
  };
  const hands = new Map([
    [alice.id, await hand(alice)],
    [bob.id, await hand(bob)],
  ]);
  process.stdout.write('\n> both click [Ready]\n');
  await (await alice.click(begun, buttonId(begun, /:ready:/))).reply();
  await (await bob.click(begun, buttonId(begun, /:ready:/))).reply();

  const cite = (user: DoubleUser, n: number) => {
    const card = hands.get(user.id)?.[n];
    return card ? `[${card.id}] (“${card.title.trim()}”)` : '';
  };
  const speeches = [
    (u: DoubleUser) =>
      `First, the motion is about reasoning, not fluency. A system that only predicts the next token has no model of the world to plan with; consider ${cite(u, 0)}. Second, text is a thin slice of reality: grounding needs perception; see ${cite(u, 1)}. Therefore next-token prediction is a dead end for machine reasoning.`,
    (u: DoubleUser) =>
      `My opponent says prediction cannot plan. However, capabilities keep appearing as models scale; consider ${cite(u, 0)}. Reasoning models already solve multi-step problems; see ${cite(u, 1)}. Because the trend is measurable, the burden is on the other side to show where it stops. Therefore the motion falls.`,
    (u: DoubleUser) =>
      `The other side points to benchmarks, but benchmarks are not a world model. Emergence on tests is not grounding, and reasoning models still hallucinate; remember ${cite(u, 2)}. In conclusion, scaling polishes the same architecture; it does not change what it is.`,
    (u: DoubleUser) =>
      `In conclusion: the opposition has a theory, JEPA, but we have results. Scaling laws have held for years; add ${cite(u, 2)}. For example, chain-of-thought already adds a slower, deliberate mode. Therefore scaling gets there.`,
  ];
  const turns = () => world.double.channelMessages(venue).filter((m) => m.content.startsWith('🎤'));
  for (const [turn, script] of speeches.entries()) {
    const announcement = await eventually(() => turns()[turn], 5000, `turn ${turn + 1}`);
    const speaker = turn % 2 === 0 ? alice : bob;
    process.stdout.write(`\n> ${speaker.username} clicks [Speak] and submits the speech form\n`);
    const modal = await (await speaker.click(announcement, buttonId(announcement, /:speak:/))).modal();
    await (await speaker.submitModal(modal, { speech: script(speaker) })).reply();
  }
  await world.double.waitForMessage(
    venue,
    (m) => m.embeds.some((e) => /win|draw|No decision/.test(String(e.title))),
    5000,
  );
  // The channel gets the result in brief, with a link to the card in the thread.
  await world.double.waitForMessage(
    channel,
    (m) => m.id !== lobby.id && m.content + embedText(m) !== '',
    5000,
  );
  process.stdout.write('\n> alice: /leaderboard\n');
  await (await alice.slash(channel, 'leaderboard', {})).response();
  process.stdout.write('\n> alice: /stats (only alice sees this)\n');
  show(await (await alice.slash(channel, 'stats', {})).response());

  // A short practice round: bob alone against Steelman, which argues the other side from its own hand.
  const room = world.channel('practice');
  process.stdout.write(
    '\n> bob (in #practice): /practice start motion:M01 side:scaling format:quick level:champion\n',
  );
  show(
    await (
      await bob.slash(room, 'practice', {
        subcommand: 'start',
        options: { motion: 'M01', side: 'scaling', format: 'quick', level: 'champion' },
      })
    ).response(),
  );
  const practiceBegun = await world.double.waitForMessage(
    room,
    (m) => m.content.includes('the debate has begun'),
    5000,
  );
  process.stdout.write('\n> bob clicks [Ready]: Steelman opens (the motion is its side’s)\n');
  await (await bob.click(practiceBegun, buttonId(practiceBegun, /:ready:/))).reply();
  const practiceSpeeches = [
    'Scaling laws still hold: each larger model trained on more data and compute keeps improving on reasoning benchmarks, because compute buys capability. Chain of thought lets a model plan step by step, so next-token prediction is not a dead end for reasoning.',
    'My opponent says scaling hits a wall of cost, but the cost of compute keeps falling, so the wall moves. Emergent abilities appear at scale that nobody trained for, which means the trend points to reasoning, and that outweighs one critic.',
  ];
  const bobTurns = () =>
    world.double
      .channelMessages(room)
      .filter((m) => m.content.startsWith('🎤') && m.content.includes(bob.id));
  for (const [n, speech] of practiceSpeeches.entries()) {
    const announcement = await eventually(() => bobTurns()[n], 5000, `bob's practice turn ${n + 1}`);
    process.stdout.write('\n> bob clicks [Speak] and submits the speech form\n');
    const modal = await (await bob.click(announcement, buttonId(announcement, /:speak:/))).modal();
    await (await bob.submitModal(modal, { speech })).reply();
  }
  await world.double.waitForMessage(
    room,
    (m) => m.embeds.some((e) => /win|draw|No decision/.test(String(e.title))),
    5000,
  );
  process.stdout.write('\n> bob: /stats (the practice record, apart from the rated one)\n');
  show(await (await bob.slash(room, 'stats', {})).response());
  process.stdout.write(
    '\nThat was a whole debate and a practice round. Try `npm test` for the full suite.\n',
  );
} finally {
  await bot.stop();
  await world.close();
}
