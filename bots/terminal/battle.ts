// `npm run battle -- "prompt"`: one battle in the terminal, through the same engine and store as every chat
// platform. The terminal is one private chat with one person, so the battle closes (and reveals) on their vote.
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createPnyx, type PnyxApp } from '../../core/app';
import { parseChatSettings } from '../../core/config/chat-settings';
import { ConfigError } from '../../core/config/load';
import { createI18n, type Translate } from '../../core/i18n';
import { createLogger } from '../../core/log';
import type { ModelReplaced } from '../../core/engine/arena';
import type { ChatAddress, Person } from '../../core/port/types';
import { explainFailedBattle, explainReplaced, explainUnhealthy } from './diagnose';
import { createTerminalPort, voteOptions, type VoteOption } from './port';

/** The terminal battle's own strings. */
export const TERMINAL_LOCALES = fileURLToPath(new URL('./locales', import.meta.url));
import { chooseMode, createScreen, type Output } from './screen';

export const EXIT = { ok: 0, failed: 1, usage: 2, noVote: 3, interrupted: 130 } as const;

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

interface Arguments {
  help: boolean;
  lang?: string;
  models?: string[];
  modelsRaw?: string;
  prompt: string;
}

function readArguments(argv: string[]): Arguments {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { lang: { type: 'string' }, models: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const models = values.models
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    help: values.help ?? false,
    ...(values.lang !== undefined ? { lang: values.lang } : {}),
    ...(models ? { models: [...new Set(models)], modelsRaw: values.models } : {}),
    prompt: positionals.join(' ').trim(),
  };
}

const lineOf = (out: Output) => (text: string) => out.write(`${text}\n`);

/** Reads the vote: re-asks on anything that is not a/b/t/x; undefined when the input ends first. */
async function readVote(io: TerminalIO, t: Translate, write: (s: string) => void, options: VoteOption[]): Promise<VoteOption | 'interrupted' | undefined> {
  const interactive = Boolean(io.stdin.isTTY && io.stdout.isTTY);
  const rl = createInterface({ input: io.stdin, ...(interactive ? { output: io.stdout as NodeJS.WritableStream, terminal: true } : { terminal: false }) });
  // In a terminal readline catches Ctrl-C itself; without this it would only pause, waiting forever.
  let interrupted = false;
  rl.on('SIGINT', () => {
    interrupted = true;
    rl.close();
  });
  const abort = () => rl.close();
  io.interrupt?.addEventListener('abort', abort, { once: true });
  try {
    const lines = rl[Symbol.asyncIterator]();
    for (;;) {
      write(t('terminal-vote-prompt'));
      let line: string | undefined;
      do {
        const next = await lines.next();
        if (next.done) {
          write('\n');
          return interrupted || io.interrupt?.aborted ? 'interrupted' : undefined;
        }
        line = String(next.value).trim();
      } while (!line);
      if (!interactive) write(`${line}\n`);
      const option = options.find((o) => o.key === line!.toLowerCase());
      if (option) return option;
      write(`${t('terminal-vote-invalid', { input: line.length > 40 ? `${line.slice(0, 39)}…` : line })}\n`);
    }
  } finally {
    io.interrupt?.removeEventListener('abort', abort);
    rl.close();
  }
}

