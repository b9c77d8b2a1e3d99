// Which process works on which battle. A process takes a lease when it starts generating for a battle (its first turn,
// or a follow-up) or closes it at its deadline, and renews all its leases every third of their length; a lease that
// runs out means the process is gone (killed, frozen, cut off from the database). Any process then reaps the battle
// exactly once: a battle still streaming its first turn fails with a notice in its chat, an interrupted follow-up ends
// with one (the battle stays open), a close shows its result. Battles other processes work on are never touched. The
// reaper holds the lease while it does so: dying meanwhile, it leaves the battle to the next reaper.
import { parseChatSettings } from '../config/chat-settings';
import { metrics } from '../metrics';
import type { BattleRow } from '../store/types';
import { type ArenaContext } from './context';
import type { LiveBattles } from './live';
import type { LiveMessage } from './presenter';
import { replyMessage } from './views';

export interface Leases {
  start(): void;
  stop(): void;
  /** Reaps battles whose lease ran out (called by the arena's sweep). */
  reap(now?: Date): Promise<void>;
  /** Fails battles left streaming by a version of Pnyx without leases. */
  reapUnleased(): Promise<void>;
}

/** This process's lease on a battle, from now. */
export const leaseFor = (ctx: Pick<ArenaContext, 'instance' | 'leaseMs'>) => ({ owner: ctx.instance, until: new Date(Date.now() + ctx.leaseMs) });

/** Shows the ballot of an open battle whose process died before showing it; false if its last turn did not finish. */
type ShowMissingBallot = (battle: BattleRow) => Promise<boolean>;
/** Shows the result of a battle whose process died while closing it. */
type ShowClose = (battle: BattleRow) => Promise<void>;
/** Runs the unfinished turn of a battle whose process died mid-generation; false when it cannot be shown here. */
type ResumeBattle = (battle: BattleRow) => Promise<boolean>;

/**
 * How often a battle's generation is taken over after its process died. Once: a battle interrupted again (a prompt
 * that takes its processes down, or bad luck twice) fails with a notice rather than go round the deployment.
 */
export const MAX_RESUMES = 1;

