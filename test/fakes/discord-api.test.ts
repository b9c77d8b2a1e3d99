// The fake Discord against the REAL discord.js Client: what a bot does (log in, answer commands, buttons and modals,
// post, thread, upload, edit under rate limits, resume after a drop) works as on Discord, and what Discord refuses
// (limits, double answers, late answers, missing permissions, disallowed intents) is refused the same way.
import { deflateSync, crc32 } from 'node:zlib';
import {
  ActionRowBuilder,
  ApplicationCommandOptionType,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  InteractionContextType,
  LabelBuilder,
  MessageFlags,
  ModalBuilder,
  Partials,
  PermissionFlagsBits,
  Routes,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
  type ClientEvents,
  type Interaction,
  type Locale,
  type Message,
  type RateLimitData,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type TextChannel,
} from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { shardOf, startFakeDiscord, type FakeChannel, type FakeDiscord, type FakeGuild, type FakeUser } from './discord';

const INTENTS = GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.DirectMessages;

function newClient(fake: FakeDiscord, intents: number = INTENTS): Client {
  return new Client({ intents, partials: [Partials.Channel], rest: { api: fake.restApi } });
}

async function login(client: Client, fake: FakeDiscord): Promise<void> {
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(fake.token);
  await ready;
}

/** The next client event matching `predicate` (the fake cannot see discord.js's side). */
function nextEvent<K extends keyof ClientEvents>(client: Client, event: K, predicate: (...args: ClientEvents[K]) => boolean = () => true, timeoutMs = 5_000): Promise<ClientEvents[K]> {
  return new Promise((resolve, reject) => {
    const listener = (...args: ClientEvents[K]): void => {
      if (!predicate(...args)) return;
      clearTimeout(timer);
      client.off(event, listener as never);
      resolve(args);
    };
    const timer = setTimeout(() => {
      client.off(event, listener as never);
      reject(new Error(`no ${String(event)} within ${timeoutMs} ms`));
    }, timeoutMs);
    client.on(event, listener as never);
  });
}

async function until<T>(value: () => T | undefined, what: string, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = value();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A real PNG (IHDR, one IDAT, IEND) of the given size. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height, 0x80);
  for (let y = 0; y < height; y += 1) rows[y * (width * 3 + 1)] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

const COMMANDS: RESTPostAPIChatInputApplicationCommandsJSONBody[] = [
  {
    name: 'arena',
    description: 'Start a blind battle',
    description_localizations: { fr: 'Lancer un duel à l’aveugle', 'en-GB': 'Start a blind battle' },
    options: [{ type: ApplicationCommandOptionType.String, name: 'prompt', description: 'What to ask both models', required: true, max_length: 1500 }],
  },
  { name: 'settings', description: 'Arena settings for this server', default_member_permissions: PermissionFlagsBits.ManageGuild.toString(), contexts: [InteractionContextType.Guild] },
  { name: 'help', description: 'How Pnyx works' },
  { name: 'leaderboard', description: 'The ranking' },
];

