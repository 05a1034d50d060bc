import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebApp } from '../../src/web/app.js';
import { PageCache } from '../../src/web/cache.js';
import { Handles } from '../../src/web/handles.js';
import { escapeHtml, html } from '../../src/web/html.js';
import {
  ATTACK_NAME,
  ATTACKER,
  deck,
  member,
  NAME,
  NAMELESS,
  NOT_OPTED_IN,
  OPTED_IN,
  OPTED_OUT,
  type SeededSite,
  seedSite,
} from './fixture.js';

let site: SeededSite;
let gatewayUp = true;
const app = () =>
  createWebApp({ store: site.store, deck, handles: site.handles, gateway: () => gatewayUp, cacheMs: 0 });
const get = async (path: string) => {
  const response = await app().request(path);
  return { status: response.status, body: await response.text(), headers: response.headers };
};

beforeAll(async () => {
  site = await seedSite();
}, 60_000);
afterAll(() => site.close());

describe('the web leaderboard', () => {
  it('given the opted-in server, then its first page lists ten members with medals, by display name, and no user ids', async () => {
    const page = await get(`/g/${OPTED_IN}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('cache-control')).toMatch(/max-age=/);
    const badges = [...page.body.matchAll(/<tr><td class="num">(.*?)<\/td>/g)].map((m) => m[1] ?? '');
    expect(badges).toHaveLength(10);
    // Medals go by rank (ties share one), numbers from the fourth place on.
    for (const badge of badges.slice(0, 3)) expect(badge).toMatch(/class="medal m[123]".*medal, rank [123]/);
    for (const badge of badges.slice(3)) expect(badge).toMatch(/^\d+\.$/);
    expect(page.body).toMatch(/Member \d\d/);
    expect(page.body).toContain('Page 1 of 2');
    expect(page.body).not.toMatch(/3000000000000000\d\d/);
    expect(page.body).toContain('Not ranked yet');
  });

  it('given page 2 and a side filter, then they page and filter', async () => {
    const second = await get(`/g/${OPTED_IN}?page=2`);
    expect(second.body).toContain('Page 2 of 2');
    expect(second.body).toContain('rel="prev"');
    const side = await get(`/g/${OPTED_IN}?side=scaling`);
    expect(side.status).toBe(200);
    expect(side.body).toContain(`best ${escapeHtml(deck.sides[1].name)} advocates`);
  });

  it('given a member who opted out, then they appear nowhere: not listed, no profile, "a member" in transcripts', async () => {
    const pages = await Promise.all([1, 2].map((p) => get(`/g/${OPTED_IN}?page=${p}`)));
    for (const page of pages) expect(page.body).not.toContain(NAME(5));
    const handle = site.handles.seal('member', OPTED_IN, OPTED_OUT) ?? '';
    expect((await get(`/g/${OPTED_IN}/members/${handle}`)).status).toBe(404);
    const debates = await get(`/g/${OPTED_IN}/debates`);
    expect(debates.body).not.toContain(NAME(5));
    expect(debates.body).toContain('a member');
    const transcript = await get(
      `/g/${OPTED_IN}/debates/${site.handles.seal('debate', OPTED_IN, site.lastDebateId)}`,
    );
    expect(transcript.status).toBe(200);
    expect(transcript.body).not.toContain(NAME(5));
    expect(transcript.body).not.toContain(site.lastDebateId);
  });

  it('given a server that has not opted in, an unknown server or a malformed id, then a plain 404', async () => {
    for (const path of [
      `/g/${NOT_OPTED_IN}`,
      `/g/${NOT_OPTED_IN}/motions`,
      '/g/123456789012345678',
      '/g/not-a-server',
      `/g/${OPTED_IN}?season=7`,
      `/g/${OPTED_IN}?side=nobody`,
      `/g/${OPTED_IN}?page=-1`,
      `/g/${OPTED_IN}/members/AAAAAAAAAAAAAAAAAAAAAA`,
      `/g/${OPTED_IN}/debates/${site.handles.seal('member', OPTED_IN, member(1))}`,
      `/g/${NOT_OPTED_IN}/members/${site.handles.seal('member', NOT_OPTED_IN, member(1))}`,
      '/nothing-here',
    ]) {
      const page = await get(path);
      expect(page.status, path).toBe(404);
      expect(page.body, path).toBe('Not found');
    }
  });

  it('given a member profile, then it shows their record, rubric averages and rating chart, under a handle', async () => {
    const handle = site.handles.seal('member', OPTED_IN, member(2)) ?? '';
    expect(handle).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const page = await get(`/g/${OPTED_IN}/members/${handle}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(NAME(2));
    expect(page.body).toContain('<svg class="chart"');
    expect(page.body).toContain('<polyline');
    expect(page.body).toContain('Rubric averages');
    expect(page.body).toMatch(/\dW \dL \dD/);
  });

  it('given user text with markup, then it is escaped everywhere it shows', async () => {
    const boards = await Promise.all([1, 2].map((p) => get(`/g/${OPTED_IN}?page=${p}`)));
    const board = boards.map((b) => b.body).join('');
    expect(board).not.toContain('<script>');
    expect(board).toContain(escapeHtml(ATTACK_NAME));
    const profile = await get(`/g/${OPTED_IN}/members/${site.handles.seal('member', OPTED_IN, ATTACKER)}`);
    expect(profile.body).toContain(`<h1>${escapeHtml(ATTACK_NAME)}</h1>`);
    const transcript = await get(
      `/g/${OPTED_IN}/debates/${site.handles.seal('debate', OPTED_IN, site.lastDebateId)}`,
    );
    expect(transcript.body).not.toContain('<img src=x');
    expect(transcript.body).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('given a member whose name was never seen, then they are "a member"', async () => {
    const profile = await get(`/g/${OPTED_IN}/members/${site.handles.seal('member', OPTED_IN, NAMELESS)}`);
    expect(profile.body).toContain('<h1>a member</h1>');
  });

  it('given the motions page, then every motion is listed with its tallies', async () => {
    const page = await get(`/g/${OPTED_IN}/motions`);
    expect(page.status).toBe(200);
    for (const motion of deck.motions) expect(page.body).toContain(escapeHtml(motion.text));
  });

  it('given the gateway and the store, then /healthz is 200; with the gateway down or the store closed, 503', async () => {
    gatewayUp = true;
    expect((await get('/healthz')).status).toBe(200);
    gatewayUp = false;
    const down = await get('/healthz');
    expect(down.status).toBe(503);
    expect(JSON.parse(down.body)).toEqual({ gateway: 'disconnected', store: 'ok' });
    gatewayUp = true;
    const alone = createWebApp({ store: site.store, deck, handles: site.handles });
    expect((await alone.request('/healthz')).status).toBe(200);
  });

  it('given a write method, then there is no such route', async () => {
    for (const method of ['POST', 'PUT', 'DELETE'])
      expect((await app().request(`/g/${OPTED_IN}`, { method })).status).toBe(404);
  });
});

describe('web pieces', () => {
  it('given handles, then they open only for their kind and server, and differ per server', () => {
    const handles = new Handles('s');
    const id = '123456789012345678';
    const sealed = handles.seal('member', '1', id) ?? '';
    expect(handles.open('member', '1', sealed)).toBe(id);
    expect(handles.open('debate', '1', sealed)).toBeUndefined();
    expect(handles.open('member', '2', sealed)).toBeUndefined();
    expect(new Handles('other').open('member', '1', sealed)).toBeUndefined();
    expect(handles.seal('member', '2', id)).not.toBe(sealed);
    expect(handles.seal('member', '1', 'alice')).toBeUndefined();
    expect(sealed).not.toContain(id);
  });

  it('given the page cache, then it serves a page until it expires and drops the least recently used', () => {
    let now = 0;
    const cache = new PageCache(5000, 2, () => now);
    cache.set('a', { status: 200, body: 'A' });
    cache.set('b', { status: 200, body: 'B' });
    expect(cache.get('a')?.body).toBe('A');
    cache.set('c', { status: 200, body: 'C' });
    expect(cache.get('b')).toBeUndefined();
    now = 5001;
    expect(cache.get('a')).toBeUndefined();
  });

  it('given interpolated text, then html escapes it and keeps nested html', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p title="${'"x"'}">${inner}${['&', 1]}</p>`.value).toBe(
      '<p title="&quot;x&quot;"><b>&lt;i&gt;</b>&amp;1</p>',
    );
  });
});
