import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, renderAudit } from '../../src/content/audit-table.js';
import type { Deck } from '../../src/content/deck.js';
import { loadDeck } from '../../src/content/load.js';
import { readAllMotionTallies } from '../../src/store/all-motion-tallies.js';
import { openStore } from '../../src/store/open-store.js';
import { copyData, type DataCopy, SHIPPED } from './data-copy.js';

const run = promisify(execFile);
const audit = (env: Record<string, string>) =>
  run('npx', ['tsx', 'src/content/audit.ts'], { env: { ...process.env, ...env } }).then(
    (out) => ({ code: 0, ...out }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

let deck: Deck;
let temp: string;
beforeAll(async () => {
  deck = await loadDeck(SHIPPED);
  temp = await mkdtemp(path.join(tmpdir(), 'steelman-audit-'));
});
afterAll(() => rm(temp, { recursive: true, force: true }));

describe('the data audit', () => {
  it('given no debates, then each motion shows its on-topic cards per side and no balance columns', () => {
    const rows = auditRows(deck);
    expect(rows).toHaveLength(deck.motions.length);
    expect(rows.every((row) => !row.short)).toBe(true);
    const table = renderAudit(deck, rows, false);
    expect(table.split('\n')[0]).toMatch(/^motion\s+affirms\s+on-topic lecun\s+on-topic scaling\s+cards$/);
    expect(table).not.toContain('χ²');
  });

  it('given tallies in two guilds of a store, then they are summed and the χ² verdict shown', async () => {
    const file = path.join(temp, 'store.sqlite');
    const store = await openStore({ kind: 'sqlite', path: file });
    for (let i = 0; i < 6; i++) await store.guilds.recordMotionResult('guild-a', 'M01', 'lecun');
    for (let i = 0; i < 4; i++) await store.guilds.recordMotionResult('guild-b', 'M01', 'lecun');
    await store.guilds.recordMotionResult('guild-b', 'M01', 'draw');
    await store.guilds.recordMotionResult('guild-b', 'M02', 'scaling');
    await store.close();

    const tallies = await readAllMotionTallies({ kind: 'sqlite', path: file });
    expect(tallies.M01).toEqual({ wins: { lecun: 10 }, draws: 1 });
    const table = renderAudit(deck, auditRows(deck, tallies), true);
    const m01 = table.split('\n').find((line) => line.startsWith('M01')) ?? '';
    expect(m01).toMatch(/ok\s+10 \(100%\)\s+0 \(0%\)\s+1\s+10\.00\s+0\.002\s+one-sided: lecun$/);
    expect(table.split('\n').find((line) => line.startsWith('M02'))).toMatch(/too few results$/);
  });

  describe('as a command', () => {
    let copy: DataCopy;
    beforeAll(async () => {
      copy = await copyData();
    });
    afterAll(() => copy.dispose());

    it('given the shipped deck and no store, then it exits 0 saying it shows card counts only', async () => {
      const { code, stdout } = await audit({ DATA_DIR: SHIPPED, STORE_URL: `sqlite://${temp}/none.sqlite` });
      expect(code).toBe(0);
      expect(stdout).toContain('card counts only');
    });

    it('given a motion whose tags no scaling card carries, then it marks it SHORT and exits 1', async () => {
      await copy.edit('motions', (json) => {
        const motion = json.motions.find((m) => m.id === 'M03');
        if (motion) motion.tags = ['credibility'];
      });
      const { code, stdout, stderr } = await audit({
        DATA_DIR: copy.dir,
        STORE_URL: `sqlite://${temp}/none.sqlite`,
      });
      expect(code).toBe(1);
      expect(stdout).toMatch(/M03\s+lecun\s+2\s+4\s+SHORT \(needs 6 a side\)/);
      expect(stderr).toContain('short of on-topic cards: M03');
    });
  });
});
