// Who acts: the `person` middleware (the person's row) and `consent`, which runs after the rest has answered: the
// consent notice the first time a person takes part, and the optional profile offered once after their third vote.
import type { ActionEvent } from '../../port/types';
import { decodeAction } from '../actions';
import type { Middleware } from '../composer';
import type { ArenaContext } from '../context';
import type { People } from '../people';
import type { Ctx } from './event';

export const personMiddleware =
  (arena: ArenaContext): Middleware<Ctx> =>
  async (ec, next) => {
    ec.user = await arena.userOf(ec.event);
    await next();
  };

export const consentMiddleware =
  (people: People | undefined): Middleware<Ctx> =>
  async (ec, next) => {
    await next();
    if (!people) return;
    const action = ec.event.type === 'action' ? decodeAction((ec.event as ActionEvent).data) : null;
    await people.afterEvent(ec, action);
    await people.maybeOfferProfile(ec, action);
  };
