// `npm run battle -- "prompt"`: one battle in the terminal, through the same engine and store as every chat
// platform. The terminal is one private chat with one person, so the battle closes (and reveals) on their vote.
// The parts: arguments.ts (the command line), play.ts (the battle), vote-input.ts (reading the vote).
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createPnyx, type PnyxApp } from '../../core/app';
import { ConfigError } from '../../core/config/load';
import { createI18n } from '../../core/i18n';
import { createLogger } from '../../core/log';
import type { ModelReplaced } from '../../core/engine/arena';
import { checkArguments } from './arguments';
import { EXIT } from './exit';
import { playBattle } from './play';
import { createTerminalPort } from './port';
import { chooseMode, createScreen, type Output } from './screen';

/** The terminal battle's own strings. */
export const TERMINAL_LOCALES = fileURLToPath(new URL('./locales', import.meta.url));
export { EXIT };

export interface TerminalIO {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: Output;
  stderr: Output;
  env: NodeJS.ProcessEnv;
  /** Aborted on Ctrl-C: generations stop, the battle is marked failed, the process exits 130. */
  interrupt?: AbortSignal;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The system locale (LC_ALL, LC_MESSAGES, LANG) as a BCP-47 tag: fr_FR.UTF-8 → fr-FR; C and POSIX → none. */
export function systemLocale(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  const tag = raw?.split(/[.@]/)[0]?.replace('_', '-');
  return tag && !/^(C|POSIX)$/i.test(tag) ? tag : undefined;
}

const lineOf = (out: Output) => (text: string) => out.write(`${text}\n`);

export async function runTerminalBattle(argv: string[], io: TerminalIO): Promise<number> {
  const { env } = io;
  const out = lineOf(io.stdout);
  const err = lineOf(io.stderr);
  const i18n = createI18n();
  i18n.extend(TERMINAL_LOCALES);
  const checked = checkArguments(argv, i18n, i18n.t(i18n.negotiate(systemLocale(env))), out, err);
  if ('exit' in checked) return EXIT[checked.exit];
  const { args } = checked;
  let t = checked.t;

  // Logs go to stderr (warn by default, LOG_LEVEL to change it) so stdout carries only the battle; the engine reports
  // model swaps directly, to be explained in plain words at the end.
  const stderrLevel = LOG_LEVELS.find((l) => l === env.LOG_LEVEL) ?? 'warn';
  const logger = createLogger({ level: stderrLevel, destination: io.stderr as NodeJS.WritableStream });
  const replaced: ModelReplaced[] = [];

  let app: PnyxApp;
  try {
    app = await createPnyx({ env: { ...env, LOG_LEVEL: stderrLevel }, logger, onModelReplaced: (event) => replaced.push(event) });
  } catch (error) {
    if (error instanceof ConfigError) {
      err(t('terminal-config-error', { source: error.source }));
      for (const problem of error.problems) err(`  - ${problem}`);
    } else {
      err(t('terminal-startup-error', { detail: error instanceof Error ? error.message : String(error) }));
    }
    return EXIT.usage;
  }

  app.i18n.extend(TERMINAL_LOCALES);
  const locale = args.lang ?? i18n.negotiate(systemLocale(env), app.config.locale);
  t = app.i18n.t(locale);
  const screen = createScreen({
    out: io.stdout,
    mode: chooseMode(io.stdout, env),
    color: chooseMode(io.stdout, env) !== 'plain' && !env.NO_COLOR,
    status: ([a = 0, b = 0]) => t('terminal-streaming', { a, b }),
  });
  const port = createTerminalPort(screen, { idPrefix: `${Date.now().toString(36)}${randomBytes(3).toString('hex')}` });
  const onInterrupt = () => {
    port.finishReplies();
    screen.dispose();
    err(t('terminal-interrupted'));
    void app.arena.stop();
  };
  io.interrupt?.addEventListener('abort', onInterrupt, { once: true });

  try {
    return await playBattle({ app, port, screen, io, t, err, args, locale, replaced });
  } finally {
    io.interrupt?.removeEventListener('abort', onInterrupt);
    screen.dispose();
    await app.close();
  }
}
