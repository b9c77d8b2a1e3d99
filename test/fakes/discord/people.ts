// The people's side of interactions: slash commands, button presses, select menus and modal submissions, each
// refused when a real person could not do it (unregistered or hidden command, missing option, a button not on the
// message, an ephemeral message of someone else), then dispatched as INTERACTION_CREATE with a 3-second deadline.
import { ChannelType, InteractionType, PermissionFlagsBits as P } from 'discord.js';
import type { FakeDiscord, RegisteredCommand } from './fake';
import { bySnowflake, snowflake, type FakeChannel, type FakeGuild, type FakeInteraction, type FakeMessage, type FakeRole, type FakeUser, type InteractionKind } from './model';
import { basePermissions, DM_APP_PERMISSIONS, permissionName } from './permissions';

type MessageRef = FakeMessage | string;
type ChannelRef = FakeChannel | string;
export type CommandOptionValue = string | number | boolean | FakeUser | FakeChannel | FakeRole;

export class People {
  constructor(private readonly fake: FakeDiscord) {}

  slashCommand(user: FakeUser, channel: ChannelRef, name: string, options: Record<string, CommandOptionValue> = {}): FakeInteraction {
    const target = this.fake.channelOf(channel);
    const guild = target.guildId ? this.fake.guildOf(target.guildId) : undefined;
    const command =
      (guild ? this.fake.commands.get(guild.id)?.find((c) => c.name === name && (c.type ?? 1) === 1) : undefined) ??
      this.fake.commands.get('global')?.find((c) => c.name === name && (c.type ?? 1) === 1);
    if (!command) throw new Error(`FakeDiscord: /${name} is not registered (${[...this.fake.commands.values()].flat().map((c) => c.name).join(', ') || 'no commands'})`);
    const context = guild ? 0 : 1;
    if (command.contexts && !command.contexts.includes(context)) throw new Error(`FakeDiscord: /${name} is not available in ${guild ? 'servers' : 'DMs'}`);
    if (!guild && command.dm_permission === false) throw new Error(`FakeDiscord: /${name} is not available in DMs`);
    if (guild) {
      this.assertCan(user, target, P.UseApplicationCommands);
      const required = command.default_member_permissions == null ? undefined : BigInt(command.default_member_permissions);
      if (required !== undefined) {
        const has = basePermissions(guild, user.id);
        if ((has & P.Administrator) === 0n && (has & required) !== required) {
          throw new Error(`FakeDiscord: ${user.username} cannot see /${name} (needs permissions ${required})`);
        }
      }
    }
    const { list, resolved } = this.commandOptions(command, options, guild);
    const data: Record<string, unknown> = { id: command.id, name, type: 1, ...(list.length ? { options: list } : {}), ...(resolved ? { resolved } : {}) };
    if (command.guild_id) data.guild_id = command.guild_id;
    return this.createInteraction({ type: InteractionType.ApplicationCommand, kind: 'command', name, user, channel: target, data });
  }

  pressButton(user: FakeUser, message: MessageRef, customId: string): FakeInteraction {
    const source = this.fake.messageOf(message);
    const component = this.componentOn(source, customId, user);
    if (component.type !== 2) throw new Error(`FakeDiscord: ${customId} is not a button`);
    const data = { custom_id: customId, component_type: 2, ...(typeof component.id === 'number' ? { id: component.id } : {}) };
    return this.createInteraction({ type: InteractionType.MessageComponent, kind: 'button', name: customId, user, channel: this.fake.channelOf(source.channelId), data, source });
  }

