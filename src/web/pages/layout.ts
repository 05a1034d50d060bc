import type { Side } from '../../content/schemas.js';
import { type Html, html, trusted } from '../html.js';

const CSS = `
:root{color-scheme:dark;--bg:#1e1f22;--panel:#2b2d31;--text:#f2f3f5;--muted:#b5bac1;--track:#383a40;--gold:#f1c40f}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--text);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:880px;margin:0 auto;padding:24px 16px 48px}a{color:#8ab4f8}h1{font-size:1.7rem;margin:.2em 0}h2{font-size:1.15rem;margin:1.6em 0 .5em}
nav.top{display:flex;gap:16px;flex-wrap:wrap;padding:12px 16px;background:var(--panel)}nav.top a{text-decoration:none}
.band{height:6px;background:linear-gradient(90deg,var(--a,#5865f2),var(--b,#5865f2))}
table{width:100%;border-collapse:collapse}th,td{padding:8px 6px;text-align:left;border-bottom:1px solid var(--track)}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.muted{color:var(--muted)}.chips{display:flex;gap:8px;flex-wrap:wrap;margin:8px 0}.chips a,.chips span{padding:4px 10px;border-radius:999px;background:var(--panel);text-decoration:none}
.chips .on{outline:2px solid var(--muted)}.pager{display:flex;justify-content:space-between;margin-top:12px}
.bar{height:10px;border-radius:5px;background:var(--track);overflow:hidden}.bar>span{display:block;height:100%;border-radius:5px}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(240px,1fr));gap:16px}.card{background:var(--panel);border-radius:12px;padding:12px 16px}
.rating{font-size:2.4rem;font-weight:700}pre.transcript{white-space:pre-wrap;word-wrap:break-word;background:var(--panel);padding:16px;border-radius:12px;font:14px/1.5 ui-monospace,monospace}
.medal{display:inline-block;min-width:1.8em;padding:0 .3em;border-radius:999px;text-align:center;font-weight:700;color:#1e1f22}.m1{background:#f1c40f}.m2{background:#c0c7d0}.m3{background:#cd7f32}
svg.chart{width:100%;height:auto;background:var(--panel);border-radius:12px}
`;

export interface PageFrame {
  readonly title: string;
  readonly guildId: string;
  readonly sides: readonly Side[];
}

/** The page around every view: title, the sides' colours, the server's navigation. */
export const layout = (frame: PageFrame, body: Html): string => {
  const base = `/g/${frame.guildId}`;
  const [a, b] = frame.sides;
  return `<!doctype html>${html`<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${frame.title} · Steelman</title><style>${trusted(CSS)}</style></head><body style="--a:${a?.colour ?? ''};--b:${b?.colour ?? ''}"><div class="band"></div><nav class="top"><strong>Steelman</strong><a href="${base}">Leaderboard</a><a href="${base}/debates">Recent debates</a><a href="${base}/motions">Motions</a></nav><main>${body}</main></body></html>`}`;
};

/** A bare page for the site's root, which names no server. */
export const indexPage = (): string =>
  `<!doctype html>${html`<html lang="en"><head><meta charset="utf-8"><title>Steelman</title><style>${trusted(CSS)}</style></head><body><main><h1>Steelman</h1><p>Each server that turned its web leaderboard on (<code>/config set web on</code>) has its page at <code>/g/&lt;server id&gt;</code>.</p></main></body></html>`}`;

const MEDAL_NAMES = ['gold', 'silver', 'bronze'] as const;

/** A medal for the top three (a coloured disc with the rank: no emoji font needed), else the rank. */
export const rankBadge = (rank: number): Html => {
  const medal = MEDAL_NAMES[rank - 1];
  return medal
    ? html`<span class="medal m${rank}" role="img" aria-label="${medal} medal, rank ${rank}">${rank}</span>`
    : html`${rank}.`;
};

export const wld = (t: { wins: number; losses: number; draws: number } | undefined) =>
  `${t?.wins ?? 0}W ${t?.losses ?? 0}L ${t?.draws ?? 0}D`;

export const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