export async function runTerminalBattle(argv: string[], io: TerminalIO): Promise<number> {
  const { env } = io;
  const out = lineOf(io.stdout);
  const err = lineOf(io.stderr);
  const i18n = createI18n();
  i18n.extend(TERMINAL_LOCALES);
  let args: Arguments;
  let t = i18n.t(i18n.negotiate(systemLocale(env)));
  try {
    args = readArguments(argv);
  } catch (error) {
    err(t('terminal-error-arguments', { detail: error instanceof Error ? error.message : String(error) }));
    err(t('terminal-usage-hint'));
    return EXIT.usage;
  }
  if (args.lang !== undefined && !(i18n.negotiate(args.lang) === args.lang.toLowerCase())) {
    err(t('terminal-error-lang', { value: args.lang }));
    return EXIT.usage;
  }
  if (args.lang) t = i18n.t(args.lang);
  if (args.help) {
    out(t('terminal-usage'));
    return EXIT.ok;
  }
  if (!args.prompt) {
    err(t('terminal-error-no-prompt'));
    err(t('terminal-usage-hint'));
    return EXIT.usage;
  }
  if (args.models && args.models.length < 2) {
    err(t('terminal-error-models-count', { value: args.modelsRaw ?? '' }));
    return EXIT.usage;
  }

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
    const known = app.models.cards.map((c) => c.id);
    if (args.models) {
      const unknown = args.models.filter((id) => !known.includes(id));
      if (unknown.length) {
        err(t('terminal-error-models-unknown', { ids: unknown.join(', '), known: known.join(', ') }));
        return EXIT.usage;
      }
    }
    const candidates = args.models ?? known;

    // Not arena.start(): it recovers every platform's interrupted battles, which belongs to the running bot
    // (possibly sharing this database), not to a one-off check.
    app.arena.attach(port);
    const chat: ChatAddress = { platform: 'terminal', id: 'local', kind: 'private', locale };
    const from: Person = { platform: 'terminal', id: 'local', locale };
    const chatRow = await app.store.upsertChat(chat);
    // One voter: the battle always closes on the vote; the models and language are this run's.
    const settings = { ...parseChatSettings(chatRow.settings), enabled: true, locale, models: args.models ?? null, reveal: { after: 'votes' as const, votes: 1 } };
    await app.store.updateChat(chatRow.id, { settings: JSON.stringify(settings) });

    const promptRef = `${port.platform}-prompt-${randomBytes(4).toString('hex')}`;
    const started = await app.arena.handle({ type: 'prompt', delivery: promptRef, chat, from, text: args.prompt, addressed: true, messageRef: promptRef, privateReply: true });
    if (io.interrupt?.aborted) return EXIT.interrupted;
    // A notice with work started is the person's first-use notice (core/engine/consent.ts), not a refusal.
    if (started.notice && !started.done) {
      // No battle started (no pair of working models, prompt too long...): say why, then name the broken models.
      screen.block(started.notice.text);
      const problems = await explainUnhealthy(app, t, candidates, args.prompt);
      if (problems.length) {
        err('');
        err(t('terminal-problems'));
        for (const line of problems) err(line);
        err(t('terminal-too-few-models', { count: candidates.length - problems.length }));
      }
      return EXIT.failed;
    }

    const first = await Promise.race([port.firstPost(), delay(30_000, undefined, { ref: false })]);
    if (io.interrupt?.aborted) return EXIT.interrupted;
    const options = voteOptions(first);
    if (!first || options.length === 0) {
      port.finishReplies();
      if (!first) err(t('terminal-no-conclusion'));
      const replyRef = port.messages.find((m) => m.role === 'reply')?.ref;
      const battle = replyRef ? await app.store.getBattleByMessageRef(chatRow.id, replyRef) : null;
      const problems = [
        ...(battle ? await explainFailedBattle(app, t, battle.id) : []),
        ...explainReplaced(app, t, replaced),
        ...(await explainUnhealthy(app, t, candidates, args.prompt)),
      ];
      if (problems.length) {
        err('');
        err(t('terminal-problems'));
        for (const line of problems) err(line);
      }
      return EXIT.failed;
    }

    screen.write(`${options.map((o) => t('terminal-vote-option', { key: o.key, label: o.label })).join('   ')}\n`);
    const vote = await readVote(io, t, (s) => screen.write(s), options);
    if (vote === 'interrupted') {
      if (!io.interrupt?.aborted) err(t('terminal-interrupted'));
      return EXIT.interrupted;
    }
    if (!vote) {
      err(t('terminal-vote-missing'));
      return EXIT.noVote;
    }
    const voted = await app.arena.handle({ type: 'action', delivery: `${promptRef}-vote`, chat, from, data: vote.data, privateReply: true });
    // Let every queued edit (the closed ballot with the reveal) reach the screen.
    await app.arena.stop();
    const ballot = port.messages.find((m) => m.ref === first.ref);
    // The closed ballot carries the tally and the reveal; the private notice says the same, so it is printed only
    // when the ballot did not close (e.g. the vote was refused).
    if (voteOptions(ballot).length > 0 && voted.notice) screen.block(voted.notice.text);
    const warnings = [...explainReplaced(app, t, replaced), ...(await explainUnhealthy(app, t, candidates, args.prompt))];
    if (warnings.length) {
      err('');
      err(t('terminal-warnings'));
      for (const line of warnings) err(line);
    }
    return voteOptions(ballot).length > 0 ? EXIT.failed : EXIT.ok;
  } finally {
    io.interrupt?.removeEventListener('abort', onInterrupt);
    screen.dispose();
    await app.close();
  }
}
