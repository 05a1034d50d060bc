import { CallbackType, type DoubleUser } from '@steelman/discord-double';
import {
  button,
  CARD_CALLBACKS,
  lobbyCard,
  pool,
  roundTrip,
  START_CALLBACKS,
  startBenchWorld,
  startSteelman,
  stopBot,
} from './world.js';

const bw = await startBenchWorld(101, 220);
const bot = await startSteelman(bw.world, { env: { LOG_LEVEL: process.env.LL ?? 'info' } });
const t0 = Date.now();
const log = (...a: unknown[]) => console.log(((Date.now() - t0) / 1000).toFixed(2), ...a);
try {
  await pool(bw.channels.slice(0, 100), 8, async (channel, i) => {
    const a = bw.users[2 * i] as DoubleUser;
    const b = bw.users[2 * i + 1] as DoubleUser;
    const start = await roundTrip(
      () => a.slash(channel, 'debate', { subcommand: 'start', options: { motion: 'M01', format: 'quick' } }),
      START_CALLBACKS,
    );
    const lobby = await lobbyCard(bw.world, channel, start.handle, 20000);
    const j1 = await roundTrip(
      () => a.click(lobby, button(lobby, /:join:\d+:lecun$/)),
      CARD_CALLBACKS,
      undefined,
      20000,
    );
    if (i >= 80) {
      log(i, 'start', start.ms.toFixed(0), start.type, 'j1', j1.ms.toFixed(0), j1.type);
      return;
    }
    const j2 = await roundTrip(
      () => b.click(lobby, button(lobby, /:join:\d+:scaling$/)),
      CARD_CALLBACKS,
      undefined,
      20000,
    );
    const bg = await roundTrip(
      () => a.click(lobby, button(lobby, /:begin:/)),
      CARD_CALLBACKS,
      undefined,
      20000,
    );
    log(
      i,
      'start',
      start.ms.toFixed(0),
      start.type,
      'j1',
      j1.ms.toFixed(0),
      j1.type,
      'j2',
      j2.ms.toFixed(0),
      j2.type,
      'begin',
      bg.ms.toFixed(0),
      bg.type,
    );
  });
} catch (e) {
  log('FAILED', String(e).slice(0, 600));
  const reqs = bw.world.double.requests;
  for (const r of reqs.slice(-15))
    console.log(JSON.stringify({ at: r.at, m: r.method, p: r.path, s: r.status }).slice(0, 200));
} finally {
  await stopBot(bot);
  (await import('node:fs')).writeFileSync('/tmp/dbg/bot.log', bot.logs.join('\n'));
  await bw.world.close();
}