  selectMenu(user: FakeUser, message: MessageRef, customId: string, values: string[]): FakeInteraction {
    const source = this.fake.messageOf(message);
    const component = this.componentOn(source, customId, user);
    if (component.type !== 3) throw new Error(`FakeDiscord: ${customId} is not a string select`);
    const allowed = new Set(((component.options as Array<{ value: string }> | undefined) ?? []).map((o) => o.value));
    const min = (component.min_values as number | undefined) ?? 1;
    const max = (component.max_values as number | undefined) ?? 1;
    if (values.some((v) => !allowed.has(v))) throw new Error(`FakeDiscord: ${customId} has no option ${values.find((v) => !allowed.has(v))}`);
    if (values.length < min || values.length > max) throw new Error(`FakeDiscord: ${customId} takes ${min}–${max} values`);
    const data = { custom_id: customId, component_type: 3, values, ...(typeof component.id === 'number' ? { id: component.id } : {}) };
    return this.createInteraction({ type: InteractionType.MessageComponent, kind: 'select', name: customId, user, channel: this.fake.channelOf(source.channelId), data, source });
  }

  submitModal(user: FakeUser, customId: string, fields: Record<string, string | string[]>): FakeInteraction {
    const opener = [...this.fake.interactions.values()]
      .filter((i) => i.user.id === user.id && i.modal?.custom_id === customId && !i.modal.submitted)
      .sort(bySnowflake)
      .at(-1);
    if (!opener?.modal) throw new Error(`FakeDiscord: no open modal ${customId} for ${user.username}`);
    const used = new Set<string>();
    const answer = (c: Record<string, unknown>): Record<string, unknown> => {
      const id = String(c.custom_id);
      const given = fields[id];
      used.add(id);
      const base = { type: c.type, custom_id: id, ...(typeof c.id === 'number' ? { id: c.id } : {}) };
      if (c.type === 4) {
        const value = Array.isArray(given) ? given.join(' ') : (given ?? '');
        if (c.required !== false && value === '') throw new Error(`FakeDiscord: modal field ${id} is required`);
        const min = (c.min_length as number | undefined) ?? 0;
        const max = (c.max_length as number | undefined) ?? 4000;
        if (value !== '' && (value.length < min || value.length > max)) throw new Error(`FakeDiscord: modal field ${id} takes ${min}–${max} characters`);
        return { ...base, value };
      }
      const values = given === undefined ? [] : Array.isArray(given) ? given : [given];
      if (c.required !== false && values.length === 0) throw new Error(`FakeDiscord: modal field ${id} is required`);
      return { ...base, values };
    };
    const components = (opener.modal.components as Array<Record<string, unknown>>).map((top) => {
      const id = typeof top.id === 'number' ? { id: top.id } : {};
      if (top.type === 1) return { type: 1, ...id, components: (top.components as Array<Record<string, unknown>>).map(answer) };
      if (top.type === 18) return { type: 18, ...id, component: answer(top.component as Record<string, unknown>) };
      return { type: top.type, ...id };
    });
    const unknown = Object.keys(fields).filter((k) => !used.has(k));
    if (unknown.length) throw new Error(`FakeDiscord: modal ${customId} has no field ${unknown.join(', ')}`);
    opener.modal.submitted = true;
    const source = opener.sourceMessageId ? this.fake.messages.get(opener.sourceMessageId) : undefined;
    return this.createInteraction({
      type: InteractionType.ModalSubmit,
      kind: 'modal',
      name: customId,
      user,
      channel: this.fake.channelOf(opener.channelId),
      data: { custom_id: customId, components },
      ...(source ? { source } : {}),
    });
  }

  /** Throw if a real person could not do this in the channel (the test asked for something impossible). */
  assertCan(user: FakeUser, channel: FakeChannel, permission: bigint): void {
    if (channel.deleted) throw new Error(`FakeDiscord: channel ${channel.name} was deleted`);
    if (channel.type === ChannelType.DM) {
      if (channel.recipient?.id !== user.id) throw new Error(`FakeDiscord: ${user.username} is not in this DM`);
      return;
    }
    const guild = this.fake.guildOf(channel.guildId);
    if (!guild.members.has(user.id)) throw new Error(`FakeDiscord: ${user.username} is not a member of ${guild.name}`);
    if ((this.fake.permissionsIn(channel, user.id) & permission) !== permission) {
      throw new Error(`FakeDiscord: ${user.username} lacks ${permissionName(permission)} in #${channel.name}`);
    }
  }

