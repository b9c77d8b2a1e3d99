// The organizer dashboard at /campaigns/<slug>, on the playground's server: live progress, the board per language,
// the chats per platform, the report as JSON and Markdown. Off (not mounted) without PNYX_ORGANIZER_TOKEN.
import { fileURLToPath } from 'node:url';
import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { z } from 'zod';
import { computeProgress, progressSvg } from '../../../core/campaigns/progress';
import { buildReport, reportMarkdown } from '../../../core/campaigns/report';
import { campaignVoteStats, getCampaign, listCampaigns, memberChats } from '../../../core/campaigns/store';
import type { I18n } from '../../../core/i18n';
import type { DB } from '../../../core/store/db';
import { COOKIE, createTokenCheck, DashboardEnvSchema } from './auth';
import { campaignPage, listPage, LIVE_JS, loginPage } from './page';

const SLUG = /^[a-z0-9][a-z0-9-]{1,47}$/;
const LoginBody = z.object({ token: z.string().max(512), back: z.string().max(200).optional() });

export interface DashboardOptions {
  db: Kysely<DB>;
  i18n: I18n;
  log: Logger;
  env: NodeJS.ProcessEnv;
  /** Bootstrap rounds for the boards (the page is rendered on every refresh). */
  bootstrap?: number;
}

/** The dashboard's routes, or null when no organizer token is configured (the dashboard is off). */
export function createDashboard(options: DashboardOptions): Hono | null {
  const parsed = DashboardEnvSchema.safeParse(options.env);
  const { log, i18n, db } = options;
  if (!parsed.success) {
    log.error({ issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) }, 'organizer dashboard off: PNYX_ORGANIZER_TOKEN is invalid');
    return null;
  }
  const token = parsed.data.PNYX_ORGANIZER_TOKEN;
  if (!token) return null;
  i18n.extend(fileURLToPath(new URL('./locales', import.meta.url)));
  const check = createTokenCheck(token);
  const app = new Hono();

  const localeOf = (c: Context) => i18n.negotiate(...(c.req.header('accept-language') ?? '').split(',').map((p) => p.split(';')[0]!.trim()));
  const signedIn = (c: Context) => {
    const bearer = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    return check.matchesToken(bearer) || check.matchesCookie(getCookie(c, COOKIE));
  };
  const refuse = (c: Context, wrong = false) => {
    const locale = localeOf(c);
    return c.html(loginPage(i18n.t(locale), locale, wrong, c.req.path), 401);
  };
  const noStore = (c: Context) => c.header('Cache-Control', 'no-store');

  app.get('/campaigns/live.js', (c) => c.body(LIVE_JS, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));

  app.post('/campaigns/login', async (c) => {
    const form = LoginBody.safeParse(await c.req.parseBody());
    const back = form.success && form.data.back && /^\/campaigns(\/[a-z0-9-]*)?$/.test(form.data.back) ? form.data.back : '/campaigns';
    if (!form.success || !check.matchesToken(form.data.token)) {
      log.warn({ ip: c.req.header('x-forwarded-for') ?? 'direct' }, 'organizer dashboard: wrong token');
      return refuse(c, true);
    }
    setCookie(c, COOKIE, check.cookieValue, { httpOnly: true, sameSite: 'Strict', path: '/campaigns', maxAge: 30 * 86_400, secure: c.req.url.startsWith('https:') });
    return c.redirect(back, 303);
  });

  app.use('/campaigns/*', async (c, next) => {
    if (!signedIn(c)) return refuse(c);
    noStore(c);
    await next();
  });
  app.get('/campaigns', async (c) => {
    if (!signedIn(c)) return refuse(c);
    noStore(c);
    const locale = localeOf(c);
    const rows = [];
    for (const k of await listCampaigns(db)) rows.push({ slug: k.slug, title: k.title, status: k.status, votes: (await campaignVoteStats(db, k.id)).total, goal: k.spec?.goal?.votes ?? null });
    return c.html(listPage(i18n.t(locale), locale, rows));
  });

  const campaignOf = async (c: Context) => {
    const slug = c.req.param('slug') ?? '';
    return SLUG.test(slug) ? getCampaign(db, slug) : null;
  };

  app.get('/campaigns/:slug', async (c) => {
    const locale = localeOf(c);
    const t = i18n.t(locale);
    const campaign = await campaignOf(c);
    if (!campaign) return c.html(listPage(t, locale, []).replace(t('dashboard-no-campaigns'), t('dashboard-not-found')), 404);
    const [stats, members, { report }] = await Promise.all([campaignVoteStats(db, campaign.id), memberChats(db, campaign.id), buildReport(db, campaign, locale, { bootstrap: options.bootstrap ?? 200 })]);
    const progress = computeProgress(campaign, stats, members, locale);
    return c.html(
      campaignPage(t, locale, {
        slug: campaign.slug,
        progress,
        gaugeSvg: progressSvg(progress, t, locale).replace(/^<svg /, `<svg role="img" aria-label="${progress.title.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`)}" `),
        overall: report.overall,
        byLanguage: report.byLanguage,
        chats: members.map((m) => ({ platform: m.platform, title: m.title ?? m.externalId, votes: stats.byChat.get(m.chatId) ?? 0 })),
      }),
    );
  });

  app.get('/campaigns/:slug/report.json', async (c) => {
    const campaign = await campaignOf(c);
    if (!campaign) return c.json({ error: 'not found' }, 404);
    const { report } = await buildReport(db, campaign, localeOf(c), { bootstrap: options.bootstrap ?? 200 });
    c.header('Content-Disposition', `attachment; filename="${campaign.slug}-report.json"`);
    return c.json(report);
  });

  app.get('/campaigns/:slug/report.md', async (c) => {
    const campaign = await campaignOf(c);
    if (!campaign) return c.text('not found', 404);
    const locale = localeOf(c);
    const { report } = await buildReport(db, campaign, locale, { bootstrap: options.bootstrap ?? 200 });
    c.header('Content-Disposition', `attachment; filename="${campaign.slug}-report.md"`);
    return c.body(reportMarkdown(report, i18n.t(locale), locale), 200, { 'Content-Type': 'text/markdown; charset=utf-8' });
  });

  log.info('organizer dashboard on at /campaigns');
  return app;
}
