// What Pnyx needs to be allowed to do in a Discord channel, and how a missing permission is named to the person. The
// invite URL asks for exactly these; answers to interactions (ephemeral notices, the first public answer) need none.
import { PermissionFlagsBits as P } from 'discord.js';

/** Everything the bot does in a server, so the invite URL asks for exactly this. */
export const INVITE_PERMISSIONS = {
  /** See the channel (and so edit its own ballots there). */
  ViewChannel: P.ViewChannel,
  /** Replies and ballots in the channel (inline battles, and after an interaction's 15 minutes). */
  SendMessages: P.SendMessages,
  /** A battle's own thread under its prompt. */
  CreatePublicThreads: P.CreatePublicThreads,
  SendMessagesInThreads: P.SendMessagesInThreads,
  /** Replies are Discord replies to the prompt (a message reference needs it). */
  ReadMessageHistory: P.ReadMessageHistory,
  /** Scheduled leaderboards carry their chart as a file. */
  AttachFiles: P.AttachFiles,
} as const;

export type PermissionName = keyof typeof INVITE_PERMISSIONS;

export const INVITE_BITS: bigint = Object.values(INVITE_PERMISSIONS).reduce((all, bit) => all | bit, 0n);

/** The OAuth2 URL a server admin opens to add the bot: the two scopes and exactly the permissions above. */
export function inviteUrl(applicationId: string): string {
  const query = new URLSearchParams({ client_id: applicationId, scope: 'bot applications.commands', permissions: INVITE_BITS.toString() });
  return `https://discord.com/oauth2/authorize?${query.toString().replace(/\+/g, '%20')}`;
}

/** Which of `needed` the bits lack (Administrator grants all). */
export function missingFrom(bits: bigint, needed: readonly PermissionName[]): PermissionName[] {
  if ((bits & P.Administrator) === P.Administrator) return [];
  return needed.filter((name) => (bits & INVITE_PERMISSIONS[name]) !== INVITE_PERMISSIONS[name]);
}

/** What posting a battle in a channel takes (in a thread: writing in threads instead of the channel). */
export function neededToBattle(inThread: boolean): PermissionName[] {
  return ['ViewChannel', inThread ? 'SendMessagesInThreads' : 'SendMessages', 'ReadMessageHistory'];
}

/** What opening a battle's thread takes, on top of the channel's. */
export const NEEDED_FOR_THREADS: readonly PermissionName[] = ['CreatePublicThreads', 'SendMessagesInThreads'];

/** Members who may change the arena's settings: Manage Server (Administrator includes it). */
export function canManageGuild(bits: bigint): boolean {
  return (bits & P.Administrator) === P.Administrator || (bits & P.ManageGuild) === P.ManageGuild;
}
