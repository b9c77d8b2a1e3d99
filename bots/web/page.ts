// Server-rendered HTML for the playground's pages. Every string comes from the Fluent catalog (web.ftl); every
// value from outside (room ids, model names) goes through escapeHtml.
import type { I18n, Locale } from '../../core/i18n/index';
import { SUPPORTED_LOCALES, textDirection } from '../../core/i18n/index';
import { chartAlt, renderChartSvg, warningText } from '../../core/ranking';
import type { LeaderboardView } from './leaderboard';
import { escapeHtml } from './render';

const LANGUAGE_NAMES: Record<Locale, string> = {
  en: 'English',
  fr: 'Français',
  de: 'Deutsch',
  es: 'Español',
  it: 'Italiano',
  pt: 'Português',
  nl: 'Nederlands',
  ar: 'العربية',
};

/** Strings the page's script needs (public/app.js); the rest of the page is rendered here. */
const CLIENT_STRINGS = [
  'web-bot-name',
  'web-connection-connecting',
  'web-connection-live',
  'web-connection-lost',
  'web-dismiss',
  'web-error-internal',
  'web-error-network',
  'web-follow-up',
  'web-follow-up-label',
  'web-members-none',
  'web-name-change',
  'web-name-invalid',
  'web-notice-private',
  'web-reply-label',
  'web-send',
  'web-sending',
  'web-typing',
  'web-you',
  'web-new-messages',
  'web-countdown',
  'web-countdown-closing',
  'web-your-choice',
  'web-prompt-count',
  'web-error-session',
] as const;

/** The page script's strings in one locale. */
export function pageStrings(i18n: I18n, locale: Locale): Record<string, string> {
  const t = i18n.t(locale);
  // Placeholders the script fills in (a countdown's time, a character count).
  const slots = { time: '{time}', count: '{count}', max: '{max}' };
  return Object.fromEntries(CLIENT_STRINGS.map((id) => [id, t(id, slots)]));
}

/** JSON inside a <script type="application/json">: `<` is escaped so no text can close the element. */
const jsonForScript = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028|\u2029/g, ' ');

function languageSwitch(i18n: I18n, locale: Locale, back: string): string {
  const t = i18n.t(locale);
  const options = SUPPORTED_LOCALES.map(
    (l) => `<option value="${l}" lang="${l}"${l === locale ? ' selected' : ''}>${escapeHtml(LANGUAGE_NAMES[l])}</option>`,
  ).join('');
  return `<form class="lang" method="get" action="/lang">
      <label for="lang">${escapeHtml(t('web-language-label'))}</label>
      <select id="lang" name="lang">${options}</select>
      <input type="hidden" name="back" value="${escapeHtml(back)}">
      <button type="submit" class="lang-go">${escapeHtml(t('web-language-apply'))}</button>
    </form>`;
}

function shell(options: { locale: Locale; title: string; body: string; scripts?: string }): string {
  return `<!doctype html>
<html lang="${options.locale}"${textDirection(options.locale) === 'rtl' ? ' dir="rtl"' : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(options.title)}</title>
<link rel="stylesheet" href="/static/style.css">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
</head>
<body>
${options.body}
${options.scripts ?? ''}
</body>
</html>`;
}

export interface RoomPageSession {
  /** The session's CSRF token, sent back on every state-changing request. */
  csrf: string;
  /** The member's public tag (recognises their own messages). */
  tag: string;
  /** The prompt limit the page counts against before sending. */
  maxPromptChars: number;
}

/** A room page in the ROOM's language (its setting or the configured default): its chrome, the core's messages and
 * every private answer read alike. The room's creator changes it with /settings. */
