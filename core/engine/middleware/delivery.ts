// The `delivery` middleware: a redelivered event (same delivery id) stops here with the first answer; a fresh one is
// recorded as handled once its owed work is over.
import type { Middleware } from '../composer';
import type { ArenaContext } from '../context';
import type { Deliveries } from '../deliveries';
import { battleTokenOf } from './route';
import type { Ctx } from './event';

export const deliveryMiddleware =
  (arena: ArenaContext, deliveries: Deliveries): Middleware<Ctx> =>
  async (ec, next) => {
    // Perf (bench/engine.ts): the battle a button names is read alongside the claim (one round trip instead of two on
    // PostgreSQL; a read, so a redelivery that stops at the claim changes nothing). The router checks it belongs here.
    const token = ec.event.type === 'action' ? battleTokenOf(ec.event) : null;
    if (token) {
      ec.battleAsked = arena.store.getBattleByToken(token);
      ec.battleAsked.catch(() => undefined);
    }
    const claim = await deliveries.claim(ec.event);
    ec.replay = claim.replay;
    if (!claim.fresh) {
      arena.log.info({ delivery: ec.event.delivery, platform: ec.event.chat.platform, type: ec.event.type }, 'redelivered event answered once');
      Object.assign(ec.ack, claim.ack);
      ec.ack.duplicate = true;
      return;
    }
    try {
      await next();
    } finally {
      // A vote's ballot update (or the close it caused) is part of handling it: found by the chaos test
      // (test/chaos.test.ts), a process SIGKILLed between counting a vote and editing the ballot left the ballot one
      // vote short for good, the delivery being recorded as handled already. Recorded after that work instead, a
      // delivery whose process died mid-way is replayed, and the replay shows the count (votes.ts).
      const owed = ec.owedWork();
      if (owed) void arena.inFlight.track(owed.then(() => deliveries.complete(ec.event, ec.ack)));
      else deliveries.complete(ec.event, ec.ack);
    }
  };
