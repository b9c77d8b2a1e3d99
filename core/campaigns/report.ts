// A campaign's final report: the leaderboard per language with intervals, participation (votes, battles, voters,
// chats per platform), and how each community's ranking (each chat's) compares with the campaign's — as JSON (the
// data), Markdown (to read and publish) and PNG (the campaign's board, for chats), written to a folder.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { Translate } from '../i18n';
import { compareRankings, computeLeaderboard, renderChartPng, type Leaderboard } from '../ranking';
import { readVoteCounts } from '../ranking/readers/source-db';
import type { DB } from '../store/db';
import { computeProgress, languageName, type Progress } from './progress';
import { campaignVoteStats, memberChats, type CampaignRow } from './store';
import { stanceBoard, type StanceRow } from './stances';
import { campaignJudgments, JUDGMENT_LABELS, type ModelJudgments } from './judgments';

export interface BoardRow {
  rank: number | null;
  model: string;
  score: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  votes: number;
}

export interface CampaignReport {
  slug: string;
  title: string;
  generatedAt: string;
  progress: Progress;
  participation: { votes: number; battles: number; voters: number; chats: number; chatsByPlatform: Record<string, number> };
  overall: BoardRow[];
  byLanguage: Array<{ language: string; votes: number; board: BoardRow[] }>;
  communities: Array<{ chat: string; platform: string; votes: number; common: number; tau: number | null; mostDifferent: Array<{ model: string; localRank: number; globalRank: number }> }>;
  stances: StanceRow[];
  /** Voters' judgments of the replies, per model (campaigns whose file asks for `judgments`; empty otherwise). */
  judgments: ModelJudgments[];
}

const rowsOf = (board: Leaderboard): BoardRow[] =>
  board.models
    .filter((m) => m.enoughVotes)
    .sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99))
    .map((m) => ({ rank: m.rank, model: m.model, score: m.score === null ? null : Math.round(m.score), ciLow: m.ciLow === null ? null : Math.round(m.ciLow), ciHigh: m.ciHigh === null ? null : Math.round(m.ciHigh), votes: m.votes }));

export interface ReportOptions {
  bootstrap?: number;
  /** Fewest votes for a model to be ranked (default 5: a campaign's language boards are small). */
  minVotes?: number;
}

export async function buildReport(db: Kysely<DB>, campaign: CampaignRow, locale: string, options: ReportOptions = {}): Promise<{ report: CampaignReport; board: Leaderboard }> {
  const compute = { bootstrap: options.bootstrap ?? 500, minVotes: options.minVotes ?? 5, seed: 1 };
  const [stats, members] = await Promise.all([campaignVoteStats(db, campaign.id), memberChats(db, campaign.id)]);
  const progress = computeProgress(campaign, stats, members, locale);
  const board = computeLeaderboard(await readVoteCounts(db, { campaign: campaign.id }), compute);
  const languages = [...new Set([...(campaign.spec?.languages ?? []), ...stats.byLanguage.keys()])].filter((l) => l !== 'und');
  const byLanguage = [];
  for (const language of languages) {
    const counts = await readVoteCounts(db, { campaign: campaign.id, language });
    byLanguage.push({ language, votes: stats.byLanguage.get(language) ?? 0, board: rowsOf(computeLeaderboard(counts, compute)) });
  }
  const communities = [];
  for (const [chatId, votes] of stats.byChat) {
    const local = computeLeaderboard(await readVoteCounts(db, { campaign: campaign.id, chat: chatId }), compute);
    const comparison = compareRankings(local, board);
    const member = members.find((m) => m.chatId === chatId);
    communities.push({
      chat: member?.title ?? member?.externalId ?? chatId,
      platform: member?.platform ?? '',
      votes,
      common: comparison.common,
      tau: comparison.tau === null ? null : Math.round(comparison.tau * 100) / 100,
      mostDifferent: comparison.mostDifferent.map(({ model, localRank, globalRank }) => ({ model, localRank, globalRank })),
    });
  }
  const voters = await db
    .selectFrom('Vote')
    .innerJoin('Battle', 'Battle.id', 'Vote.battleId')
    .select(sql<number>`COUNT(DISTINCT "Vote"."voterId")`.as('n'))
    .where('Battle.campaignId', '=', campaign.id)
    .executeTakeFirst();
  const chatsByPlatform: Record<string, number> = {};
  for (const m of members) chatsByPlatform[m.platform] = (chatsByPlatform[m.platform] ?? 0) + 1;
  return {
    board,
    report: {
      slug: campaign.slug,
      title: progress.title,
      generatedAt: new Date().toISOString(),
      progress,
      participation: { votes: stats.total, battles: stats.battles, voters: Number(voters?.n ?? 0), chats: members.length, chatsByPlatform },
      overall: rowsOf(board),
      byLanguage,
      communities,
      stances: campaign.spec?.diverse ? await stanceBoard(db, campaign.id, campaign.spec, locale) : [],
      judgments: await campaignJudgments(db, campaign.id),
    },
  };
}

