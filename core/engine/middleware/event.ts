// What every middleware sees: the event's context, and whether the event is a prompt.
import type { PnyxEvent, PromptEvent } from '../../port/types';
import type { EventContext } from '../event-context';

export type Ctx = EventContext<PnyxEvent>;

export const isPrompt = (ec: Ctx): ec is EventContext<PromptEvent> => ec.event.type === 'prompt';
