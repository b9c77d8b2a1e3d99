// `npm run campaign -- apply|list|show|pause|resume|close`: organizers' campaigns, defined in reviewable files
// (campaigns/<slug>.yaml, core/campaigns/spec.ts) and applied to the database idempotently. The running bot sees
// changes within a few seconds (it reads campaigns from the database).
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { checkModels, parseCampaignFile } from '../core/campaigns/spec';
import { applyCampaign, getCampaign, listCampaigns, memberChats, setCampaignStatus, campaignVoteStats } from '../core/campaigns/store';
import { writeReport } from '../core/campaigns/report';
import { loadConfigFile } from '../core/config/load';
import { createI18n } from '../core/i18n';
import { openDatabase, type Db } from '../core/store/database';

export const USAGE = `Usage:
  npm run campaign -- apply campaigns/<slug>.yaml     create or update a campaign from its file (safe to repeat)
  npm run campaign -- check campaigns/<slug>.yaml     validate a file without touching the database
  npm run campaign -- list
  npm run campaign -- show <slug>
  npm run campaign -- pause <slug> | resume <slug> | close <slug>

DATABASE_URL selects the database; PNYX_CONFIG the configuration whose models the file may name.`;

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

/** Runs one command; returns the exit code (0 ok, 1 failed, 2 usage or invalid file). */
export async function runCampaignCli(argv: string[], io: CliIo, open: () => Promise<Db>, knownModels: () => Set<string>, reportsDir = 'reports'): Promise<number> {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  const [command, arg] = positionals;
  if (values.help || !command) {
    io.out(USAGE);
    return values.help ? 0 : 2;
  }
  const needs = (what: string) => {
    if (!arg) {
      io.err(`campaign: ${command} needs ${what}\n\n${USAGE}`);
      return false;
    }
    return true;
  };
  if (command === 'apply' || command === 'check') {
    if (!needs('a campaign file')) return 2;
    let text: string;
    try {
      text = readFileSync(arg!, 'utf8');
    } catch {
      io.err(`campaign: cannot read ${arg}`);
      return 2;
    }
    const result = parseCampaignFile(text);
    const problems = result.ok ? checkModels(result.spec, knownModels()) : result.problems;
    if (!result.ok || problems.length) {
      io.err(`${arg}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
      for (const p of problems) io.err(`  ${p.path}: ${p.message}`);
      return 2;
    }
    if (command === 'check') {
      io.out(`${arg}: valid (campaign ${result.spec.slug})`);
      return 0;
    }
    const db = await open();
    try {
      const applied = await applyCampaign(db.kysely, result.spec);
      if (applied.problems.length) {
        io.err(`${arg}: ${applied.problems.length} problem${applied.problems.length === 1 ? '' : 's'}`);
        for (const p of applied.problems) io.err(`  ${p.path}: ${p.message}`);
        return 2;
      }
      if (applied.changes.length === 0) io.out(`Campaign ${result.spec.slug} is up to date (nothing changed).`);
      else for (const change of applied.changes) io.out(change);
      return 0;
    } finally {
      await db.close();
    }
  }
  const db = await open();
  try {
    switch (command) {
      case 'list': {
        const rows = await listCampaigns(db.kysely);
        if (!rows.length) io.out('No campaigns. Write campaigns/<slug>.yaml (see campaigns/example.yaml) and apply it.');
        for (const c of rows) {
          const stats = await campaignVoteStats(db.kysely, c.id);
          const goal = c.spec?.goal?.votes;
          io.out(`${c.slug.padEnd(24)} ${c.status.padEnd(8)} ${String(stats.total).padStart(7)}${goal ? ` / ${goal}` : ''} votes  ${c.title}`);
        }
        return 0;
      }
      case 'show': {
        if (!needs('a campaign slug')) return 2;
        const c = await getCampaign(db.kysely, arg!);
        if (!c) return io.err(`campaign: no campaign "${arg}"`), 1;
        const stats = await campaignVoteStats(db.kysely, c.id);
        const chats = await memberChats(db.kysely, c.id);
        io.out(`${c.slug} — ${c.title} [${c.status}]`);
        if (c.spec) {
          io.out(`languages: ${c.spec.languages.join(', ')}   mode: ${c.spec.mode}   pairing: ${c.spec.pairing}`);
          if (c.startsAt || c.endsAt) io.out(`runs: ${c.startsAt?.toISOString().slice(0, 10) ?? '…'} → ${c.endsAt?.toISOString().slice(0, 10) ?? '…'}`);
          if (c.joinCode) io.out(`join code: ${c.joinCode}   (a chat admin types /arena join ${c.joinCode})`);
        }
        io.out(`votes: ${stats.total}${c.spec?.goal ? ` / ${c.spec.goal.votes}` : ''} in ${stats.battles} battles`);
        for (const [lang, n] of stats.byLanguage) io.out(`  ${lang}: ${n}${c.spec?.goal?.perLanguage[lang] ? ` / ${c.spec.goal.perLanguage[lang]}` : ''}`);
        io.out(`chats: ${chats.length}`);
        for (const chat of chats) io.out(`  ${chat.platform}:${chat.externalId}${chat.title ? ` (${chat.title})` : ''} via ${chat.source}, ${stats.byChat.get(chat.chatId) ?? 0} votes`);
        return 0;
      }
      case 'pause':
      case 'resume':
      case 'close': {
        if (!needs('a campaign slug')) return 2;
        const status = command === 'pause' ? 'paused' : command === 'resume' ? 'running' : 'closed';
        if (!(await setCampaignStatus(db.kysely, arg!, status))) {
          const c = await getCampaign(db.kysely, arg!);
          return io.err(c ? `campaign: ${arg} is closed; a closed campaign stays closed` : `campaign: no campaign "${arg}"`), 1;
        }
        io.out(`Campaign ${arg} is now ${status}.`);
        if (status === 'closed') {
          const campaign = (await getCampaign(db.kysely, arg!))!;
          const { folder } = await writeReport(db.kysely, campaign, reportsDir, createI18n().t('en'), 'en');
          io.out(`Final report written to ${folder}/report.{md,json,png}; the running bot posts it to the campaign's chats.`);
        }
        return 0;
      }
      default:
        io.err(`campaign: unknown command "${command}"\n\n${USAGE}`);
        return 2;
    }
  } finally {
    await db.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runCampaignCli(
    process.argv.slice(2),
    { out: (l) => console.log(l), err: (l) => console.error(l) },
    () => openDatabase(process.env.DATABASE_URL?.trim() || 'file:./data/pnyx.db'),
    () => new Set(loadConfigFile(process.env.PNYX_CONFIG ?? 'pnyx.config.yaml').models.map((m) => m.id)),
    process.env.PNYX_REPORTS_DIR?.trim() || 'reports',
  ).then(
    (code) => (process.exitCode = code),
    (error) => {
      console.error(`campaign: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
