// Guided topics: suggestions when the arena is opened without a prompt, and a "battle this" press turned into a
// prompt (the prompt of the day is posted by campaign-posts.ts).
import type { CampaignSpec } from '../campaigns/spec';
import type { Button, PortLimits, PromptEvent } from '../port/types';
import { encodeAction } from './actions';
import { commandOf, localeOf, titleOf, type CampaignDeps } from './campaign-deps';
import type { ArenaContext } from './context';
import { EventContext } from './event-context';

/** Topics offered when the arena is opened without a prompt. */
const SUGGESTIONS = 3;

export function topicsOf(spec: CampaignSpec, language?: string | null): Array<{ id: string; prompt: string; language: string }> {
  const all = Object.entries(spec.topics).flatMap(([lang, list]) => list.map((t) => ({ id: t.id, prompt: t.prompt, language: lang })));
  const preferred = language ? all.filter((t) => t.language === language) : [];
  return preferred.length ? preferred : all;
}

export function findTopic(spec: CampaignSpec, id: string) {
  return topicsOf(spec).find((t) => t.id === id) ?? null;
}

const topicButtons = (topics: Array<{ id: string; prompt: string }>, limits: PortLimits): Button[][] =>
  topics.slice(0, Math.max(1, limits.maxButtonRows - 1)).map((topic) => [
    {
      label: topic.prompt.length > limits.maxButtonLabelChars ? `${topic.prompt.slice(0, limits.maxButtonLabelChars - 1)}…` : topic.prompt,
      data: encodeAction({ kind: 'topic', topic: topic.id }),
      style: 'secondary',
    },
  ]);

/** The arena opened with no prompt in a campaign chat with topics: three suggestions to battle. False otherwise. */
export async function suggest({ ctx, service }: CampaignDeps, ec: EventContext): Promise<boolean> {
  const campaign = service ? await service.battlingUnder(ec.chatRow.id) : null;
  if (!campaign) return false;
  const locale = localeOf(ctx, ec.chatRow, ec.settings);
  const pool = topicsOf(campaign.spec, locale);
  if (!pool.length) return false;
  // A different three each time, so a chat sees the whole list over a few days.
  const picked = [...pool].sort(() => ctx.random() - 0.5).slice(0, SUGGESTIONS);
  const { port } = ctx.portFor(ec.event.chat.platform);
  const text = ec.pt('campaign-suggestions', { title: titleOf(campaign, locale), command: commandOf(ctx, ec.event.chat.platform, 'arena') });
  const buttons = topicButtons(picked, port.limits);
  if (ec.event.chat.kind === 'private' || (ec.event.privateReply && port.limits.privateButtons)) ec.notice(text, { buttons });
  else ec.work('campaign-suggestions', () => ctx.portFor(ec.event.chat.platform).presenter.open(ec.event.chat, { text, buttons, role: 'info' }, { answering: ec.event.delivery }).settled());
  return true;
}

/** The prompt of a topic button, or null (with a notice) when the chat's campaign no longer offers it. */
export async function topicPrompt({ service }: CampaignDeps, ec: EventContext, topicId: string): Promise<string | null> {
  const campaign = service ? await service.battlingUnder(ec.chatRow.id) : null;
  const topic = campaign ? findTopic(campaign.spec, topicId) : null;
  if (!topic) {
    ec.notice(ec.pt('campaign-topic-unknown'));
    return null;
  }
  return topic.prompt;
}

/** A prompt event standing for a topic button press: the battle starts as if the person had typed the topic. */
export function promptFromTopic(ctx: ArenaContext, ec: EventContext, prompt: string): EventContext<PromptEvent> {
  const { type: _type, ...base } = ec.event as unknown as Record<string, unknown>;
  const event = { ...base, type: 'prompt', text: prompt, addressed: true, hidden: true } as unknown as PromptEvent;
  delete (event as { data?: unknown }).data;
  delete (event as { messageRef?: unknown }).messageRef;
  const promptEc = new EventContext(event, ctx);
  promptEc.chatRow = ec.chatRow;
  promptEc.settings = ec.settings;
  promptEc.user = ec.user;
  promptEc.replay = ec.replay;
  return promptEc;
}