const cell = (x: number | null) => (x === null ? '—' : String(x));

export function reportMarkdown(r: CampaignReport, t: Translate, locale: string): string {
  const table = (rows: BoardRow[]) =>
    rows.length
      ? ['| # | model | score | 95 % interval | votes |', '|---|---|---|---|---|', ...rows.map((m) => `| ${cell(m.rank)} | ${m.model} | ${cell(m.score)} | ${cell(m.ciLow)}–${cell(m.ciHigh)} | ${m.votes} |`)].join('\n')
      : t('campaign-report-no-votes');
  const out = [`# ${t('campaign-report-title', { title: r.title })}`, '', `_${r.generatedAt}_`, '', `## ${t('campaign-report-participation')}`, ''];
  out.push(`- votes: ${r.participation.votes}${r.progress.goal ? ` / ${r.progress.goal} (${r.progress.percent} %)` : ''}`);
  out.push(`- battles: ${r.participation.battles}`, `- voters: ${r.participation.voters}`, `- chats: ${r.participation.chats} (${Object.entries(r.participation.chatsByPlatform).map(([p, n]) => `${p} ${n}`).join(', ') || '—'})`);
  for (const l of r.progress.languages) out.push(`- ${languageName(l.language, locale)}: ${l.votes}${l.goal ? ` / ${l.goal}` : ''}`);
  out.push('', `## ${r.title}`, '', table(r.overall));
  for (const l of r.byLanguage) out.push('', `## ${t('campaign-report-language', { language: languageName(l.language, locale) })}`, '', table(l.board));
  if (r.communities.length) {
    out.push('', `## ${t('campaign-report-comparison')}`, '', '| chat | platform | votes | models in common | Kendall τ | most different (chat rank → campaign rank) |', '|---|---|---|---|---|---|');
    for (const c of r.communities) out.push(`| ${c.chat} | ${c.platform} | ${c.votes} | ${c.common} | ${cell(c.tau)} | ${c.mostDifferent.map((d) => `${d.model} ${d.localRank}→${d.globalRank}`).join(', ') || '—'} |`);
  }
  if (r.stances.length) {
    out.push('', `## ${t('stance-board-title', { title: r.title })}`, '', '| stance | wins | losses | share | 95 % interval |', '|---|---|---|---|---|');
    for (const s of r.stances) out.push(`| ${s.label} | ${s.wins} | ${s.losses} | ${Math.round(s.share * 100)} % | ${Math.round(s.low * 100)}–${Math.round(s.high * 100)} % |`);
  }
  if (r.judgments.length) {
    const labels = JUDGMENT_LABELS.filter((l) => r.judgments.some((m) => m.labels[l]));
    out.push('', `## ${t('campaign-report-judgments')}`, '', `| model | ${t('campaign-report-judged')} | ${labels.map((l) => t(`judgment-label-${l}`)).join(' | ')}${labels.length ? ' | ' : ''}${t('campaign-report-mean-rating')} |`);
    out.push(`|---|---|${labels.map(() => '---|').join('')}---|`);
    for (const m of r.judgments) out.push(`| ${m.model} | ${m.judged} | ${labels.map((l) => m.labels[l] ?? 0).join(' | ')}${labels.length ? ' | ' : ''}${m.meanRating === null ? '—' : `${m.meanRating} / 5 (${m.ratings})`} |`);
  }
  return `${out.join('\n')}\n`;
}

/** Writes report.json, report.md and report.png into `<dir>/<slug>/`; returns the folder and the picture. */
export async function writeReport(db: Kysely<DB>, campaign: CampaignRow, dir: string, t: Translate, locale: string, options: ReportOptions = {}) {
  const { report, board } = await buildReport(db, campaign, locale, options);
  const folder = join(dir, campaign.slug);
  mkdirSync(folder, { recursive: true });
  const markdown = reportMarkdown(report, t, locale);
  const png = renderChartPng(board, t, { segment: report.title, locale });
  writeFileSync(join(folder, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(folder, 'report.md'), markdown);
  writeFileSync(join(folder, 'report.png'), png);
  return { folder, report, markdown, png };
}
