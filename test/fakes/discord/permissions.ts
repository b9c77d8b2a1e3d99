// Discord's permission arithmetic (developers/topics/permissions: "Permission Overwrites" and "Implicit Permissions"),
// so the fake refuses exactly what Discord would and discord.js's own `permissionsFor()` agrees with it.
import { PermissionFlagsBits as P } from 'discord.js';
import type { FakeChannel, FakeGuild } from './model';

export const ALL_PERMISSIONS = Object.values(P).reduce((all, bit) => all | bit, 0n);

/** Roughly what a new server grants @everyone. */
export const DEFAULT_EVERYONE_PERMISSIONS =
  P.ViewChannel |
  P.SendMessages |
  P.SendMessagesInThreads |
  P.CreatePublicThreads |
  P.CreatePrivateThreads |
  P.EmbedLinks |
  P.AttachFiles |
  P.AddReactions |
  P.UseExternalEmojis |
  P.ReadMessageHistory |
  P.UseApplicationCommands |
  P.CreateInstantInvite |
  P.ChangeNickname |
  P.Connect |
  P.Speak |
  P.SendPolls;

/** What Pnyx's invite asks for (issue 11): read and write in channels and threads, embeds, files. */
export const DEFAULT_BOT_PERMISSIONS =
  P.ViewChannel |
  P.SendMessages |
  P.SendMessagesInThreads |
  P.CreatePublicThreads |
  P.EmbedLinks |
  P.AttachFiles |
  P.ReadMessageHistory;

/** What an app may do in a DM with a person (interactions' `app_permissions` there). */
export const DM_APP_PERMISSIONS = P.ViewChannel | P.SendMessages | P.EmbedLinks | P.AttachFiles | P.ReadMessageHistory | P.AddReactions | P.UseExternalEmojis;

/** Guild-wide permissions: @everyone plus the member's roles; the owner and administrators get everything. */
export function basePermissions(guild: FakeGuild, userId: string): bigint {
  if (guild.ownerId === userId) return ALL_PERMISSIONS;
  let permissions = guild.roles.get(guild.id)?.permissions ?? 0n;
  for (const roleId of guild.members.get(userId)?.roleIds ?? []) permissions |= guild.roles.get(roleId)?.permissions ?? 0n;
  return permissions & P.Administrator ? ALL_PERMISSIONS : permissions;
}

/**
 * Permissions in one channel: base, then the @everyone overwrite, then all role overwrites together, then the member's
 * own overwrite. Threads use their parent's overwrites and need Send Messages in Threads instead of Send Messages.
 * Without View Channel nothing is allowed; without the right to send, embeds, files and @everyone are implicitly off.
 */
export function channelPermissions(guild: FakeGuild, channel: FakeChannel, userId: string, parent?: FakeChannel): bigint {
  const base = basePermissions(guild, userId);
  if (base & P.Administrator) return ALL_PERMISSIONS;
  const overwrites = (parent ?? channel).overwrites;
  let permissions = base;
  const everyone = overwrites.find((o) => o.type === 'role' && o.id === guild.id);
  if (everyone) permissions = (permissions & ~everyone.deny) | everyone.allow;
  let allow = 0n;
  let deny = 0n;
  for (const roleId of guild.members.get(userId)?.roleIds ?? []) {
    const o = overwrites.find((x) => x.type === 'role' && x.id === roleId);
    if (o) {
      allow |= o.allow;
      deny |= o.deny;
    }
  }
  permissions = (permissions & ~deny) | allow;
  const own = overwrites.find((o) => o.type === 'member' && o.id === userId);
  if (own) permissions = (permissions & ~own.deny) | own.allow;
  if (!(permissions & P.ViewChannel)) return 0n;
  const send = parent ? P.SendMessagesInThreads : P.SendMessages;
  if (!(permissions & send)) permissions &= ~(P.MentionEveryone | P.SendTTSMessages | P.AttachFiles | P.EmbedLinks);
  return permissions;
}

/** The flag's name as Discord's UI and docs write it ("Send Messages"), for failure messages. */
export function permissionName(bit: bigint): string {
  const key = Object.entries(P).find(([, value]) => value === bit)?.[0] ?? String(bit);
  return key.replace(/([a-z])([A-Z])/g, '$1 $2').replace('TTSMessages', 'TTS Messages');
}