export function roomPage(i18n: I18n, locale: Locale, room: string, session: RoomPageSession): string {
  const t = i18n.t(locale);
  const body = `<a class="skip" href="#prompt">${escapeHtml(t('web-skip-to-composer'))}</a>
<header class="top">
  <p class="brand"><a href="/r/${escapeHtml(room)}">Pnyx</a></p>
  <h1><span class="room-label">${escapeHtml(t('web-room-label'))}</span> <bdi class="room-name">#${escapeHtml(room)}</bdi></h1>
  <nav class="top-nav">
    <a href="/leaderboard?room=${encodeURIComponent(room)}">${escapeHtml(t('web-leaderboard-link'))}</a>
    <span class="room-lang" title="${escapeHtml(t('web-room-language-hint'))}">${escapeHtml(t('web-room-language', { language: LANGUAGE_NAMES[locale] }))}</span>
  </nav>
</header>
<p class="tagline">${escapeHtml(t('web-tagline'))}</p>
<section class="identity">
  <form id="name-form" novalidate>
    <label for="name">${escapeHtml(t('web-name-label'))}</label>
    <div class="row">
      <input id="name" name="name" type="text" dir="auto" maxlength="40" autocomplete="nickname" required
        placeholder="${escapeHtml(t('web-name-placeholder'))}" aria-describedby="name-hint name-error">
      <button type="submit" id="name-save">${escapeHtml(t('web-name-save'))}</button>
    </div>
    <p id="name-hint" class="hint">${escapeHtml(t('web-name-hint'))}</p>
    <p id="name-error" class="error" role="alert"></p>
  </form>
</section>
<section class="members" aria-labelledby="members-heading">
  <h2 id="members-heading">${escapeHtml(t('web-members-label'))}</h2>
  <ul id="members"></ul>
  <p id="connection" class="connection" role="status" data-state="connecting">${escapeHtml(t('web-connection-connecting'))}</p>
</section>
<main id="main">
  <h2 id="messages-heading" class="visually-hidden">${escapeHtml(t('web-messages-label'))}</h2>
  <p id="empty" class="empty">${escapeHtml(t('web-empty-room'))}</p>
  <ol id="messages" role="log" aria-live="polite" aria-relevant="additions" aria-labelledby="messages-heading"></ol>
  <p id="typing" class="typing" aria-live="polite"></p>
  <button type="button" id="new-messages" class="new-messages" hidden>${escapeHtml(t('web-new-messages'))}</button>
</main>
<form id="composer" class="composer" novalidate>
  <div id="follow-up" class="follow-up" hidden>
    <span id="follow-up-text">${escapeHtml(t('web-replying-to'))}</span>
    <button type="button" id="cancel-follow-up">${escapeHtml(t('web-cancel-follow-up'))}</button>
  </div>
  <label for="prompt">${escapeHtml(t('web-prompt-label'))}</label>
  <textarea id="prompt" name="prompt" rows="2" dir="auto" placeholder="${escapeHtml(t('web-prompt-placeholder'))}"
    aria-describedby="prompt-hint composer-notice"></textarea>
  <p id="prompt-hint" class="hint">${escapeHtml(t('web-prompt-hint'))} <span id="prompt-count" class="count" aria-live="polite" hidden></span></p>
  <div id="composer-notice" class="notice-slot" aria-live="assertive"></div>
  <div class="row">
    <button type="submit" id="send" class="primary">${escapeHtml(t('web-send'))}</button>
    <button type="button" id="post-leaderboard">${escapeHtml(t('web-leaderboard-post'))}</button>
  </div>
</form>`;
  const boot = { room, locale, strings: pageStrings(i18n, locale), csrf: session.csrf, tag: session.tag, maxPromptChars: session.maxPromptChars };
  return shell({
    locale,
    title: t('web-room-title', { room }),
    body,
    scripts: `<script type="application/json" id="pnyx-boot">${jsonForScript(boot)}</script>
<script type="module" src="/static/app.js"></script>`,
  });
}

const fmtScore = (n: number | null | undefined) => (n == null || !Number.isFinite(n) ? '–' : Math.round(n).toString());

/** The ranking's own chart (scores with interval whiskers), as an image: SVG in an <img> cannot run anything. */
function chart(view: LeaderboardView, i18n: I18n, locale: Locale): string {
  if (!view.board || !view.board.models.some((m) => m.enoughVotes)) return '';
  const t = i18n.t(locale);
  const names = new Map(view.rows.map((r) => [r.model, r.displayName]));
  const svg = renderChartSvg(view.board, t, { locale, name: (model) => names.get(model) ?? model });
  const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  return `<figure class="chart"><img src="${src}" alt="${escapeHtml(chartAlt(view.board, t))}" width="1080"></figure>`;
}

