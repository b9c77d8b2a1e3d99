// `npm run export -- --out DIR [--campaign SLUG] [--since DATE] [--release NAME]`: screens battles not analysed yet for
// personal data, then writes the open datasets (core/privacy/export). Exit codes: 0 done, 1 unexpected failure, 2 bad
// option or missing secret, 3 unknown campaign.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { z } from 'zod';
import { loadConfigFile, parseEnv } from '../core/config/load';
import { createLogger } from '../core/log';
import { exportDataset, ExportInputError } from '../core/privacy/export/dataset';
import { createPiiJudge } from '../core/privacy/pii/model-verdict';
import { screenBattles } from '../core/privacy/pii/screen-battles';
import { createPseudonymizer } from '../core/privacy/pseudonyms';

export const USAGE = `Usage: npm run export -- --out DIR [options]

Writes the open datasets: DIR/{conversations,votes,reactions}.{parquet,jsonl}, DIR/battles.json (FastChat) and
DIR/README.md (the datasheet). Only closed battles of chats that allowed publishing, screened free of personal data,
without people who erased their data or opted out. Ids are keyed hashes: PNYX_EXPORT_SECRET must be set.

Options:
  --out DIR          where to write (created if needed)
  --campaign SLUG    only this campaign's battles
  --since DATE       only battles opened at or after DATE (e.g. 2026-03-01)
  --release NAME     salt the pseudonyms for this release: ids differ from other releases
  --no-progress      no progress bar
  --help             this text
`;

const Options = z.object({
  out: z.string().min(1, { message: '--out DIR is required' }),
  campaign: z.string().min(1).optional(),
  since: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined) return undefined;
      const d = new Date(s);
      if (Number.isNaN(d.getTime())) {
        ctx.addIssue({ code: 'custom', message: `--since must be a date such as 2026-03-01, got "${s}"` });
        return z.NEVER;
      }
      return d;
    }),
  release: z.string().min(1).optional(),
});

export async function run(argv: string[], io = { stdout: process.stdout, stderr: process.stderr }, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        out: { type: 'string' },
        campaign: { type: 'string' },
        since: { type: 'string' },
        release: { type: 'string' },
        'no-progress': { type: 'boolean' },
        help: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    io.stderr.write(`export: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const parsed = Options.safeParse({ out: values.out ?? '', campaign: values.campaign, since: values.since, release: values.release });
  if (!parsed.success) {
    io.stderr.write(`export: ${parsed.error.issues.map((i) => i.message).join('; ')}\n${USAGE}`);
    return 2;
  }
  const options = parsed.data;
  let pseudonym;
  try {
    pseudonym = createPseudonymizer(env.PNYX_EXPORT_SECRET as string, options.release ?? '');
  } catch (error) {
    io.stderr.write(`export: ${error instanceof z.ZodError ? error.issues[0]!.message : (error as Error).message}\n`);
    return 2;
  }
  const pnyxEnv = parseEnv(env);
  const log = createLogger({ level: pnyxEnv.LOG_LEVEL === 'info' ? 'warn' : pnyxEnv.LOG_LEVEL });
  const config = existsSync(pnyxEnv.PNYX_CONFIG) ? loadConfigFile(pnyxEnv.PNYX_CONFIG) : null;
  const { openDatabase } = await import('../core/store/database');
  const db = await openDatabase(pnyxEnv.DATABASE_URL, { log });
  let models: { close(): Promise<void> } | null = null;
  const progress = !values['no-progress'] && (io.stderr as NodeJS.WriteStream).isTTY !== false;
  try {
    // Screening first: battles closed since the last pass get their verdict (and the model's, when configured).
    let judge;
    if (config?.export.piiModel) {
      const { createModelRegistry } = await import('../core/providers/registry');
      const registry = createModelRegistry(config, env, log, { baseDir: dirname(resolve(pnyxEnv.PNYX_CONFIG)) });
      models = registry;
      const modelId = config.export.piiModel;
      judge = {
        model: modelId,
        judge: createPiiJudge({
          generate: async (messages, { signal }) => {
            const result = await registry.client(modelId).generate({ messages, signal, maxOutputTokens: 100, temperature: 0 });
            if (result.finishReason !== 'stop' && result.finishReason !== 'length') throw new Error(result.error ?? result.finishReason);
            return result.text;
          },
        }),
      };
    }
    const screened = await screenBattles(db.kysely, judge ? { judge } : {});
    io.stderr.write(
      `export: screened ${screened.screened} new battle(s): ${screened.clean} clean, ${screened.redacted} redacted, ${screened.suspect} suspect` +
        (screened.unanalysed ? `, ${screened.unanalysed} left unanalysed (the model gave no answer; not exported)` : '') +
        '\n',
    );
    const bar = progress ? new cliProgress.SingleBar({ format: 'export [{bar}] {percentage}% | {value}/{total} battles | {eta_formatted} left', stream: io.stderr }, cliProgress.Presets.shades_classic) : null;
    let started = false;
    const summary = await exportDataset({
      db: db.kysely,
      out: options.out,
      pseudonym,
      ...(options.campaign ? { campaign: options.campaign } : {}),
      ...(options.since ? { since: options.since } : {}),
      licence: config?.export.licence ?? 'CC-BY-4.0',
      onProgress: (done, total) => {
        if (!bar) return;
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.update(done);
      },
    });
    bar?.stop();
    const left = Object.entries(summary.excluded).filter(([, n]) => n > 0);
    io.stdout.write(
      `export: wrote ${summary.conversations} conversation(s), ${summary.votes} vote(s), ${summary.reactions} reaction(s) to ${options.out}\n` +
        (left.length ? `export: battles left out: ${left.map(([k, n]) => `${k} ${n}`).join(', ')}\n` : ''),
    );
    return 0;
  } catch (error) {
    if (error instanceof ExportInputError) {
      io.stderr.write(`export: ${error.message}\n`);
      return 3;
    }
    io.stderr.write(`export: failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  } finally {
    await models?.close();
    await db.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await run(process.argv.slice(2));
}