describe('the real discord.js Client against the fake Discord', () => {
  let fake: FakeDiscord;
  let client: Client;
  let guild: FakeGuild;
  let general: FakeChannel;
  let owner: FakeUser;
  let alice: FakeUser;
  let bob: FakeUser;
  /** Every interaction discord.js emitted, to count deliveries. */
  const seen: Interaction[] = [];
  /** The bot's behaviour for the current test. */
  let onInteraction: ((i: Interaction) => Promise<void>) | undefined;
  const handlerErrors: unknown[] = [];

  const text = (channel: FakeChannel): TextChannel => client.channels.cache.get(channel.id) as TextChannel;

  beforeAll(async () => {
    fake = await startFakeDiscord();
    owner = fake.createUser({ username: 'owner' });
    alice = fake.createUser({ username: 'alice', locale: 'fr' });
    bob = fake.createUser({ username: 'bob' });
    guild = fake.createGuild({ name: 'Arena', owner });
    fake.addMember(guild, alice);
    fake.addMember(guild, bob);
    general = fake.createChannel(guild, { name: 'general' });
    client = newClient(fake);
    client.on(Events.InteractionCreate, (i) => {
      seen.push(i);
      void onInteraction?.(i).catch((error: unknown) => handlerErrors.push(error));
    });
    await login(client, fake);
    await client.application!.commands.set(COMMANDS);
  });

  afterEach(() => {
    onInteraction = undefined;
    fake.clearFaults();
  });

  afterAll(async () => {
    await client?.destroy();
    await fake?.stop();
  });

  it('logs in with Guilds | GuildMessages | DirectMessages and gets its server, channels and permissions', () => {
    expect(fake.gateway.identifies).toHaveLength(1);
    expect(fake.gateway.identifies[0]!.intents).toBe(INTENTS);
    expect(fake.gateway.connections[0]).toMatchObject({ path: '/gateway', query: { v: '10', encoding: 'json' } });
    expect(fake.callsTo('GET /gateway/bot')).toHaveLength(1);
    expect(client.user!.id).toBe(fake.botUser.id);
    const cached = client.guilds.cache.get(guild.id)!;
    expect(cached.name).toBe('Arena');
    expect(cached.channels.cache.get(general.id)?.name).toBe('general');
    // discord.js computes the same permissions from GUILD_CREATE as the fake enforces.
    const mine = cached.members.me!.permissionsIn(general.id);
    for (const bit of [PermissionFlagsBits.SendMessages, PermissionFlagsBits.CreatePublicThreads, PermissionFlagsBits.EmbedLinks, PermissionFlagsBits.ManageGuild]) {
      expect(mine.has(bit)).toBe(fake.botCan(general, bit));
    }
  });

  it('records the bulk command overwrite and refuses what Discord refuses', async () => {
    const first = fake.commandOverwrites[0]!;
    expect(first).toMatchObject({ scope: 'global', names: ['arena', 'settings', 'help', 'leaderboard'] });
    expect(first.commands[0]!.description_localizations).toEqual({ fr: 'Lancer un duel à l’aveugle', 'en-GB': 'Start a blind battle' });
    // Overwriting with the same list keeps the ids (an idempotent start).
    await client.application!.commands.set(COMMANDS);
    expect(fake.commandOverwrites[1]!.commands.map((c) => c.id)).toEqual(first.commands.map((c) => c.id));
    // Pnyx's locale codes are not all Discord's: "en" is refused, with the field named.
    const refused = await client.application!.commands.set([{ name: 'help', description: 'Help', description_localizations: { en: 'Help' } as unknown as Partial<Record<Locale, string>> }]).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DiscordAPIError);
    expect((refused as DiscordAPIError).code).toBe(50035);
    expect((refused as DiscordAPIError).message).toMatch(/description_localizations\.en\[ENUM_TYPE_COERCE\]/);
    expect(fake.commands.get('global')).toHaveLength(4);
    // /settings needs Manage Guild: a member cannot even see it, the owner can.
    expect(() => fake.slashCommand(bob, general, 'settings')).toThrow(/cannot see \/settings/);
    expect(() => fake.slashCommand(alice, general, 'arena', {})).toThrow(/needs option prompt/);
  });

  it('a slash command deferred, then edited: the person sees "thinking…" then the answer', async () => {
    onInteraction = async (i) => {
      if (!i.isChatInputCommand() || i.commandName !== 'arena') return;
      await i.deferReply();
      await sleep(100);
      await i.editReply(`Battle on: ${i.options.getString('prompt', true)} (${i.locale})`);
    };
    const command = fake.slashCommand(alice, general, 'arena', { prompt: 'Why do volcanoes erupt?' });
    const reply = await fake.replyTo(command);
    expect(command.callbacks).toEqual([expect.objectContaining({ type: 5, status: 204 })]);
    expect(reply.content).toBe('Battle on: Why do volcanoes erupt? (fr)');
    expect(reply.history.map((r) => r.flags & MessageFlags.Loading)).toEqual([MessageFlags.Loading, 0]);
    expect(reply).toMatchObject({ type: 20, channelId: general.id, interaction: { name: 'arena' } });
    expect(fake.callsTo('PATCH /webhooks/:app/:token/messages/:message')[0]!.path).toMatch(/\/messages\/@original$/);
    // discord.js read the member's permissions from the interaction, without another call.
    const received = seen.find((i) => i.id === command.id)!;
    expect(received.memberPermissions?.has(PermissionFlagsBits.ManageGuild)).toBe(false);
  });

  it('after a deferred reply the first follow-up edits the "thinking…" message (Discord\'s legacy rule)', async () => {
    onInteraction = async (i) => {
      if (!i.isChatInputCommand() || i.commandName !== 'help') return;
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      await i.followUp('first');
      await i.followUp('second');
    };
    const command = fake.slashCommand(bob, general, 'help');
    await fake.waitFor(() => command.followupIds.length === 1);
    const { original, followups } = fake.responsesTo(command);
    expect(original).toMatchObject({ content: 'first', flags: MessageFlags.Ephemeral, visibleTo: bob.id });
    expect(followups.map((m) => m.content)).toEqual(['second']);
  });

  it('a button press answered with an ephemeral reply (with_response returns the message)', async () => {
    const ballot = await text(general).send({
      content: 'Which reply is better?',
      components: [
        new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('vote:b1:a').setLabel('👈 A is better').setStyle(ButtonStyle.Primary),
          new ButtonBuilder().setCustomId('vote:b1:b').setLabel('👉 B is better').setStyle(ButtonStyle.Primary),
        ),
      ],
    });
    let responseId: string | undefined;
    onInteraction = async (i) => {
      if (!i.isButton()) return;
      const response = await i.reply({ content: `You voted ${i.customId.split(':')[2]!.toUpperCase()}`, flags: MessageFlags.Ephemeral, withResponse: true });
      responseId = response.resource?.message?.id;
    };
    const press = fake.pressButton(bob, ballot.id, 'vote:b1:a');
    const reply = await fake.replyTo(press);
    expect(reply).toMatchObject({ content: 'You voted A', visibleTo: bob.id });
    expect(reply.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(press.callbacks).toEqual([expect.objectContaining({ type: 4, status: 200 })]);
    await until(() => responseId, 'the callback response');
    expect(responseId).toBe(reply.id);
    // Only the presser sees it: ephemeral messages never come back over the gateway, and others cannot press on them.
    expect(fake.gateway.dispatches.some((d) => (d.d as { id?: string }).id === reply.id)).toBe(false);
    expect((press.payload.message as { id: string }).id).toBe(ballot.id);
    expect(() => fake.pressButton(bob, ballot.id, 'vote:b1:tie')).toThrow(/no component vote:b1:tie/);
  });

  it('a press that updates its own message: deferUpdate then edit (@original is the ballot), or a select answered with update', async () => {
    const ballot = await text(general).send({
      content: 'Votes: 0',
      components: [
        new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId('vote:b2:a').setLabel('A').setStyle(ButtonStyle.Primary)),
        new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(
          new StringSelectMenuBuilder().setCustomId('tags:b2').setMaxValues(2).addOptions({ label: 'Useful', value: 'useful' }, { label: 'Clear', value: 'clear' }),
        ),
      ],
    });
    onInteraction = async (i) => {
      if (i.isButton()) {
        await i.deferUpdate();
        await i.editReply({ content: 'Votes: 1' });
      } else if (i.isStringSelectMenu()) {
        await i.update({ content: `Votes: 1 (tags: ${i.values.join(', ')})` });
      }
    };
    const press = fake.pressButton(alice, ballot.id, 'vote:b2:a');
    expect((await fake.replyTo(press)).content).toBe('Votes: 1');
    expect(press.callbacks[0]).toMatchObject({ type: 6, status: 204 });
    const pick = fake.selectMenu(bob, ballot.id, 'tags:b2', ['useful', 'clear']);
    const updated = await fake.replyTo(pick);
    expect(updated.id).toBe(ballot.id);
    expect(updated.content).toBe('Votes: 1 (tags: useful, clear)');
    expect(fake.message(ballot.id)!.history.map((r) => r.via)).toEqual([
      'POST /channels/:channel/messages',
      'PATCH /webhooks/:app/:token/messages/:message',
      'callback 7',
    ]);
    expect(() => fake.selectMenu(bob, ballot.id, 'tags:b2', ['funny'])).toThrow(/no option funny/);
  });

  it('a modal shown from a button and submitted with reason tags and a comment', async () => {
    const thanks = await text(general).send({
      content: 'Thanks for voting',
      components: [new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId('why:b1').setLabel('Say why').setStyle(ButtonStyle.Secondary))],
    });
    onInteraction = async (i) => {
      if (i.isButton() && i.customId === 'why:b1') {
        await i.showModal(
          new ModalBuilder()
            .setCustomId('why-form:b1')
            .setTitle('Why?')
            .addLabelComponents(
              new LabelBuilder()
                .setLabel('Reasons')
                .setStringSelectMenuComponent(
                  new StringSelectMenuBuilder()
                    .setCustomId('tags')
                    .setMinValues(0)
                    .setMaxValues(2)
                    .addOptions({ label: 'Useful', value: 'useful' }, { label: 'Clear', value: 'clear' }),
                ),
              new LabelBuilder().setLabel('Comment').setTextInputComponent(new TextInputBuilder().setCustomId('comment').setStyle(TextInputStyle.Paragraph).setMaxLength(500)),
            ),
        );
      } else if (i.isModalSubmit() && i.customId === 'why-form:b1') {
        await i.reply({ content: `tags=${i.fields.getStringSelectValues('tags').join(',')} comment=${i.fields.getTextInputValue('comment')}`, flags: MessageFlags.Ephemeral });
      }
    };
    const press = fake.pressButton(alice, thanks.id, 'why:b1');
    await fake.acknowledged(press);
    expect(press.acknowledged!.type).toBe(9);
    expect(press.modal).toMatchObject({ title: 'Why?', submitted: false });
    expect(() => fake.submitModal(alice, 'why-form:b1', { tags: ['useful'] })).toThrow(/comment is required/);
    const submit = fake.submitModal(alice, 'why-form:b1', { tags: ['useful', 'clear'], comment: 'Clearer code' });
    const reply = await fake.replyTo(submit);
    expect(reply).toMatchObject({ content: 'tags=useful,clear comment=Clearer code', visibleTo: alice.id });
    expect(press.modal!.submitted).toBe(true);
  });

  it('a second answer to one interaction is refused by discord.js, and by Discord (40060) when sent anyway', async () => {
    const errors: unknown[] = [];
    onInteraction = async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.reply('one');
      await i.reply('two').catch((e: unknown) => errors.push(e));
      await client.rest
        .post(Routes.interactionCallback(i.id, i.token), { body: { type: 4, data: { content: 'three' } }, auth: false })
        .catch((e: unknown) => errors.push(e));
    };
    const command = fake.slashCommand(alice, general, 'help');
    await until(() => (errors.length === 2 ? errors : undefined), 'both refusals');
    expect(errors[0]).toMatchObject({ code: 'InteractionAlreadyReplied' });
    expect(errors[1]).toBeInstanceOf(DiscordAPIError);
    expect(errors[1]).toMatchObject({ code: 40060, status: 400, message: 'Interaction has already been acknowledged.' });
    expect(command.callbacks.map((c) => [c.status, c.code])).toEqual([[204, undefined], [400, 40060]]);
    expect(fake.responsesTo(command).original?.content).toBe('one');
  });

  it('an answer after 3 s is refused (10062) and recorded as a failed interaction', async () => {
    let late: unknown;
    onInteraction = async (i) => {
      if (!i.isChatInputCommand() || i.commandName !== 'leaderboard') return;
      await sleep(3_200);
      late = await i.reply('finally').catch((e: unknown) => e);
    };
    const command = fake.slashCommand(alice, general, 'leaderboard');
    await fake.waitFor(() => command.expired, 5_000, 'the deadline');
    expect(fake.failures).toContainEqual(expect.objectContaining({ kind: 'interaction-not-acknowledged', interactionId: command.id }));
    await until(() => late, 'the late reply');
    expect(late).toBeInstanceOf(DiscordAPIError);
    expect(late).toMatchObject({ code: 10062, status: 404 });
    expect(command.callbacks).toEqual([expect.objectContaining({ status: 404, code: 10062 })]);
  });

  it('a message mentioning the bot arrives with its text, other messages arrive empty, a ping-reply counts as a mention', async () => {
    const mention = nextEvent(client, Events.MessageCreate, (m) => m.author.id === alice.id && m.mentions.users.has(fake.botUser.id));
    fake.sendMessage(alice, general, `${fake.mention(fake.botUser)} compare two haikus`);
    const [mentioned] = await mention;
    expect(mentioned.content).toBe(`<@${fake.botUser.id}> compare two haikus`);

    const plain = nextEvent(client, Events.MessageCreate, (m) => m.author.id === bob.id);
    const sent = fake.sendMessage(bob, general, 'just chatting');
    const [empty] = await plain;
    expect(empty.id).toBe(sent.id);
    expect(empty.content).toBe('');

    const botMessage = await text(general).send('Reply A: …');
    const reply = nextEvent(client, Events.MessageCreate, (m) => m.reference?.messageId === botMessage.id);
    fake.sendMessage(bob, general, 'make it shorter', { replyTo: botMessage.id });
    const [followUp] = await reply;
    expect(followUp.content).toBe('make it shorter');
    // Without the ping, the same reply is invisible text.
    const quiet = nextEvent(client, Events.MessageCreate, (m) => m.reference?.messageId === botMessage.id && m.author.id === alice.id);
    fake.sendMessage(alice, general, 'shorter please', { replyTo: botMessage.id, pingReply: false });
    expect((await quiet)[0].content).toBe('');
  });

  it('a DM reaches the bot (DirectMessages + Partials.Channel) and the bot answers in it', async () => {
    const dm = fake.createDm(alice);
    const arrived = nextEvent(client, Events.MessageCreate, (m) => m.channelId === dm.id);
    fake.sendMessage(alice, dm, 'a private battle please');
    const [message] = await arrived;
    expect(message.channel.type).toBe(ChannelType.DM);
    expect(message.content).toBe('a private battle please');
    await message.reply('Here are A and B');
    const answer = fake.botMessages(dm).at(-1)!;
    expect(answer).toMatchObject({ content: 'Here are A and B', type: 19, referenceId: message.id });
    // discord.js's user.send goes through POST /users/@me/channels and gets the same DM channel.
    await (await client.users.fetch(alice.id)).send('hello again');
    expect(fake.botMessages(dm).map((m) => m.content)).toContain('hello again');
    await message.channel.sendTyping();
    expect(fake.callsTo('POST /channels/:channel/typing').at(-1)).toMatchObject({ status: 204, params: { channel: dm.id } });
    // Slash commands work in the DM too (with `user` instead of `member`); /settings is for servers only.
    onInteraction = async (i) => {
      if (i.isChatInputCommand() && i.commandName === 'help') await i.reply(`help for ${i.user.username} in a ${i.channel?.type === ChannelType.DM ? 'DM' : 'server'}`);
    };
    const help = fake.slashCommand(alice, dm, 'help');
    expect((await fake.replyTo(help)).content).toBe('help for alice in a DM');
    expect(help.payload).toMatchObject({ context: 1, user: { id: alice.id } });
    expect(() => fake.slashCommand(alice, dm, 'settings')).toThrow(/not available in DMs/);
    // Someone who does not accept DMs from the bot: 50007.
    fake.blockDms(bob);
    const refused = await (await client.users.fetch(bob.id)).send('hi').catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 50007, status: 403 });
  });

  it('a send whose answer is lost (502 after Discord posted it) is retried by discord.js: a duplicate unless nonce-enforced', async () => {
    const copies = (content: string) => fake.botMessages(general).filter((m) => m.content === content);
    fake.fail('POST /channels/:channel/messages', { status: 502, after: true });
    await text(general).send('Battle #7');
    const posts = fake.callsTo('POST /channels/:channel/messages').slice(-2);
    expect(posts.map((c) => [c.status, c.injected])).toEqual([
      [502, 'after'],
      [200, undefined],
    ]);
    // The default Client sends no nonce (its `enforceNonce` option is off): the retry posted a second copy.
    expect(copies('Battle #7')).toHaveLength(2);
    fake.fail('POST /channels/:channel/messages', { status: 502, after: true });
    const sent = await text(general).send({ content: 'Battle #8', nonce: 'battle-8', enforceNonce: true });
    expect(copies('Battle #8').map((m) => m.id)).toEqual([sent.id]);
  });

  it('a thread started under a message, a message posted in it, a person following up in it', async () => {
    const prompt = await text(general).send('Prompt: explain recursion');
    const thread = await prompt.startThread({ name: 'Battle 42' });
    await thread.send('**A** — recursion is…');
    const recorded = fake.channels.get(thread.id)!;
    expect(recorded).toMatchObject({ id: prompt.id, type: ChannelType.PublicThread, parentId: general.id, ownerId: fake.botUser.id, name: 'Battle 42' });
    expect(fake.message(prompt.id)!.threadId).toBe(prompt.id);
    expect(fake.botMessages(recorded).map((m) => m.content)).toEqual(['**A** — recursion is…']);
    // One thread per message: discord.js knows (HAS_THREAD came back in MESSAGE_UPDATE); a raw call gets 160004.
    await until(() => (prompt.hasThread ? true : undefined), 'discord.js to see the thread');
    await expect(prompt.startThread({ name: 'again' })).rejects.toMatchObject({ code: 'MessageExistingThread' });
    await expect(client.rest.post(Routes.threads(general.id, prompt.id), { body: { name: 'again' } })).rejects.toMatchObject({ code: 160004 });
    const inThread = nextEvent(client, Events.MessageCreate, (m) => m.channelId === thread.id && m.author.id === alice.id);
    fake.sendMessage(alice, recorded, `${fake.mention(fake.botUser)} and in Rust?`);
    expect((await inThread)[0].content).toMatch(/and in Rust\?$/);
    // An archived thread reopens when the bot writes in it; a locked one refuses (50083).
    fake.archiveThread(recorded);
    await thread.send('The result: A won');
    expect(recorded.archived).toBe(false);
    fake.archiveThread(recorded, { locked: true });
    expect(await thread.send('late').catch((e: unknown) => e)).toMatchObject({ code: 50083 });
  });

  it('a PNG uploaded with a deferred slash command and with a channel message is recorded with its size', async () => {
    const chart = png(64, 32);
    onInteraction = async (i) => {
      if (!i.isChatInputCommand() || i.commandName !== 'leaderboard') return;
      await i.deferReply();
      await i.editReply({ content: 'Leaderboard', files: [new AttachmentBuilder(chart, { name: 'leaderboard.png', description: 'Ranking chart' })] });
    };
    const command = fake.slashCommand(alice, general, 'leaderboard');
    const reply = await fake.replyTo(command);
    expect(reply.attachments).toEqual([expect.objectContaining({ filename: 'leaderboard.png', contentType: 'image/png', size: chart.length, width: 64, height: 32, description: 'Ranking chart' })]);
    const upload = fake.callsTo('PATCH /webhooks/:app/:token/messages/:message').at(-1)!;
    expect(upload.files).toEqual([expect.objectContaining({ field: 'files[0]', filename: 'leaderboard.png', contentType: 'image/png', size: chart.length })]);

    const posted = await text(general).send({ content: 'Weekly chart', files: [new AttachmentBuilder(chart, { name: 'week.png' })] });
    expect(posted.attachments.first()!.name).toBe('week.png');
    const stored = fake.message(posted.id)!.attachments[0]!;
    expect(stored.bytes.equals(chart)).toBe(true);
    const served = await fetch(posted.attachments.first()!.url);
    expect(Buffer.from(await served.arrayBuffer()).equals(chart)).toBe(true);
  });

  it('a 429 on an edit is honoured by discord.js\'s REST queue: the edit lands after retry_after', async () => {
    const message = await text(general).send('streaming…');
    const limited: RateLimitData[] = [];
    const listener = (data: RateLimitData): void => void limited.push(data);
    client.rest.on('rateLimited', listener);
    fake.rateLimit('PATCH /channels/:channel/messages/:message', { retryAfter: 0.4 });
    await message.edit('final text');
    client.rest.off('rateLimited', listener);
    const edits = fake.callsTo('PATCH /channels/:channel/messages/:message').filter((c) => c.params.message === message.id);
    expect(edits.map((c) => c.status)).toEqual([429, 200]);
    expect(edits[0]!.injected).toBe('instead');
    // The bucket headers say it resets after retry_after (0.4 s); discord.js waits that (plus its 50 ms offset)
    // rather than the whole-second Retry-After (1).
    expect(edits[1]!.at - edits[0]!.at).toBeGreaterThanOrEqual(400);
    // discord.js reports the wait it then does on the bucket the 429 announced (its `rateLimited` event).
    expect(limited).toHaveLength(1);
    expect(limited[0]).toMatchObject({ global: false, scope: 'user', method: 'PATCH' });
    expect(limited[0]!.timeToReset).toBeLessThan(1_000);
    expect(fake.message(message.id)!.content).toBe('final text');
  });

  it('paces edits under a real bucket: no 429, and the edit rate is inspectable', async () => {
    fake.limit('PATCH /channels/:channel/messages/:message', { limit: 2, windowSeconds: 1 });
    const message = await text(general).send('tok');
    for (let k = 1; k <= 4; k += 1) await message.edit(`tok ${k}`);
    const edits = fake.callsTo('PATCH /channels/:channel/messages/:message').filter((c) => c.params.message === message.id);
    expect(edits.map((c) => c.status)).toEqual([200, 200, 200, 200]);
    const stats = fake.editStats(message.id);
    expect(stats.edits).toBe(4);
    expect(stats.peakPerSecond).toBeLessThanOrEqual(2);
    expect(fake.message(message.id)!.history.map((r) => r.content)).toEqual(['tok', 'tok 1', 'tok 2', 'tok 3', 'tok 4']);
  });

  it('enforces 2,000 characters, 100-character custom_ids, 5 rows of 5 buttons, unique custom_ids', async () => {
    const post = (body: unknown) => client.rest.post(Routes.channelMessages(general.id), { body }).catch((e: unknown) => e as DiscordAPIError);
    const button = (id: string) => ({ type: 2, style: 1, label: 'x', custom_id: id });
    const row = (n: number, prefix = 'b') => ({ type: 1, components: Array.from({ length: n }, (_, k) => button(`${prefix}${k}`)) });

    const tooLong = await text(general).send('x'.repeat(2_001)).catch((e: unknown) => e as DiscordAPIError);
    expect(tooLong).toMatchObject({ code: 50035, status: 400 });
    expect((tooLong as DiscordAPIError).message).toMatch(/content\[BASE_TYPE_MAX_LENGTH\]: Must be 2000 or fewer in length\./);
    expect(await post({ content: 'ok', components: [{ type: 1, components: [button('c'.repeat(101))] }] })).toMatchObject({
      code: 50035,
      message: expect.stringMatching(/components\[0\]\.components\[0\]\.custom_id\[BASE_TYPE_MAX_LENGTH\]/),
    });
    expect(await post({ content: 'ok', components: Array.from({ length: 6 }, (_, k) => row(1, `r${k}-`)) })).toMatchObject({ message: expect.stringMatching(/components\[BASE_TYPE_MAX_LENGTH\]/) });
    expect(await post({ content: 'ok', components: [row(6)] })).toMatchObject({ message: expect.stringMatching(/components\[0\]\.components\[BASE_TYPE_MAX_LENGTH\]/) });
    expect(await post({ content: 'ok', components: [row(2, 'same'), row(1, 'same')] })).toMatchObject({ message: expect.stringMatching(/COMPONENT_CUSTOM_ID_DUPLICATED/) });
    expect(await post({})).toMatchObject({ code: 50006 });
    // The same limit through an interaction answer, where the body sits under `data`.
    let answer: unknown;
    onInteraction = async (i) => {
      if (!i.isChatInputCommand()) return;
      answer = await i.reply('y'.repeat(2_001)).catch((e: unknown) => e);
      await i.reply('short');
    };
    const help = fake.slashCommand(bob, general, 'help');
    await until(() => answer, 'the refused answer');
    expect((answer as DiscordAPIError).message).toMatch(/data\.content\[BASE_TYPE_MAX_LENGTH\]/);
    // A refused callback does not acknowledge: the corrected answer still can.
    expect((await fake.replyTo(help)).content).toBe('short');
    expect(help.callbacks.map((c) => c.status)).toEqual([400, 204]);
    // discord.js's builders refuse a long custom_id before any request.
    expect(() => new ButtonBuilder().setCustomId('c'.repeat(101))).toThrow();
    expect(fake.messagesIn(general).some((m) => m.content.length > 2_000)).toBe(false);
  });

  it('missing permissions surface as DiscordAPIError 50013, while interaction answers still work', async () => {
    const locked = fake.createChannel(guild, { name: 'locked' });
    await until(() => client.channels.cache.get(locked.id), 'CHANNEL_CREATE');
    const deny = async (bit: bigint): Promise<void> => {
      const updated = nextEvent(client, Events.ChannelUpdate, (_, after) => after.id === locked.id);
      fake.overwrite(locked, 'bot', { deny: bit });
      await updated;
    };

    await deny(PermissionFlagsBits.SendMessages);
    expect(text(locked).permissionsFor(client.user!)!.has(PermissionFlagsBits.SendMessages)).toBe(false);
    const refused = await text(locked).send('hello').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DiscordAPIError);
    expect(refused).toMatchObject({ code: 50013, status: 403, message: 'Missing Permissions' });
    expect(fake.callsTo('POST /channels/:channel/messages').at(-1)!.missing).toBe('Send Messages');
    // Interaction responses are webhooks: they do not need Send Messages.
    onInteraction = async (i) => {
      if (i.isChatInputCommand() && i.commandName === 'help') await i.reply('Here is help');
    };
    const help = fake.slashCommand(alice, locked, 'help');
    expect((await fake.replyTo(help)).content).toBe('Here is help');

    await deny(PermissionFlagsBits.EmbedLinks);
    // With text, Discord sends the message and drops the embeds; embeds alone are refused.
    const withText = await text(locked).send({ content: 'table', embeds: [{ title: 'Ranking' }] });
    expect(fake.message(withText.id)).toMatchObject({ content: 'table', embeds: [], droppedEmbeds: 1 });
    expect(await text(locked).send({ embeds: [{ title: 'Ranking' }] }).catch((e: unknown) => e)).toMatchObject({ code: 50013 });
    expect(fake.callsTo('POST /channels/:channel/messages').at(-1)!.missing).toBe('Embed Links');

    await deny(PermissionFlagsBits.AttachFiles);
    expect(await text(locked).send({ files: [new AttachmentBuilder(png(2, 2), { name: 'a.png' })] }).catch((e: unknown) => e)).toMatchObject({ code: 50013 });
    expect(fake.callsTo('POST /channels/:channel/messages').at(-1)!.missing).toBe('Attach Files');

    await deny(PermissionFlagsBits.CreatePublicThreads);
    const prompt = await text(locked).send('prompt');
    expect(await prompt.startThread({ name: 'Battle' }).catch((e: unknown) => e)).toMatchObject({ code: 50013 });
    expect(fake.callsTo('POST /channels/:channel/messages/:message/threads').at(-1)!.missing).toBe('Create Public Threads');
  });

  it('a deleted channel answers 10003 and a server that removed the bot 50001', async () => {
    const doomed = fake.createChannel(guild, { name: 'doomed' });
    await until(() => client.channels.cache.get(doomed.id), 'CHANNEL_CREATE');
    const gone = nextEvent(client, Events.ChannelDelete, (c) => c.id === doomed.id);
    fake.deleteChannel(doomed);
    await gone;
    expect(await client.rest.post(Routes.channelMessages(doomed.id), { body: { content: 'x' } }).catch((e: unknown) => e)).toMatchObject({ code: 10003, status: 404 });

    const joined = nextEvent(client, Events.GuildCreate, (g) => g.id !== guild.id);
    const other = fake.createGuild({ name: 'Elsewhere' });
    const room = fake.createChannel(other, { name: 'room' });
    await joined;
    await until(() => client.channels.cache.get(room.id), 'the new channel');
    const left = nextEvent(client, Events.GuildDelete, (g) => g.id === other.id);
    fake.removeBot(other);
    await left;
    expect(client.guilds.cache.has(other.id)).toBe(false);
    expect(await client.rest.post(Routes.channelMessages(room.id), { body: { content: 'x' } }).catch((e: unknown) => e)).toMatchObject({ code: 50001, status: 403 });
  });

  it('a dropped gateway resumes and replays a missed INTERACTION_CREATE exactly once; an invalid session re-identifies', async () => {
    onInteraction = async (i) => {
      if (i.isChatInputCommand() && i.commandName === 'arena') await i.reply(`started: ${i.options.getString('prompt')}`);
    };
    expect(fake.gateway.disconnect({ resumable: true })).toBe(true);
    const missed = fake.slashCommand(alice, general, 'arena', { prompt: 'while you were away' });
    const dispatch = fake.gateway.dispatches.find((d) => d.t === 'INTERACTION_CREATE' && (d.d as { id: string }).id === missed.id)!;
    expect(dispatch.delivered).toBe(false);
    expect((await fake.replyTo(missed)).content).toBe('started: while you were away');
    const resume = fake.gateway.resumes.at(-1)!;
    expect(resume.accepted).toBe(true);
    expect(resume.replayed).toEqual([dispatch.s]);
    expect(dispatch).toMatchObject({ delivered: true, replayed: true });
    expect(fake.gateway.connections.at(-1)!.path).toBe('/resume');
    expect(fake.gateway.identifies).toHaveLength(1);
    await sleep(200);
    expect(seen.filter((i) => i.id === missed.id)).toHaveLength(1);
    expect(missed.callbacks).toHaveLength(1);

    // Not resumable: op 9, a fresh IDENTIFY and READY; what happened in between is lost, as on Discord.
    fake.gateway.disconnect({ resumable: false });
    await fake.waitFor(() => fake.gateway.identifies.length === 2 && fake.gateway.connected && fake.gateway.dispatches.at(-1)!.t === 'GUILD_CREATE', 5_000, 'a new session');
    const after = fake.slashCommand(bob, general, 'arena', { prompt: 'back again' });
    expect((await fake.replyTo(after)).content).toBe('started: back again');
  });

  it('refuses a privileged intent the Developer Portal has not enabled (close 4014)', async () => {
    const greedy = newClient(fake, INTENTS | GatewayIntentBits.MessageContent);
    await expect(greedy.login(fake.token)).rejects.toThrow(/disallowed intents/i);
    await greedy.destroy();
    expect(fake.gateway.identifies.at(-1)).toMatchObject({ refused: 4014 });
    // The bot's own session is untouched.
    expect(fake.gateway.connected).toBe(true);
  });

  it('leaves no unexpected failures behind', () => {
    expect(fake.failures.filter((f) => f.kind !== 'interaction-not-acknowledged')).toEqual([]);
    expect(fake.failures.filter((f) => f.kind === 'interaction-not-acknowledged')).toHaveLength(1);
    expect(handlerErrors).toEqual([]);
  });
});

