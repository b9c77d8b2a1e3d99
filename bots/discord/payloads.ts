// The gateway payloads the adapter reads, checked with zod before anything is done with them: the raw JSON as
// Discord sends it (discord.js hands it over untouched through `client.ws`), only the fields Pnyx uses. Unknown
// fields pass (Discord adds fields all the time); a payload missing what Pnyx needs is dropped with one log line.
import { z } from 'zod';

export const Snowflake = z.string().regex(/^\d{1,20}$/);

export const UserPayload = z.object({
  id: Snowflake,
  username: z.string(),
  global_name: z.string().nullish(),
  bot: z.boolean().optional(),
});
export type UserPayload = z.infer<typeof UserPayload>;

/** Permissions arrive as a decimal string of a 64-bit field. */
const Permissions = z
  .string()
  .regex(/^\d{1,20}$/)
  .transform((bits) => BigInt(bits));

export const InteractionChannel = z.object({
  id: Snowflake,
  type: z.number().int(),
  name: z.string().nullish(),
  parent_id: Snowflake.nullish(),
  owner_id: Snowflake.nullish(),
});

const CommandOption = z.object({
  name: z.string().max(32),
  type: z.number().int(),
  value: z.union([z.string(), z.number(), z.boolean()]).optional(),
});

const CommandData = z.object({
  name: z.string().min(1).max(32),
  options: z.array(CommandOption).max(25).optional(),
});

const ComponentData = z.object({
  custom_id: z.string().min(1).max(100),
  component_type: z.number().int(),
  values: z.array(z.string()).optional(),
});

/** A submitted modal field: a text input (value) or a select (values), top-level in an action row or a label. */
const ModalInput = z.object({ custom_id: z.string().min(1).max(100), value: z.string().max(4000).optional(), values: z.array(z.string()).optional() });
const ModalData = z.object({
  custom_id: z.string().min(1).max(100),
  components: z
    .array(
      z.object({
        type: z.number().int(),
        components: z.array(ModalInput.partial({ custom_id: true })).optional(),
        component: ModalInput.partial({ custom_id: true }).optional(),
      }),
    )
    .max(10),
});

const Base = z.object({
  id: Snowflake,
  application_id: Snowflake,
  token: z.string().min(1).max(500),
  channel_id: Snowflake,
  channel: InteractionChannel.optional(),
  guild_id: Snowflake.optional(),
  guild_locale: z.string().optional(),
  locale: z.string().optional(),
  app_permissions: Permissions.optional(),
  member: z.object({ user: UserPayload, nick: z.string().nullish(), permissions: Permissions }).optional(),
  user: UserPayload.optional(),
  message: z.object({ id: Snowflake, channel_id: Snowflake }).optional(),
});

export const InteractionPayload = z.discriminatedUnion('type', [
  Base.extend({ type: z.literal(2), data: CommandData }),
  Base.extend({ type: z.literal(3), data: ComponentData }),
  Base.extend({ type: z.literal(5), data: ModalData }),
]);
export type InteractionPayload = z.infer<typeof InteractionPayload>;

/** Interaction types Pnyx answers (ping, autocomplete and others are not registered, so never arrive). */
export const INTERACTION_TYPES = [2, 3, 5];

export const MessagePayload = z.object({
  id: Snowflake,
  channel_id: Snowflake,
  guild_id: Snowflake.optional(),
  author: UserPayload,
  member: z.object({ nick: z.string().nullish() }).optional(),
  /** Empty for others' messages in servers without the privileged Message Content intent (unless they mention the bot). */
  content: z.string(),
  /** 0 default, 19 reply; the rest are system messages (joins, pins, thread starts…). */
  type: z.number().int(),
  mentions: z.array(z.object({ id: Snowflake })).default([]),
  attachments: z.array(z.unknown()).default([]),
  sticker_items: z.array(z.unknown()).optional(),
  webhook_id: Snowflake.optional(),
  message_reference: z.object({ message_id: Snowflake.optional(), channel_id: Snowflake.optional() }).optional(),
  referenced_message: z.object({ id: Snowflake, channel_id: Snowflake, author: z.object({ id: Snowflake }) }).nullish(),
});
export type MessagePayload = z.infer<typeof MessagePayload>;

/** `unavailable` set: an outage, the bot is still in the server. */
export const GuildDeletePayload = z.object({ id: Snowflake, unavailable: z.boolean().optional() });
export const ChannelDeletePayload = z.object({ id: Snowflake, guild_id: Snowflake.optional(), parent_id: Snowflake.nullish(), type: z.number().int() });

/** The values of a submitted modal, by field id (text inputs' text, selects' values joined by commas). */
export function modalValues(data: z.infer<typeof ModalData>): Record<string, string> {
  const values: Record<string, string> = {};
  const take = (input: Partial<z.infer<typeof ModalInput>> | undefined) => {
    if (!input?.custom_id) return;
    values[input.custom_id] = input.value ?? (input.values ?? []).join(',');
  };
  for (const top of data.components) {
    take(top.component);
    for (const inner of top.components ?? []) take(inner);
  }
  return values;
}
