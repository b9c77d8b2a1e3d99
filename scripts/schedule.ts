// `npm run schedule -- <list|add|remove> ...`: organizers' leaderboard posting schedules, for a chat or a campaign,
// with any cron expression (chat admins get daily/weekly presets in /settings). The running bot picks changes up on
// its next check (every 30 s).
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { isTimeZone, validateCron } from '../core/leaderboard/scheduler';
import { openDatabase } from '../core/store/database';
import { addSchedule, campaignBySlug, listSchedules, removeSchedule } from '../core/store/schedules';

const USAGE = `Usage:
  npm run schedule -- list
  npm run schedule -- add --chat <platform>:<chat id> --cron "<expression>" [--tz Area/City]
  npm run schedule -- add --campaign <slug> --cron "<expression>" [--tz Area/City]
  npm run schedule -- remove <schedule id>

Cron expressions have five fields (minute hour day month weekday), e.g. "0 18 * * 1" = Mondays at 18:00.
The time zone defaults to the chat's (set with /settings timezone ...) or UTC. DATABASE_URL selects the database.`;

const Args = z.object({
  command: z.enum(['list', 'add', 'remove']),
  chat: z.string().regex(/^[a-z]+:.+$/, 'use <platform>:<chat id>, e.g. telegram:-1001234567').optional(),
  campaign: z.string().min(1).optional(),
  cron: z.string().optional(),
  tz: z.string().optional(),
  id: z.string().optional(),
});

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { chat: { type: 'string' }, campaign: { type: 'string' }, cron: { type: 'string' }, tz: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help || positionals.length === 0) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const parsed = Args.safeParse({ command: positionals[0], id: positionals[1], ...values });
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `${i.path.join('.') || 'command'}: ${i.message}`).join('\n'));
  const args = parsed.data;
  const db = await openDatabase(process.env.DATABASE_URL?.trim() || 'file:./data/pnyx.db');
  try {
    const { kysely } = db;
    switch (args.command) {
      case 'list': {
        const rows = await listSchedules(kysely);
        if (rows.length === 0) console.log('No leaderboard schedules.');
        for (const row of rows) {
          const target = row.chat ? `chat ${row.chat.platform}:${row.chat.externalId}${row.chat.title ? ` (${row.chat.title})` : ''}` : `campaign ${row.campaign?.slug}`;
          console.log(`${row.id}  ${row.cron.padEnd(14)} ${row.timezone.padEnd(16)} ${target}${row.enabled ? '' : '  [disabled]'}`);
        }
        return 0;
      }
      case 'add': {
        if (!args.cron) throw new UsageError('add needs --cron "<expression>"');
        if (!!args.chat === !!args.campaign) throw new UsageError('add needs exactly one of --chat or --campaign');
        let chatId: string | null = null;
        let campaignId: string | null = null;
        let zone = args.tz;
        if (args.chat) {
          const [platform, ...rest] = args.chat.split(':');
          const chat = await kysely.selectFrom('Chat').select(['id', 'timezone']).where('platform', '=', platform!).where('externalId', '=', rest.join(':')).executeTakeFirst();
          if (!chat) throw new UsageError(`no chat ${args.chat} yet: the bot learns a chat when someone uses it there`);
          chatId = chat.id;
          zone ??= chat.timezone ?? undefined;
        } else {
          const campaign = await campaignBySlug(kysely, args.campaign!);
          if (!campaign) throw new UsageError(`no campaign with slug "${args.campaign}"`);
          campaignId = campaign.id;
        }
        zone ??= 'UTC';
        if (!isTimeZone(zone)) throw new UsageError(`"${zone}" is not a time zone; use a name such as Europe/Paris`);
        const problem = validateCron(args.cron, zone);
        if (problem) throw new UsageError(`"${args.cron}" is not a valid cron expression: ${problem}`);
        const row = await addSchedule(kysely, { chatId, campaignId, cron: args.cron, timezone: zone });
        console.log(`Added schedule ${row.id}: "${row.cron}" in ${row.timezone}.`);
        return 0;
      }
      case 'remove': {
        if (!args.id) throw new UsageError('remove needs the schedule id (see `list`)');
        if (!(await removeSchedule(kysely, args.id))) throw new UsageError(`no schedule ${args.id}`);
        console.log(`Removed schedule ${args.id}.`);
        return 0;
      }
    }
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error) => {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`schedule: ${error.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else {
      console.error(`schedule: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    }
  },
);
