// The REST calls the adapter makes, through discord.js's REST client (its queue honours 429s and the bucket headers,
// and retries 5xx). Channel sends carry a nonce with enforce_nonce, so a send retried after a lost answer is not
// posted twice. Interaction answers go to the interaction's own endpoints (authorised by its token, not the bot's).
import { randomBytes } from 'node:crypto';
import { DiscordAPIError, Routes, type REST } from 'discord.js';
import { z } from 'zod';
import { CHART_FILE, chartAttachment, type MessageJson, type ModalJson } from './render';

/** Discord's JSON error codes the adapter acts on. */
export const CODES = {
  unknownChannel: 10003,
  unknownMessage: 10008,
  unknownWebhook: 10015,
  unknownInteraction: 10062,
  missingAccess: 50001,
  cannotDm: 50007,
  missingPermissions: 50013,
  invalidWebhookToken: 50027,
  archivedThread: 50083,
  alreadyAcknowledged: 40060,
  threadExists: 160004,
} as const;

/** Codes that mean nothing can be posted in that channel now (gone, hidden, bot removed, DMs closed, locked). */
const UNREACHABLE: ReadonlySet<number> = new Set([CODES.unknownChannel, CODES.missingAccess, CODES.cannotDm, CODES.missingPermissions, CODES.archivedThread]);

export function discordCode(error: unknown): number | undefined {
  return error instanceof DiscordAPIError && typeof error.code === 'number' ? error.code : undefined;
}

export const isUnreachable = (error: unknown): boolean => UNREACHABLE.has(discordCode(error) ?? 0);
export const isGoneMessage = (error: unknown): boolean => discordCode(error) === CODES.unknownMessage;

/** What Discord answers about a message the adapter posted: enough to make its ref. */
const PostedMessage = z.object({ id: z.string(), channel_id: z.string() });
export type PostedMessage = z.infer<typeof PostedMessage>;
const CreatedThread = z.object({ id: z.string() });

/** A board's chart, uploaded with the message that shows it. */
export interface Png {
  png: Uint8Array;
  alt: string;
}

/** Interaction callback types (Discord's numbers). */
export const CALLBACK = { reply: 4, deferReply: 5, deferUpdate: 6, update: 7, modal: 9 } as const;
export type CallbackType = (typeof CALLBACK)[keyof typeof CALLBACK];

/** The request options that upload a chart: the file, and its name and alt text in the body's `attachments`. */
const upload = <B extends object>(body: B, image: Png | undefined) =>
  image
    ? { body: { ...body, attachments: chartAttachment(image.alt) }, files: [{ name: CHART_FILE, data: Buffer.from(image.png), contentType: 'image/png' }] }
    : { body };

/** A nonce for one logical send: up to 25 characters, as Discord allows. */
export const newNonce = (): string => randomBytes(12).toString('base64url').slice(0, 16);

export interface DiscordCalls {
  post(channelId: string, body: MessageJson, image?: Png): Promise<PostedMessage>;
  patch(channelId: string, messageId: string, body: Partial<MessageJson>): Promise<void>;
  remove(channelId: string, messageId: string): Promise<void>;
  typing(channelId: string): Promise<void>;
  /** A public thread under a message; its id (on Discord a thread from a message takes the message's id). */
  startThread(channelId: string, messageId: string, name: string): Promise<string>;
  callback(interactionId: string, token: string, type: CallbackType, data?: MessageJson | Partial<MessageJson> | ModalJson): Promise<void>;
  editOriginal(applicationId: string, token: string, body: Partial<MessageJson>, image?: Png): Promise<PostedMessage>;
  deleteOriginal(applicationId: string, token: string): Promise<void>;
  /** A follow-up message; with `file`, uploaded as its one attachment (a person's data, ephemeral). */
  followUp(applicationId: string, token: string, body: MessageJson, file?: { name: string; mime: string; bytes: Uint8Array }): Promise<PostedMessage>;
  registerCommands(applicationId: string, commands: unknown[], guildId?: string): Promise<unknown[]>;
  /** The application this token belongs to (for command registration and the invite URL). */
  application(): Promise<{ id: string }>;
  /** Whether the bot is in any server at all (also those on other processes' shards). */
  inAnyServer(): Promise<boolean>;
  /** How many shards Discord recommends for this bot now (GET /gateway/bot). */
  recommendedShards(): Promise<number>;
}

export function createDiscordCalls(rest: REST): DiscordCalls {
  return {
    async post(channelId, body, image) {
      const nonce = newNonce();
      const sent = await rest.post(Routes.channelMessages(channelId), upload({ ...body, nonce, enforce_nonce: true }, image));
      return PostedMessage.parse(sent);
    },
    async patch(channelId, messageId, body) {
      await rest.patch(Routes.channelMessage(channelId, messageId), { body });
    },
    async remove(channelId, messageId) {
      await rest.delete(Routes.channelMessage(channelId, messageId));
    },
    async typing(channelId) {
      await rest.post(Routes.channelTyping(channelId));
    },
    async startThread(channelId, messageId, name) {
      // A day without messages before Discord archives it: a battle's votes usually come within the hour.
      const thread = await rest.post(Routes.threads(channelId, messageId), { body: { name, auto_archive_duration: 1440 } });
      return CreatedThread.parse(thread).id;
    },
    async callback(interactionId, token, type, data) {
      await rest.post(Routes.interactionCallback(interactionId, token), { body: { type, ...(data ? { data } : {}) }, auth: false });
    },
    async editOriginal(applicationId, token, body, image) {
      const sent = await rest.patch(Routes.webhookMessage(applicationId, token, '@original'), { ...upload(body, image), auth: false });
      return PostedMessage.parse(sent);
    },
    async deleteOriginal(applicationId, token) {
      await rest.delete(Routes.webhookMessage(applicationId, token, '@original'), { auth: false });
    },
    async followUp(applicationId, token, body, file) {
      const options = file
        ? { body: { ...body, attachments: [{ id: 0, filename: file.name }] }, files: [{ name: file.name, data: Buffer.from(file.bytes), contentType: file.mime }] }
        : { body };
      const sent = await rest.post(Routes.webhook(applicationId, token), { ...options, auth: false });
      return PostedMessage.parse(sent);
    },
    async registerCommands(applicationId, commands, guildId) {
      const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
      return z.array(z.unknown()).parse(await rest.put(route, { body: commands }));
    },
    async application() {
      return z.object({ id: z.string() }).parse(await rest.get(Routes.currentApplication()));
    },
    async inAnyServer() {
      const guilds = z.array(z.unknown()).parse(await rest.get(Routes.userGuilds(), { query: new URLSearchParams({ limit: '1' }) }));
      return guilds.length > 0;
    },
    async recommendedShards() {
      return z.object({ shards: z.number().int().positive() }).parse(await rest.get(Routes.gatewayBot())).shards;
    },
  };
}
