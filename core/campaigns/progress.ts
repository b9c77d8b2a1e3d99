// A campaign's progress: votes against its goal, overall and per language, days left, the most active chats — as
// numbers (dashboard, report), as text for chats, and as a gauge picture (PNG, drawn like the leaderboard charts:
// Noto Sans, resvg, no browser). Milestones are the quarter marks a chat hears about once.
import type { Translate } from '../i18n';
import { clip, esc, rasterise, WIDTH } from '../ranking/charts/svg';
import { localized } from './spec';
import type { CampaignRow, MemberChat, VoteStats } from './store';

export const MILESTONES = [25, 50, 75, 100] as const;

export interface LanguageProgress {
  language: string;
  votes: number;
  goal: number | null;
  percent: number | null;
}

export interface Progress {
  slug: string;
  title: string;
  status: CampaignRow['status'];
  votes: number;
  battles: number;
  goal: number | null;
  /** 0–100 (capped), null without a goal. */
  percent: number | null;
  languages: LanguageProgress[];
  /** Whole days until the end (0 on the last day), null without an end; negative once ended. */
  daysLeft: number | null;
  topChats: Array<{ chatId: string; title: string; platform: string; votes: number }>;
  chats: number;
}

const pct = (votes: number, goal: number | null | undefined) => (goal ? Math.min(100, Math.floor((votes / goal) * 100)) : null);

export function computeProgress(campaign: CampaignRow, stats: VoteStats, members: readonly MemberChat[], locale: string, now = new Date()): Progress {
  const spec = campaign.spec;
  const goal = spec?.goal?.votes ?? null;
  const languages = (spec?.languages ?? [...stats.byLanguage.keys()]).map((language) => {
    const votes = stats.byLanguage.get(language) ?? 0;
    const langGoal = spec?.goal?.perLanguage[language] ?? null;
    return { language, votes, goal: langGoal, percent: pct(votes, langGoal) };
  });
  const titles = new Map(members.map((m) => [m.chatId, m]));
  const topChats = [...stats.byChat]
    .filter(([, votes]) => votes > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([chatId, votes]) => {
      const m = titles.get(chatId);
      return { chatId, votes, platform: m?.platform ?? '', title: m?.title ?? m?.externalId ?? '—' };
    });
  const daysLeft = campaign.endsAt ? Math.floor((campaign.endsAt.getTime() - now.getTime()) / 86_400_000) : null;
  return {
    slug: campaign.slug,
    title: spec ? localized(spec.title, locale) : campaign.title,
    status: campaign.status,
    votes: stats.total,
    battles: stats.battles,
    goal,
    percent: pct(stats.total, goal),
    languages,
    daysLeft,
    topChats,
    chats: members.length,
  };
}

/** The highest milestone reached, or 0. */
export function milestoneOf(progress: Pick<Progress, 'percent'>): number {
  return [...MILESTONES].reverse().find((m) => (progress.percent ?? 0) >= m) ?? 0;
}

