// The organizer dashboard's HTML: progress gauge (the same picture chats get, as inline SVG), the board per language
// with intervals, chats per platform, export links. Server-rendered, readable on a phone, refreshed by live.js.
import type { Translate } from '../../../core/i18n';
import type { Progress } from '../../../core/campaigns/progress';
import { languageName } from '../../../core/campaigns/progress';
import type { BoardRow } from '../../../core/campaigns/report';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `body{font-family:system-ui,sans-serif;margin:0;color:#111827;background:#f9fafb}
main{max-width:960px;margin:0 auto;padding:16px}
h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.15rem;margin-top:1.5rem}
.card{background:#fff;border:1px solid #e5e7eb;border-radius:12px;padding:12px;margin:12px 0;overflow-x:auto}
.gauge svg{width:100%;height:auto}
table{border-collapse:collapse;width:100%;font-size:.95rem}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e5e7eb}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.exports a,.exports span{display:inline-block;margin:4px 8px 4px 0;padding:8px 12px;border-radius:8px;border:1px solid #1d4ed8;color:#1d4ed8;text-decoration:none}
.exports span{border-color:#9ca3af;color:#6b7280}
.muted{color:#6b7280;font-size:.9rem}
label{display:block;margin:8px 0 4px}input{font-size:1rem;padding:8px;width:100%;max-width:360px;box-sizing:border-box}
button{font-size:1rem;padding:8px 16px;margin-top:8px}`;

export function shell(locale: string, title: string, body: string, live = false): string {
  return `<!doctype html><html lang="${esc(locale)}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${esc(title)}</title><style>${STYLE}</style></head><body><main id="live">${body}</main>${live ? '<script src="/campaigns/live.js" defer></script>' : ''}</body></html>`;
}

export function loginPage(t: Translate, locale: string, wrong: boolean, back: string): string {
  return shell(
    locale,
    t('dashboard-login-title'),
    `<h1>${esc(t('dashboard-login-title'))}</h1><p>${esc(t('dashboard-login-text'))}</p>${wrong ? `<p role="alert">${esc(t('dashboard-login-wrong'))}</p>` : ''}
<form method="post" action="/campaigns/login"><input type="hidden" name="back" value="${esc(back)}"><label for="token">${esc(t('dashboard-login-label'))}</label><input id="token" name="token" type="password" autocomplete="current-password" required><br><button type="submit">${esc(t('dashboard-login-submit'))}</button></form>`,
  );
}

function boardTable(t: Translate, rows: BoardRow[]): string {
  if (!rows.length) return `<p class="muted">${esc(t('dashboard-no-board'))}</p>`;
  const cell = (x: number | null) => (x === null ? '—' : String(x));
  return `<table><thead><tr><th class="num">${esc(t('dashboard-col-rank'))}</th><th>${esc(t('dashboard-col-model'))}</th><th class="num">${esc(t('dashboard-col-score'))}</th><th class="num">${esc(t('dashboard-col-interval'))}</th><th class="num">${esc(t('dashboard-col-votes'))}</th></tr></thead><tbody>${rows
    .map((r) => `<tr><td class="num">${cell(r.rank)}</td><td>${esc(r.model)}</td><td class="num">${cell(r.score)}</td><td class="num">${cell(r.ciLow)}–${cell(r.ciHigh)}</td><td class="num">${r.votes}</td></tr>`)
    .join('')}</tbody></table>`;
}

export interface DashboardView {
  slug: string;
  progress: Progress;
  gaugeSvg: string;
  overall: BoardRow[];
  byLanguage: Array<{ language: string; board: BoardRow[] }>;
  chats: Array<{ platform: string; title: string; votes: number }>;
}

export function campaignPage(t: Translate, locale: string, view: DashboardView): string {
  const byPlatform = new Map<string, DashboardView['chats']>();
  for (const chat of view.chats) byPlatform.set(chat.platform, [...(byPlatform.get(chat.platform) ?? []), chat]);
  const chats = view.chats.length
    ? [...byPlatform]
        .map(
          ([platform, list]) =>
            `<h3>${esc(t('dashboard-chats-platform', { platform, count: list.length }))}</h3><ul>${list.map((c) => `<li>${esc(c.title)} — ${esc(t('dashboard-chat-votes', { votes: c.votes }))}</li>`).join('')}</ul>`,
        )
        .join('')
    : `<p class="muted">${esc(t('dashboard-no-chats'))}</p>`;
  const slug = encodeURIComponent(view.slug);
  const body = `<h1>${esc(view.progress.title)}</h1><p class="muted">${esc(t('dashboard-status', { status: view.progress.status }))} · ${esc(t('dashboard-live'))}</p>
<section class="card gauge" aria-label="${esc(view.progress.title)}">${view.gaugeSvg}</section>
<h2>${esc(t('dashboard-boards'))}</h2>
<section class="card"><h3>${esc(t('dashboard-board-overall'))}</h3>${boardTable(t, view.overall)}</section>
${view.byLanguage.map((l) => `<section class="card"><h3>${esc(languageName(l.language, locale))}</h3>${boardTable(t, l.board)}</section>`).join('')}
<h2>${esc(t('dashboard-chats'))}</h2><section class="card">${chats}</section>
<h2>${esc(t('dashboard-exports'))}</h2><section class="card exports"><a href="/campaigns/${slug}/report.json" download>${esc(t('dashboard-export-report-json'))}</a><a href="/campaigns/${slug}/report.md" download>${esc(t('dashboard-export-report-md'))}</a><span aria-disabled="true">${esc(t('dashboard-export-dataset'))}</span></section>`;
  return shell(locale, t('dashboard-title', { title: view.progress.title }), body, true);
}

export function listPage(t: Translate, locale: string, campaigns: Array<{ slug: string; title: string; status: string; votes: number; goal: number | null }>): string {
  const items = campaigns.length
    ? `<ul>${campaigns.map((c) => `<li><a href="/campaigns/${encodeURIComponent(c.slug)}">${esc(c.title)}</a> — ${esc(c.status)} · ${c.votes}${c.goal ? ` / ${c.goal}` : ''}</li>`).join('')}</ul>`
    : `<p>${esc(t('dashboard-no-campaigns'))}</p>`;
  return shell(locale, t('dashboard-list-title'), `<h1>${esc(t('dashboard-list-title'))}</h1><section class="card">${items}</section>`);
}

/** Swaps the page's content for a fresh copy every 15 s (same-origin script: the CSP allows no inline ones). */
export const LIVE_JS = `(() => {
  const refresh = async () => {
    try {
      const res = await fetch(location.href, { credentials: 'same-origin', headers: { Accept: 'text/html' } });
      if (!res.ok) return;
      const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
      const fresh = doc.getElementById('live');
      if (fresh) document.getElementById('live').innerHTML = fresh.innerHTML;
    } catch {}
  };
  setInterval(refresh, 15000);
})();
`;
