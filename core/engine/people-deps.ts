// What the parts of people's rights (people.ts) share: their dependencies, the platform's spelling of the commands they
// name, and whether an answer can reach the person alone.
import type { PnyxEvent } from '../port/types';
import type { PeopleStore } from '../store/sql/people';
import type { ArenaContext } from './context';

/** What the people parts use, passed explicitly. */
export interface PeopleDeps {
  ctx: ArenaContext;
  people: PeopleStore;
}

export const hint = (ctx: ArenaContext, platform: string) => (name: string) => ctx.ports.get(platform)?.port.commandHint?.(name) ?? `/${name}`;

export const commandArgs = (ctx: ArenaContext, platform: string) => {
  const h = hint(ctx, platform);
  return { privacy: h('privacy'), mydata: h('mydata'), forget: h('forget') };
};

/** The event can be answered where only the person sees it. */
export const privateHere = (event: PnyxEvent) => event.privateReply === true || event.chat.kind === 'private';