describe('a fake Discord with the Message Content intent enabled and short-lived interaction tokens', () => {
  let fake: FakeDiscord;
  let client: Client;
  let channel: FakeChannel;
  let carol: FakeUser;

  beforeAll(async () => {
    fake = await startFakeDiscord({ privilegedIntents: { messageContent: true }, interactionTokenLifetimeMs: 1_500, heartbeatIntervalMs: 300 });
    carol = fake.createUser({ username: 'carol' });
    const guild = fake.createGuild();
    fake.addMember(guild, carol);
    channel = fake.createChannel(guild);
    client = newClient(fake, INTENTS | GatewayIntentBits.MessageContent);
    await login(client, fake);
    await client.application!.commands.set([{ name: 'arena', description: 'Start a battle' }]);
  });

  afterAll(async () => {
    await client?.destroy();
    await fake?.stop();
  });

  it('delivers every message\'s text when the bot asked for Message Content and the portal allows it', async () => {
    const arrived = nextEvent(client, Events.MessageCreate, (m: Message) => m.author.id === carol.id);
    fake.sendMessage(carol, channel, 'no mention here');
    expect((await arrived)[0].content).toBe('no mention here');
  });

  it('heartbeats go unanswered: discord.js calls the connection a zombie and resumes', async () => {
    await fake.waitFor(() => fake.gateway.heartbeats > 0, 2_000, 'a first heartbeat');
    fake.gateway.ackHeartbeats = false;
    await fake.waitFor(() => fake.gateway.resumes.length === 1 && fake.gateway.connected, 3_000, 'a resume');
    fake.gateway.ackHeartbeats = true;
    expect(fake.gateway.resumes[0]!.accepted).toBe(true);
    expect(fake.gateway.identifies).toHaveLength(1);
  });

  it('refuses edits through an interaction token past its lifetime (401 50027)', async () => {
    let late: unknown;
    client.on(Events.InteractionCreate, async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply();
      await sleep(1_700);
      late = await i.editReply('too late').catch((e: unknown) => e);
    });
    const command = fake.slashCommand(carol, channel, 'arena');
    await fake.acknowledged(command);
    await until(() => late, 'the late edit', 4_000);
    expect(late).toBeInstanceOf(DiscordAPIError);
    expect(late).toMatchObject({ code: 50027, status: 401, message: 'Invalid Webhook Token' });
    expect(fake.responsesTo(command).original!.flags & MessageFlags.Loading).toBe(MessageFlags.Loading);
  });
});

