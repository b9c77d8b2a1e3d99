// What an update from Telegram must look like before the adapter reads it: the fields the adapter uses, checked with
// zod at the door (long polling and the webhook alike). A malformed update (no sender or chat, entities that are not
// a list…) is dropped with one log line instead of throwing a TypeError deep in a handler. Fields the adapter does not
// read pass through untouched.
import { z } from 'zod';

const User = z.looseObject({
  id: z.number().int(),
  is_bot: z.boolean().optional(),
  first_name: z.string(),
  last_name: z.string().optional(),
  username: z.string().optional(),
  language_code: z.string().optional(),
});

const Chat = z.looseObject({
  id: z.number().int(),
  type: z.enum(['private', 'group', 'supergroup', 'channel']),
  title: z.string().optional(),
});

const Entity = z.looseObject({
  type: z.string(),
  offset: z.number().int().min(0),
  length: z.number().int().min(0),
  user: User.optional(),
});

const Message = z.looseObject({
  message_id: z.number().int(),
  date: z.number(),
  chat: Chat,
  from: User.optional(),
  sender_chat: Chat.optional(),
  text: z.string().optional(),
  entities: z.array(Entity).optional(),
  caption: z.string().optional(),
  caption_entities: z.array(Entity).optional(),
  message_thread_id: z.number().int().optional(),
  is_topic_message: z.boolean().optional(),
  reply_to_message: z.looseObject({ message_id: z.number().int(), from: User.optional() }).optional(),
  migrate_to_chat_id: z.number().int().optional(),
  migrate_from_chat_id: z.number().int().optional(),
});

const CallbackQuery = z.looseObject({
  id: z.string(),
  from: User,
  message: z.looseObject({ message_id: z.number().int(), chat: Chat }).optional(),
  data: z.string().optional(),
});

const ChatMemberUpdated = z.looseObject({
  chat: Chat,
  from: User,
  new_chat_member: z.looseObject({ status: z.string() }),
});

export const UpdateSchema = z.looseObject({
  update_id: z.number().int().min(0),
  message: Message.optional(),
  callback_query: CallbackQuery.optional(),
  my_chat_member: ChatMemberUpdated.optional(),
});

export type CheckedUpdate = z.infer<typeof UpdateSchema>;

/** The update if it has the shape the adapter reads, else the paths that are wrong (for one log line). */
export function checkUpdate(update: unknown): { ok: true; update: CheckedUpdate } | { ok: false; problems: string[]; updateId?: number } {
  const parsed = UpdateSchema.safeParse(update);
  if (parsed.success) return { ok: true, update: parsed.data };
  const id = typeof update === 'object' && update !== null && 'update_id' in update ? (update as { update_id: unknown }).update_id : undefined;
  return {
    ok: false,
    problems: [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(update)'))].slice(0, 5),
    ...(typeof id === 'number' ? { updateId: id } : {}),
  };
}
