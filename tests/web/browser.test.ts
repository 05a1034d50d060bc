import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebApp } from '../../src/web/app.js';
import { startWebServer, type WebServer } from '../../src/web/server.js';
import { deck, NAME, NOT_OPTED_IN, OPTED_IN, type SeededSite, seedSite } from './fixture.js';

/**
 * The web leaderboard in a real browser: Debian's chromium driven by playwright-core (which
 * downloads no browser) against the site on loopback. Without /usr/bin/chromium the file is
 * skipped loudly; with REQUIRE_CHROMIUM=1 (CI) that is a failure.
 */
const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = path.resolve(import.meta.dirname, '../../var/web-leaderboard.png');

const chromiumSkipReason = (): string | undefined => {
  if (existsSync(CHROMIUM)) return undefined;
  if (process.env.REQUIRE_CHROMIUM === '1')
    throw new Error(`REQUIRE_CHROMIUM=1 but ${CHROMIUM} is missing: install it (apt-get install chromium).`);
  const message = `${CHROMIUM} is missing: the browser test of the web leaderboard is SKIPPED. Install it (apt-get install chromium); with REQUIRE_CHROMIUM=1 this is an error.`;
  console.warn(`\n${'!'.repeat(100)}\n!! ${message}\n${'!'.repeat(100)}\n`);
  return message;
};
const skip = chromiumSkipReason();

let site: SeededSite;
let server: WebServer;
let profileDir: string;
let browser: BrowserContext;
let page: Page;
const url = (p: string) => `http://127.0.0.1:${server.port}${p}`;

describe.skipIf(skip !== undefined)('the web leaderboard in chromium', () => {
  beforeAll(async () => {
    site = await seedSite();
    server = await startWebServer(
      createWebApp({ store: site.store, deck, handles: site.handles }),
      0,
      '127.0.0.1',
    );
    profileDir = await mkdtemp(path.join(tmpdir(), 'steelman-chromium-'));
    // A fresh profile (--user-data-dir) for every run: playwright takes it as the persistent context's folder.
    browser = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1000, height: 900 },
      timeout: 30_000,
    });
    page = browser.pages()[0] ?? (await browser.newPage());
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await site?.close();
    if (profileDir) await rm(profileDir, { recursive: true, force: true });
  });

  it('given the opted-in server, then the leaderboard renders ten rows with medals, and a screenshot is kept', async () => {
    const response = await page.goto(url(`/g/${OPTED_IN}`));
    expect(response?.status()).toBe(200);
    expect(await page.title()).toContain('Leaderboard, season 1');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(10);
    await expect
      .poll(() => page.getByRole('img', { name: 'gold medal, rank 1' }).count())
      .toBeGreaterThanOrEqual(1);
    await mkdir(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(existsSync(SCREENSHOT)).toBe(true);
  });

  it('given Next, then page 2; given a side, then that side’s board', async () => {
    await page.goto(url(`/g/${OPTED_IN}`));
    await page.getByRole('link', { name: 'Next ▶' }).click();
    await page.waitForURL(/page=2/);
    expect(await page.locator('.pager .muted').innerText()).toContain('Page 2 of 2');
    await page.getByRole('link', { name: 'Previous' }).click();
    await page.waitForURL((u) => !u.search.includes('page='));
    const side = deck.sides[1];
    await page.locator('.chips[aria-label="Side"]').getByRole('link', { name: side.name }).click();
    await page.waitForURL(new RegExp(`side=${side.id}`));
    expect(await page.locator('h1').innerText()).toContain(`best ${side.name} advocates`);
  });

  it('given a member who opted out, then no page of the leaderboard shows them', async () => {
    for (const p of [1, 2]) {
      await page.goto(url(`/g/${OPTED_IN}?page=${p}`));
      expect(await page.locator('main').innerText()).not.toContain(NAME(5));
    }
  });

  it('given a member link, then their profile shows the rating chart', async () => {
    await page.goto(url(`/g/${OPTED_IN}`));
    const first = page.locator('tbody tr a').first();
    const name = await first.innerText();
    await first.click();
    await page.waitForURL(/\/members\//);
    expect(await page.locator('h1').innerText()).toBe(name);
    expect(await page.locator('svg.chart polyline').count()).toBe(1);
  });

  it('given a server that has not opted in, then a plain 404', async () => {
    const response = await page.goto(url(`/g/${NOT_OPTED_IN}`));
    expect(response?.status()).toBe(404);
    expect(await page.locator('body').innerText()).toBe('Not found');
  });
});