  componentOn(message: FakeMessage, customId: string, user: FakeUser): Record<string, unknown> {
    if (message.visibleTo && message.visibleTo !== user.id) throw new Error(`FakeDiscord: ${user.username} cannot see that ephemeral message`);
    const channel = this.fake.channelOf(message.channelId);
    if (channel.deleted) throw new Error('FakeDiscord: the channel was deleted');
    if (channel.guildId) this.assertCan(user, channel, P.ViewChannel);
    const found = findComponent(message.components, customId);
    if (!found) throw new Error(`FakeDiscord: no component ${customId} on message ${message.id} (${collectIds(message.components).join(', ') || 'none'})`);
    if (found.disabled === true) throw new Error(`FakeDiscord: ${customId} is disabled`);
    return found;
  }

  commandOptions(
    command: RegisteredCommand,
    given: Record<string, CommandOptionValue>,
    guild: FakeGuild | undefined,
  ): { list: Array<Record<string, unknown>>; resolved?: Record<string, Record<string, unknown>> } {
    const defs = (command.options ?? []) as Array<{ name: string; type: number; required?: boolean; choices?: Array<{ value: unknown }>; min_length?: number; max_length?: number }>;
    if (defs.some((d) => d.type === 1 || d.type === 2)) throw new Error('FakeDiscord: subcommands are not emulated');
    for (const key of Object.keys(given)) if (!defs.some((d) => d.name === key)) throw new Error(`FakeDiscord: /${command.name} has no option ${key}`);
    const list: Array<Record<string, unknown>> = [];
    const resolved: Record<string, Record<string, unknown>> = {};
    const add = (kind: string, id: string, json: unknown): void => {
      (resolved[kind] ??= {})[id] = json;
    };
    for (const def of defs) {
      const value = given[def.name];
      if (value === undefined) {
        if (def.required) throw new Error(`FakeDiscord: /${command.name} needs option ${def.name}`);
        continue;
      }
      let raw: unknown = value;
      if (def.type === 3) {
        if (typeof value !== 'string') throw new Error(`FakeDiscord: option ${def.name} is a string`);
        if (value.length < (def.min_length ?? 0) || value.length > (def.max_length ?? 6000)) throw new Error(`FakeDiscord: option ${def.name} has a bad length`);
      } else if (def.type === 4 || def.type === 10) {
        if (typeof value !== 'number' || (def.type === 4 && !Number.isInteger(value))) throw new Error(`FakeDiscord: option ${def.name} is a number`);
      } else if (def.type === 5) {
        if (typeof value !== 'boolean') throw new Error(`FakeDiscord: option ${def.name} is a boolean`);
      } else if (typeof value === 'object') {
        raw = value.id;
        if ('username' in value) {
          add('users', value.id, this.fake.json.user(value));
          const member = guild?.members.get(value.id);
          if (member) add('members', value.id, { ...this.fake.json.member(member, { user: false }), permissions: '0' });
        } else if ('permissions' in value) add('roles', value.id, this.fake.json.role(value));
        else add('channels', value.id, { ...this.fake.json.channel(value), permissions: '0' });
      }
      if (def.choices && !def.choices.some((c) => c.value === raw)) throw new Error(`FakeDiscord: option ${def.name} must be one of its choices`);
      list.push({ name: def.name, type: def.type, value: raw });
    }
    return { list, ...(Object.keys(resolved).length ? { resolved } : {}) };
  }