describe('a fake Discord that shards like Discord', () => {
  let fake: FakeDiscord;
  const clients: Client[] = [];
  const sharded = (shards: number[], shardCount: number) => {
    const client = new Client({ intents: INTENTS, partials: [Partials.Channel], rest: { api: fake.restApi }, shards, shardCount });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    fake = await startFakeDiscord({ maxConcurrency: 2, maxGuildsPerShard: 2 });
  });
  afterAll(async () => {
    for (const client of clients) await client.destroy();
    await fake?.stop();
  });

  it('gives each shard its own servers, a server\'s events only to its shard, DMs to shard 0', async () => {
    const owner = fake.createUser({ username: 'owner' });
    const guilds = [fake.createGuild({ owner, shard: [0, 2] }), fake.createGuild({ owner, shard: [1, 2] })];
    const channels = guilds.map((guild) => fake.createChannel(guild));
    expect(guilds.map((g) => shardOf(g.id, 2))).toEqual([0, 1]);
    const [zero, one] = [sharded([0], 2), sharded([1], 2)];
    await Promise.all([login(zero, fake), login(one, fake)]);
    expect(fake.gateway.identifies.map((i) => i.shard)).toEqual(expect.arrayContaining([[0, 2], [1, 2]]));
    expect([[...zero.guilds.cache.keys()], [...one.guilds.cache.keys()]]).toEqual([[guilds[0]!.id], [guilds[1]!.id]]);

    const heard = (client: Client) => {
      const contents: string[] = [];
      client.on(Events.MessageCreate, (m) => void contents.push(m.content));
      return contents;
    };
    const [byZero, byOne] = [heard(zero), heard(one)];
    for (const [i, channel] of channels.entries()) fake.sendMessage(owner, channel, `${fake.mention(fake.botUser)} in server ${i}`);
    fake.sendMessage(owner, fake.createDm(owner), 'a DM');
    await until(() => (byZero.length === 2 && byOne.length === 1) || undefined, 'the messages');
    await sleep(200);
    expect(byZero).toEqual([`<@${fake.botUser.id}> in server 0`, 'a DM']);
    expect(byOne).toEqual([`<@${fake.botUser.id}> in server 1`]);
  });

  it('closes a shard id outside the count with 4010, and too few shards for the servers with 4011', async () => {
    const invalid = fake.gateway.identifies.length;
    await expect(login(sharded([2], 2), fake)).rejects.toThrow(/Invalid shard/);
    expect(fake.gateway.identifies[invalid]).toMatchObject({ shard: [2, 2], refused: 4010 });
    // Two servers a shard at most here (Discord: 2,500): three on one shard is too many.
    fake.createGuild();
    await expect(login(sharded([0], 1), fake)).rejects.toThrow(/Sharding is required/);
    expect(fake.gateway.identifies.at(-1)).toMatchObject({ shard: [0, 1], refused: 4011 });
  });

  it('recommends the shard count a test sets in GET /gateway/bot', async () => {
    fake.recommendedShards = 3;
    const client = new Client({ intents: INTENTS, rest: { api: fake.restApi } });
    clients.push(client);
    client.rest.setToken(fake.token);
    expect(await client.rest.get(Routes.gatewayBot())).toMatchObject({ shards: 3, session_start_limit: { max_concurrency: 2 } });
  });
});