export function createLeases(
  ctx: ArenaContext,
  lives: LiveBattles,
  takeOver: { showMissingBallot?: ShowMissingBallot; showClose?: ShowClose; resumeBattle?: ResumeBattle } = {},
): Leases {
  const { showMissingBallot, showClose, resumeBattle } = takeOver;
  const { store, log } = ctx;
  let timer: NodeJS.Timeout | undefined;

  const renew = async () => {
    try {
      await store.renewLeases(ctx.instance, new Date(Date.now() + ctx.leaseMs));
    } catch (error) {
      log.warn({ err: error }, 'battle leases not renewed; retrying');
    }
  };

  /**
   * Fails a battle whose generation was cut off and tells its chat: its streaming replies say so, and a notice. A battle
   * already failed (by a reaper that died before the chat saw it) is only told.
   */
  const interrupted = async (battle: BattleRow, firstTurn: boolean) => {
    const chatRow = await store.getChat(battle.chatId);
    if (!chatRow) return;
    const t = ctx.chatT(chatRow, parseChatSettings(chatRow.settings));
    const reason = t('failure-restart');
    if (firstTurn && battle.status !== 'failed') {
      // Told once: the process that fails the battle tells the chat. Another may have got there first (a starting
      // process failing unleased battles while a running one reaps the same battle, or the battle's own process, only
      // slow, opening it meanwhile): then this one says nothing. The lease is kept (a reaper's) until the chat is told.
      if (!(await store.setStatus(battle.id, 'failed', { from: ['streaming'], failure: reason }))) return;
      metrics.battleFinished('interrupted');
    }
    const entry = ctx.ports.get(chatRow.platform);
    if (!entry) return;
    const state = await lives.liveOf(battle, chatRow);
    // The replies that were streaming stop showing a cursor: they say what happened.
    const turns = await store.getTurns(battle.id);
    const last = turns.at(-1)?.index ?? 0;
    const edited: LiveMessage[] = [];
    for (const reply of state?.replies.values() ?? []) {
      if (reply.turn !== last || turns.at(-1)?.replies[reply.side]) continue;
      reply.live.set(replyMessage(t, { side: reply.side, state: { text: '', status: 'failed', error: reason }, token: battle.token, turn: reply.turn, reactions: false }));
      edited.push(reply.live);
    }
    if (firstTurn) ctx.live.delete(battle.token);
    // All on the platform before the lease is given back, so that a reaper dying in a busy chat's queue leaves it to
    // the next. The edits first (editing again changes nothing), the notice last: found by the chaos test, a reaper
    // killed while its edits waited behind a busy ballot's had posted its notice already, and the next posted another.
    await Promise.all(edited.map((message) => message.settled()));
    const chat = state?.chat ?? { platform: chatRow.platform, id: chatRow.externalId, kind: chatRow.kind };
    await entry.presenter.open(chat, { text: firstTurn ? t('battle-interrupted') : t('followup-failed', { reason }), role: 'info' }).settled();
  };

  /** Whether the battle's last turn still lacks a finished reply on a side (its generation was cut off). */
  const unfinished = async (battle: BattleRow): Promise<boolean> => {
    if (battle.status === 'streaming') return true;
    if (battle.status !== 'open') return false;
    const last = (await store.getTurns(battle.id)).at(-1);
    return Boolean(last && (!last.replies.a?.finishReason || !last.replies.b?.finishReason));
  };

  /** Takes the battle over to run its cut-off turn again; false when it is not to be (or another process took it). */
  const resume = async (battle: BattleRow, now: Date): Promise<boolean> => {
    if (!resumeBattle || !(await unfinished(battle))) return false;
    if (!(await store.takeOverBattle(battle.id, leaseFor(ctx), now, MAX_RESUMES))) return false;
    log.warn({ battle: battle.id, owner: battle.leaseOwner, status: battle.status }, 'battle of a process that is gone taken over; its turn runs again');
    metrics.battleResumed();
    void ctx.spawn(
      'resume',
      async () => {
        // Not shown here after all (the lease is released): a starting process fails it as unleased.
        await resumeBattle({ ...battle, leaseOwner: ctx.instance });
      },
      { battle: battle.id },
    );
    return true;
  };

  /** What a reaper does with a battle it reaped, under its lease, given back once the chat has seen it. */
  const dealWith = async (battle: BattleRow) => {
    try {
      if (battle.status === 'streaming' || battle.status === 'failed') await interrupted(battle, true);
      else if (battle.status === 'open' && !(await showMissingBallot?.(battle))) await interrupted(battle, false);
      else if (battle.status === 'closed') await showClose?.(battle);
    } catch (error) {
      log.error({ err: error, battle: battle.id }, 'taking over a battle failed');
    } finally {
      await store.releaseBattle(battle.id, ctx.instance).catch((error: unknown) => log.warn({ err: error, battle: battle.id }, 'lease of a reaped battle not given back; it runs out'));
    }
  };

  const reap = async (now = new Date()) => {
    for (const battle of await store.expiredLeases(now)) {
      // Our own lease lapsing means this process stalled past it; its work is still running and will finish or fail.
      const held = battle.leaseOwner === ctx.instance ? ctx.live.get(battle.token) : undefined;
      if (held && (!held.adopted || held.resumed)) continue;
      if (battle.resumes < MAX_RESUMES && (await resume(battle, now))) continue;
      // Reaped under this process's lease, not cleared: found by the chaos test (test/chaos.test.ts), a reaper
      // SIGKILLed while the missing ballot it was showing waited its turn in a busy chat left the battle open, with no
      // lease and no ballot, for good. Now its lease runs out again and the next reaper shows the ballot.
      if (!(await store.reapLease(battle.id, now, leaseFor(ctx)))) continue;
      log.warn({ battle: battle.id, owner: battle.leaseOwner, status: battle.status }, 'battle of a process that is gone taken over');
      // Its own work, as closes are (sweep.ts): what it shows waits for its chat's pace, which must not hold up the
      // other battles reaped here or the deliveries the sweep replays next.
      void ctx.spawn('take over', () => dealWith(battle), { battle: battle.id });
    }
  };

  return {
    start() {
      if (timer) return;
      timer = setInterval(() => void ctx.inFlight.track(renew()), Math.max(250, Math.floor(ctx.leaseMs / 3)));
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
    reap,
    async reapUnleased() {
      for (const battle of await store.battlesInStatus('streaming')) {
        if (battle.leaseUntil !== null) continue;
        log.warn({ battle: battle.id }, 'battle interrupted by a restart marked failed');
        // Told as its own work: telling waits for the chat's pace, which must not hold up the start.
        void ctx.spawn('fail unleased', () => interrupted(battle, true), { battle: battle.id });
      }
    },
  };
}