  createInteraction(input: {
    type: number;
    kind: InteractionKind;
    name: string;
    user: FakeUser;
    channel: FakeChannel;
    data: Record<string, unknown>;
    source?: FakeMessage;
  }): FakeInteraction {
    const { channel, user } = input;
    if (channel.deleted) throw new Error('FakeDiscord: the channel was deleted');
    const guild = channel.guildId ? this.fake.guildOf(channel.guildId) : undefined;
    if (guild && !guild.botPresent) throw new Error('FakeDiscord: the bot is no longer in this server');
    const now = Date.now();
    const id = snowflake(now);
    // Interaction tokens are long opaque strings; this one says which interaction it belongs to, for readable logs.
    const token = `aW50ZXJhY3Rpb246${id}:${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
    const payload: Record<string, unknown> = {
      id,
      application_id: this.fake.applicationId,
      type: input.type,
      data: input.data,
      token,
      version: 1,
      channel_id: channel.id,
      channel: { ...this.fake.json.channel(channel), ...(guild ? { permissions: this.fake.permissionsIn(channel, user.id).toString() } : {}) },
      locale: user.locale,
      entitlements: [],
      attachment_size_limit: this.fake.options.uploadLimitBytes,
      app_permissions: (guild ? this.fake.permissionsIn(channel, this.fake.botUser.id) : DM_APP_PERMISSIONS).toString(),
      ...(guild
        ? {
            guild_id: guild.id,
            guild: { id: guild.id, locale: guild.locale, features: [] },
            guild_locale: guild.locale,
            member: { ...this.fake.json.member(guild.members.get(user.id)!), permissions: this.fake.permissionsIn(channel, user.id).toString() },
            authorizing_integration_owners: { '0': guild.id },
            context: 0,
          }
        : { user: this.fake.json.user(user), authorizing_integration_owners: { '0': '0' }, context: 1 }),
      ...(input.source ? { message: this.fake.json.message(input.source) } : {}),
    };
    const interaction: FakeInteraction = {
      id,
      token,
      type: input.type,
      kind: input.kind,
      name: input.name,
      user,
      channelId: channel.id,
      ...(guild ? { guildId: guild.id } : {}),
      ...(input.source ? { sourceMessageId: input.source.id } : {}),
      createdAt: now,
      deadlineAt: now + this.fake.options.interactionDeadlineMs,
      tokenExpiresAt: now + this.fake.options.interactionTokenLifetimeMs,
      callbacks: [],
      expired: false,
      followupIds: [],
      payload,
    };
    this.fake.interactions.set(id, interaction);
    const timer = setTimeout(() => {
      this.fake.timers.delete(timer);
      if (interaction.acknowledged) return;
      // The person sees "This interaction failed"; the token is dead (callbacks 10062, webhooks 10015).
      interaction.expired = true;
      this.fake.recordFailure({
        kind: 'interaction-not-acknowledged',
        interactionId: id,
        detail: `${input.kind} ${input.name} by ${user.username} not acknowledged within ${this.fake.options.interactionDeadlineMs} ms`,
      });
    }, this.fake.options.interactionDeadlineMs);
    timer.unref();
    this.fake.timers.add(timer);
    this.fake.gateway.dispatch('INTERACTION_CREATE', () => payload, guild?.id);
    this.fake.notify();
    return interaction;
  }
}

function findComponent(list: unknown, customId: string): Record<string, unknown> | undefined {
  if (!Array.isArray(list)) return undefined;
  for (const c of list) {
    if (!c || typeof c !== 'object') continue;
    const o = c as Record<string, unknown>;
    if (o.custom_id === customId) return o;
    const inner = findComponent(o.components, customId) ?? findComponent(o.accessory ? [o.accessory] : [], customId);
    if (inner) return inner;
  }
  return undefined;
}

function collectIds(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((c) => {
    const o = (c ?? {}) as Record<string, unknown>;
    return [...(typeof o.custom_id === 'string' ? [o.custom_id] : []), ...collectIds(o.components), ...collectIds(o.accessory ? [o.accessory] : [])];
  });
}
