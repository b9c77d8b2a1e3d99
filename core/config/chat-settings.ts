// Per-chat settings, changed by chat admins through the settings menu and stored as JSON on the chat.
import { z } from 'zod';
import { SUPPORTED_LOCALES } from '../i18n';
import { RevealPolicySchema, type PnyxConfig, type RevealPolicy } from './schema';

export const ChatSettingsSchema = z.object({
  /** Whether the arena answers in this chat at all. */
  enabled: z.boolean().default(true),
  /** 'addressed': commands, mentions and replies start battles; 'all': every message in the group does. */
  trigger: z.enum(['addressed', 'all']).default('addressed'),
  /** null: the configuration's default for the chat's kind. */
  reveal: RevealPolicySchema.nullable().default(null),
  locale: z.enum(SUPPORTED_LOCALES).nullable().default(null),
  /** Models allowed to battle here; null: all configured models. */
  models: z.array(z.string()).nullable().default(null),
  /** Where a battle's replies go on platforms with threads: a thread of its own, or inline. null: thread in groups. */
  layout: z.enum(['thread', 'inline']).nullable().default(null),
  /** This chat's daily spending limit on paid models (US dollars); null: the configuration's. */
  spendCapUsd: z.number().positive().max(100_000).nullable().default(null),
  /**
   * The languages this chat collects prompts in (ISO 639-1, as the detector names them); a prompt detected in another
   * gets a hint instead of a battle. Empty: every language. A campaign sets it for the chats that join it.
   */
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/)).max(30).default([]),
  /** How the two models are chosen outside campaigns (core/engine/modes.ts); custom battles the two allowed models. */
  mode: z.enum(['random', 'big-vs-small', 'frugal', 'custom']).default('random'),
  /** Whether this chat's conversations, votes and reactions may go into published datasets: off until an admin allows it. */
  publishData: z.boolean().default(false),
});
export type ChatSettings = z.infer<typeof ChatSettingsSchema>;

export function parseChatSettings(json: string | null | undefined): ChatSettings {
  try {
    const parsed = ChatSettingsSchema.safeParse(JSON.parse(json || '{}'));
    if (parsed.success) return parsed.data;
  } catch {
    // Stored by us, so this only happens after a manual edit; fall through to defaults rather than break the chat.
  }
  return ChatSettingsSchema.parse({});
}

export function revealPolicyFor(settings: ChatSettings, kind: 'private' | 'group', config: PnyxConfig): RevealPolicy {
  return settings.reveal ?? config.battle.reveal[kind];
}