/** One board: its heading, what it counts, its warnings (as the CLI prints them), chart and table. */
function boardSection(i18n: I18n, locale: Locale, view: LeaderboardView, heading: string, id: string): string {
  const t = i18n.t(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(view.computedAt);
  const ranked = view.kind === 'ranked';
  const head = [
    ranked ? t('web-leaderboard-col-rank') : null,
    t('web-leaderboard-col-model'),
    ranked ? t('web-leaderboard-col-score') : null,
    ranked ? t('web-leaderboard-col-ci') : null,
    t('web-leaderboard-col-votes'),
    t('web-leaderboard-col-wins'),
    t('web-leaderboard-col-ties'),
    t('web-leaderboard-col-losses'),
    t('web-leaderboard-col-winrate'),
  ]
    .filter((h): h is string => h !== null)
    .map((h) => `<th scope="col">${escapeHtml(h)}</th>`)
    .join('');
  const rows = view.rows
    .map((r, i) => {
      const name = `<span class="name">${escapeHtml(r.displayName)}</span>${r.demo ? ` <span class="badge">${escapeHtml(t('web-demo-badge'))}</span>` : ''}${
        r.organisation ? `<br><span class="org">${escapeHtml(r.organisation)}</span>` : ''
      }`;
      const rank = r.rank == null ? '–' : r.rankLow != null && r.rankHigh != null && r.rankLow !== r.rankHigh ? `${r.rank} <span class="range">(${r.rankLow}–${r.rankHigh})</span>` : `${r.rank}`;
      const cells = [
        ranked ? `<td class="rank">${rank}</td>` : null,
        `<th scope="row">${name}</th>`,
        ranked ? `<td>${r.score == null ? escapeHtml(t('web-leaderboard-not-enough')) : fmtScore(r.score)}</td>` : null,
        ranked ? `<td>${r.ciLow == null ? '–' : `${fmtScore(r.ciLow)}–${fmtScore(r.ciHigh)}`}</td>` : null,
        `<td>${r.votes}</td>`,
        `<td>${r.wins}</td>`,
        `<td>${r.ties}</td>`,
        `<td>${r.losses}</td>`,
        `<td>${r.winRate == null ? '–' : percent.format(r.winRate)}</td>`,
      ].filter((c): c is string => c !== null);
      return `<tr data-model="${escapeHtml(r.model)}" data-votes="${r.votes}" data-index="${i}">${cells.join('')}</tr>`;
    })
    .join('\n');
  const intro = ranked ? t('web-leaderboard-ranked', { battles: view.battles }) : t('web-leaderboard-provisional');
  const table = view.rows.length
    ? `<div class="table-wrap" tabindex="0" role="region" aria-labelledby="${id}"><table class="leaderboard">
<thead><tr>${head}</tr></thead>
<tbody>
${rows}
</tbody></table></div>`
    : `<p class="empty">${escapeHtml(t('web-leaderboard-empty'))}</p>`;
  // Degenerate data said in words, as the CLI prints it (a model that never lost has only a lower bound, …).
  const names = new Map(view.rows.map((r) => [r.model, r.displayName]));
  const warnings = (view.board?.warnings ?? []).map((w) =>
    warningText({ ...w, models: w.models.map((m) => names.get(m) ?? m) }, t),
  );
  return `<section class="board" aria-labelledby="${id}">
  <h2 id="${id}">${escapeHtml(heading)}</h2>
  <p class="intro">${escapeHtml(view.rows.length ? intro : '')}</p>
  ${view.rows.length ? chart(view, i18n, locale) : ''}
  ${table}
  ${warnings.length ? `<ul class="warnings">${warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul>` : ''}
  ${view.board && view.rows.some((r) => r.score == null) ? `<p class="hint">${escapeHtml(t('web-leaderboard-min-votes', { min: view.board.options.minVotes }))}</p>` : ''}
  <p class="hint">${escapeHtml(t('web-leaderboard-computed', { when }))}</p>
</section>`;
}

/** The room's own board (its battles, counted or not in the shared rankings) beside the shared one. */
export function leaderboardPage(i18n: I18n, locale: Locale, view: LeaderboardView, room: string, own: LeaderboardView | null = null): string {
  const t = i18n.t(locale);
  const body = `<header class="top">
  <p class="brand"><a href="/r/${escapeHtml(room)}">Pnyx</a></p>
  <h1 id="lb-heading">${escapeHtml(t('web-leaderboard-heading'))}</h1>
  <nav class="top-nav">
    <a href="/r/${escapeHtml(room)}">${escapeHtml(t('web-leaderboard-back'))}</a>
    ${languageSwitch(i18n, locale, `/leaderboard?room=${room}`)}
  </nav>
</header>
<main id="main" class="leaderboard-main boards">
  ${boardSection(i18n, locale, own ?? { kind: 'counts', battles: 0, computedAt: view.computedAt, rows: [] }, t('web-leaderboard-room', { room: `#${room}` }), 'lb-room')}
  ${boardSection(i18n, locale, view, t('web-leaderboard-global'), 'lb-global')}
</main>`;
  return shell({ locale, title: `${t('web-leaderboard-title')} · ${t('web-title')}`, body });
}

export function errorPage(i18n: I18n, locale: Locale, message: string): string {
  const t = i18n.t(locale);
  return shell({
    locale,
    title: t('web-title'),
    body: `<main id="main" class="error-page"><h1>${escapeHtml(t('web-title'))}</h1><p>${escapeHtml(message)}</p><p><a href="/r/lobby">Pnyx</a></p></main>`,
  });
}