export function languageName(code: string, locale: string): string {
  if (code === 'und') return '?';
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A ten-cell text bar for chats: ▰▰▰▱▱▱▱▱▱▱ */
export function textBar(percent: number): string {
  const full = Math.round(percent / 10);
  return '▰'.repeat(full) + '▱'.repeat(10 - full);
}

export function progressText(p: Progress, t: Translate, locale: string): string {
  const lines = [t('campaign-progress-title', { title: p.title })];
  if (p.status !== 'running') lines.push(t('campaign-progress-status', { status: p.status }));
  lines.push(
    p.goal !== null
      ? `${textBar(p.percent ?? 0)} ${t('campaign-progress-total', { votes: p.votes, goal: p.goal, percent: p.percent ?? 0 })}`
      : t('campaign-progress-total-nogoal', { votes: p.votes }),
  );
  for (const l of p.languages) {
    const language = languageName(l.language, locale);
    lines.push(l.goal !== null ? t('campaign-progress-language', { language, votes: l.votes, goal: l.goal, percent: l.percent ?? 0 }) : t('campaign-progress-language-nogoal', { language, votes: l.votes }));
  }
  if (p.daysLeft !== null) lines.push(p.daysLeft < 0 ? t('campaign-progress-ended') : t('campaign-progress-days', { days: p.daysLeft }));
  if (p.topChats.length) {
    lines.push('', t('campaign-progress-top'));
    p.topChats.forEach((c, i) => lines.push(t('campaign-progress-chat', { rank: i + 1, chat: c.title, votes: c.votes })));
  }
  return lines.join('\n');
}

const GREEN = '#15803d';
const TRACK = '#e5e7eb';

/** The gauge: one wide bar for the whole goal, one per language, days left and top chats underneath. */
export function progressSvg(p: Progress, t: Translate, locale: string): string {
  const pad = 60;
  const barW = WIDTH - 2 * pad;
  const rows: string[] = [];
  let y = 90;
  rows.push(`<text x="${pad}" y="${y}" font-size="44" font-weight="700" fill="#111827">${esc(clip(p.title, 40))}</text>`);
  y += 60;
  const total = p.goal !== null ? t('campaign-progress-total', { votes: p.votes, goal: p.goal, percent: p.percent ?? 0 }) : t('campaign-progress-total-nogoal', { votes: p.votes });
  rows.push(`<text x="${pad}" y="${y}" font-size="30" fill="#374151">${esc(total)}</text>`);
  y += 24;
  const bar = (percent: number | null, height: number) => {
    const w = Math.round((barW * (percent ?? 0)) / 100);
    rows.push(`<rect x="${pad}" y="${y}" width="${barW}" height="${height}" rx="${height / 2}" fill="${TRACK}"/>`);
    if (w > 0) rows.push(`<rect x="${pad}" y="${y}" width="${Math.max(w, height)}" height="${height}" rx="${height / 2}" fill="${GREEN}"/>`);
    for (const m of [25, 50, 75]) rows.push(`<line x1="${pad + (barW * m) / 100}" y1="${y}" x2="${pad + (barW * m) / 100}" y2="${y + height}" stroke="#ffffff" stroke-width="3"/>`);
    y += height;
  };
  bar(p.percent, 56);
  y += 40;
  for (const l of p.languages) {
    const language = languageName(l.language, locale);
    const label = l.goal !== null ? t('campaign-progress-language', { language, votes: l.votes, goal: l.goal, percent: l.percent ?? 0 }) : t('campaign-progress-language-nogoal', { language, votes: l.votes });
    y += 30;
    rows.push(`<text x="${pad}" y="${y}" font-size="28" fill="#111827">${esc(clip(label, 60))}</text>`);
    y += 14;
    bar(l.goal !== null ? l.percent : null, 26);
    y += 20;
  }
  if (p.daysLeft !== null) {
    y += 40;
    rows.push(`<text x="${pad}" y="${y}" font-size="30" font-weight="700" fill="#111827">${esc(p.daysLeft < 0 ? t('campaign-progress-ended') : t('campaign-progress-days', { days: p.daysLeft }))}</text>`);
  }
  if (p.topChats.length) {
    y += 56;
    rows.push(`<text x="${pad}" y="${y}" font-size="30" font-weight="700" fill="#111827">${esc(t('campaign-progress-top'))}</text>`);
    p.topChats.forEach((c, i) => {
      y += 42;
      rows.push(`<text x="${pad}" y="${y}" font-size="28" fill="#374151">${esc(clip(t('campaign-progress-chat', { rank: i + 1, chat: c.title, votes: c.votes }), 60))}</text>`);
    });
  }
  const height = y + 50;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="Noto Sans"><rect width="100%" height="100%" fill="#ffffff"/>${rows.join('')}</svg>`;
}

export function progressPng(p: Progress, t: Translate, locale: string): { png: Uint8Array; alt: string } {
  return {
    png: rasterise(progressSvg(p, t, locale)),
    alt: p.goal !== null ? t('campaign-gauge-alt', { title: p.title, votes: p.votes, goal: p.goal }) : t('campaign-progress-total-nogoal', { votes: p.votes }),
  };
}
