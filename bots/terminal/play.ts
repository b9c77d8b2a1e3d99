// The battle itself, once the app is up: the terminal's private chat set for one voter, the prompt, the two replies,
// the vote, the reveal, and in plain words what went wrong when no battle or no ballot came.
import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { PnyxApp } from '../../core/app';
import { parseChatSettings } from '../../core/config/chat-settings';
import type { ModelReplaced } from '../../core/engine/arena';
import type { Translate } from '../../core/i18n';
import type { ChatAddress, Person } from '../../core/port/types';
import type { Arguments } from './arguments';
import type { TerminalIO } from './battle';
import { explainFailedBattle, explainReplaced, explainUnhealthy } from './diagnose';
import { EXIT } from './exit';
import { voteOptions, type TerminalMessage, type TerminalPort } from './port';
import type { Screen } from './screen';
import { readVote } from './vote-input';

/** What the battle uses, passed explicitly. */
export interface PlayDeps {
  app: PnyxApp;
  port: TerminalPort;
  screen: Screen;
  io: TerminalIO;
  t: Translate;
  err: (text: string) => void;
  args: Arguments;
  locale: string;
  /** Model swaps the engine reported, explained at the end. */
  replaced: ModelReplaced[];
}

/** Writes a heading and its lines on stderr, after a blank line; nothing when there are none. */
function report(deps: PlayDeps, heading: 'terminal-problems' | 'terminal-warnings', lines: string[]) {
  if (!lines.length) return;
  deps.err('');
  deps.err(deps.t(heading));
  for (const line of lines) deps.err(line);
}

/** The terminal's one private chat, set for this run: one voter, so the battle always closes on the vote. */
async function openChat(deps: PlayDeps) {
  const { app, port, args, locale } = deps;
  // Not arena.start(): it recovers every platform's interrupted battles, which belongs to the running bot
  // (possibly sharing this database), not to a one-off check.
  app.arena.attach(port);
  const chat: ChatAddress = { platform: 'terminal', id: 'local', kind: 'private', locale };
  const from: Person = { platform: 'terminal', id: 'local', locale };
  const chatRow = await app.store.upsertChat(chat);
  // One voter: the battle always closes on the vote; the models and language are this run's.
  const settings = { ...parseChatSettings(chatRow.settings), enabled: true, locale, models: args.models ?? null, reveal: { after: 'votes' as const, votes: 1 } };
  await app.store.updateChat(chatRow.id, { settings: JSON.stringify(settings) });
  return { chat, from, chatRow };
}

/** No ballot came (the battle failed, or nothing at all within 30 s): why, from the battle and the models' health. */
async function explainNoBallot(deps: PlayDeps, chatId: string, first: TerminalMessage | undefined, candidates: string[]) {
  const { app, port, t, err, args, replaced } = deps;
  port.finishReplies();
  if (!first) err(t('terminal-no-conclusion'));
  const replyRef = port.messages.find((m) => m.role === 'reply')?.ref;
  const battle = replyRef ? await app.store.getBattleByMessageRef(chatId, replyRef) : null;
  report(deps, 'terminal-problems', [
    ...(battle ? await explainFailedBattle(app, t, battle.id) : []),
    ...explainReplaced(app, t, replaced),
    ...(await explainUnhealthy(app, t, candidates, args.prompt)),
  ]);
  return EXIT.failed;
}

export async function playBattle(deps: PlayDeps): Promise<number> {
  const { app, port, screen, io, t, err, args, replaced } = deps;
  const known = app.models.cards.map((c) => c.id);
  if (args.models) {
    const unknown = args.models.filter((id) => !known.includes(id));
    if (unknown.length) {
      err(t('terminal-error-models-unknown', { ids: unknown.join(', '), known: known.join(', ') }));
      return EXIT.usage;
    }
  }
  const candidates = args.models ?? known;
  const { chat, from, chatRow } = await openChat(deps);

  const promptRef = `${port.platform}-prompt-${randomBytes(4).toString('hex')}`;
  const started = await app.arena.handle({ type: 'prompt', delivery: promptRef, chat, from, text: args.prompt, addressed: true, messageRef: promptRef, privateReply: true });
  if (io.interrupt?.aborted) return EXIT.interrupted;
  // A notice with work started is the person's first-use notice (core/engine/consent.ts), not a refusal.
  if (started.notice && !started.done) {
    // No battle started (no pair of working models, prompt too long...): say why, then name the broken models.
    screen.block(started.notice.text);
    const problems = await explainUnhealthy(app, t, candidates, args.prompt);
    report(deps, 'terminal-problems', problems);
    if (problems.length) err(t('terminal-too-few-models', { count: candidates.length - problems.length }));
    return EXIT.failed;
  }

  const first = await Promise.race([port.firstPost(), delay(30_000, undefined, { ref: false })]);
  if (io.interrupt?.aborted) return EXIT.interrupted;
  const options = voteOptions(first);
  if (!first || options.length === 0) return explainNoBallot(deps, chatRow.id, first, candidates);

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
  report(deps, 'terminal-warnings', [...explainReplaced(app, t, replaced), ...(await explainUnhealthy(app, t, candidates, args.prompt))]);
  return voteOptions(ballot).length > 0 ? EXIT.failed : EXIT.ok;
}
