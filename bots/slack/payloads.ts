// The parts of Slack's payloads the adapter reads, checked with zod before anything reaches the core. Only what is read
// is declared (objects are loose): Slack adds fields over time, and an unknown field must never drop an event.
import { z } from 'zod';

const id = z.string().min(1).max(64);
const ts = z.string().regex(/^\d+\.\d+$/);

/** `message` and `app_mention` events, inside the Events API envelope (`event_id` names the delivery). */
export const MessageEnvelope = z.looseObject({
  event_id: id,
  team_id: id.optional(),
  event: z.looseObject({
    type: z.enum(['message', 'app_mention']),
    subtype: z.string().optional(),
    hidden: z.boolean().optional(),
    bot_id: z.string().optional(),
    user: id.optional(),
    text: z.string().max(40_000).optional(),
    ts,
    thread_ts: ts.optional(),
    channel: id,
    channel_type: z.string().optional(),
  }),
});
export type MessageEnvelope = z.infer<typeof MessageEnvelope>;

/** Events that mean the app can no longer post in a conversation. */
export const REMOVAL_EVENTS = ['member_left_channel', 'channel_left', 'group_left', 'channel_deleted', 'group_deleted', 'channel_archive', 'group_archive'] as const;

export const RemovalEnvelope = z.looseObject({
  event_id: id,
  team_id: id.optional(),
  event: z.looseObject({ type: z.enum(REMOVAL_EVENTS), channel: id, user: id.optional() }),
});
export type RemovalEnvelope = z.infer<typeof RemovalEnvelope>;

/** A slash command's form fields. */
export const CommandPayload = z.looseObject({
  command: z.string().regex(/^\/[\w-]{1,32}$/),
  text: z.string().max(8_000),
  channel_id: id,
  channel_name: z.string().optional(),
  user_id: id,
  team_id: id.optional(),
  trigger_id: z.string().min(1).max(200),
});
export type CommandPayload = z.infer<typeof CommandPayload>;

/** A button press. A press on an ephemeral message carries no `message`; the container still names the channel. */
export const BlockActionsPayload = z.looseObject({
  type: z.literal('block_actions'),
  trigger_id: z.string().min(1).max(200).optional(),
  user: z.looseObject({ id, team_id: id.optional() }),
  team: z.looseObject({ id }).nullable().optional(),
  channel: z.looseObject({ id }).optional(),
  container: z.looseObject({
    type: z.string(),
    message_ts: ts.optional(),
    channel_id: id.optional(),
    thread_ts: ts.optional(),
    is_ephemeral: z.boolean().optional(),
  }),
  message: z.looseObject({ ts, thread_ts: ts.optional() }).optional(),
  actions: z
    .array(z.looseObject({ action_id: z.string().max(255), value: z.string().min(1).max(2000).optional(), action_ts: z.string().optional() }))
    .min(1),
});
export type BlockActionsPayload = z.infer<typeof BlockActionsPayload>;

/** Where a Pnyx modal was opened, kept in its private_metadata (see blocks.formView). */
export const FormOrigin = z.object({ d: z.string().min(1).max(100), c: id, t: ts.optional(), k: z.enum(['p', 'g']) });

/** A modal submitted; its inputs' values by block id, then action id. */
export const ViewSubmissionPayload = z.looseObject({
  type: z.literal('view_submission'),
  trigger_id: z.string().min(1).max(200).optional(),
  user: z.looseObject({ id }),
  team: z.looseObject({ id }).nullable().optional(),
  view: z.looseObject({
    id,
    callback_id: z.string(),
    private_metadata: z.string().max(3000),
    state: z.looseObject({
      values: z.record(z.string(), z.record(z.string(), z.looseObject({ value: z.string().max(3000).nullable().optional() }))),
    }),
  }),
});
export type ViewSubmissionPayload = z.infer<typeof ViewSubmissionPayload>;
