// A bot split over gateway shards, with the real discord.js Client against the fake Discord (which, like Discord,
// sends a server's events only to shard (guild_id >> 22) % count and DMs to shard 0): two processes' worth of Pnyx on
// one database, each running one of two shards, and one process running both. What people and operators notice:
// battles run in every server, each vote is answered and counted once, /readyz follows the process's own shards, and
// a shard configuration that cannot work stops the start with a sentence saying what to change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/config/load';
import { databaseCases } from '../../core/store/test-databases';
import { startFakeDiscord, type FakeChannel, type FakeDiscord, type FakeUser } from '../../test/fakes/discord';
import { parseDiscordEnv } from './env';
import { battleFinished, startDiscordInstance, threadUnder, until, voteId, type DiscordInstance } from './testing';

// Several processes share PostgreSQL in production; without TEST_DATABASE_URL the instances share a SQLite file.
const cases = databaseCases();
const db = cases.find((c) => c.name === 'postgresql' && !c.skip) ?? cases[0]!;

interface World {
  discord: FakeDiscord;
  alice: FakeUser;
  bob: FakeUser;
  /** A channel in a server on shard 0, and one in a server on shard 1 (of 2). */
  onShard: [FakeChannel, FakeChannel];
}

async function twoShardWorld(options: { recommendedShards?: number } = {}): Promise<World> {
  // max_concurrency 2: discord.js may identify both shards at once instead of 5 s apart.
  const discord = await startFakeDiscord({ maxConcurrency: 2, ...options });
  const owner = discord.createUser({ username: 'olga' });
  const alice = discord.createUser({ username: 'alice', globalName: 'Alice' });
  const bob = discord.createUser({ username: 'bob' });
  const channels = ([0, 1] as const).map((shard) => {
    const guild = discord.createGuild({ name: `Server on shard ${shard}`, owner, shard: [shard, 2] });
    discord.addMember(guild, alice);
    discord.addMember(guild, bob);
    return discord.createChannel(guild, { name: 'general' });
  });
  return { discord, alice, bob, onShard: [channels[0]!, channels[1]!] };
}

const started = (instance: DiscordInstance) => instance.logs.filter((l) => l.msg === 'battle started').length;

/** /arena in a channel, the battle to its ballot, two votes (which close it), each answered once. */
async function battleAndVotes(world: World, channel: FakeChannel, prompt: string): Promise<string> {
  const { discord, alice, bob } = world;
  const command = discord.slashCommand(alice, channel, 'arena', { prompt });
  const echo = await discord.replyTo(command, 15_000);
  const { ballot } = await battleFinished(discord, await threadUnder(discord, echo.id));
  const votes = [discord.pressButton(alice, ballot, voteId(ballot, 'a')), discord.pressButton(bob, ballot, voteId(ballot, 'b'))];
  for (const vote of votes) expect((await discord.replyTo(vote)).content).toMatch(/^You voted: [AB] is better/);
  for (const vote of votes) expect(vote.callbacks).toHaveLength(1);
  return discord.waitFor(() => /Voting closed/.test(discord.message(ballot.id)!.content) && discord.message(ballot.id)!.content, 10_000, 'the ballot to close');
}

describe.skipIf(db.skip)(`two processes on one ${db.name} database, one shard of two each`, () => {
  let world: World;
  let first: DiscordInstance;
  let second: DiscordInstance;

  beforeAll(async () => {
    world = await twoShardWorld();
    const databaseUrl = await db.fresh();
    first = await startDiscordInstance(world.discord, { databaseUrl, closeAfterVotes: 2, shards: { count: 2, ids: [0] } });
    second = await startDiscordInstance(world.discord, { databaseUrl, closeAfterVotes: 2, shards: { count: 2, ids: [1] } });
  }, 60_000);
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await world?.discord.stop();
  });

  it('each says which shard it runs, and is ready once it is connected', () => {
    expect(first.logs.map((l) => l.msg)).toContain('discord: running shards 0 of 2');
    expect(second.logs.map((l) => l.msg)).toContain('discord: running shards 1 of 2');
    expect(first.running.ready()).toBe(true);
    expect(second.running.ready()).toBe(true);
    // Each is in servers, on the other's shard or its own: neither prints the invite URL.
    expect([...first.printed, ...second.printed]).toEqual([]);
  });

  it('runs a battle in a server on each shard in the process that runs that shard, and counts every vote once', async () => {
    const [closed0, closed1] = await Promise.all([battleAndVotes(world, world.onShard[0], 'Why is the sky blue?'), battleAndVotes(world, world.onShard[1], 'Why is the sea salty?')]);
    for (const closed of [closed0, closed1]) expect(closed).toMatch(/A better: 1 · B better: 1 · Tie: 0 · Both bad: 0/);
    // Discord told each process only of its own servers: one battle each.
    expect([started(first), started(second)]).toEqual([1, 1]);
    expect(world.discord.failures).toEqual([]);
  });

  it('runs DMs in the process with shard 0', async () => {
    const dm = world.discord.createDm(world.bob);
    world.discord.sendMessage(world.bob, dm, 'Write a haiku about tea');
    await battleFinished(world.discord, dm);
    expect([started(first), started(second)]).toEqual([2, 1]);
  });

  it('is not ready while its own shard reconnects, whatever the other process does', async () => {
    expect(world.discord.gateway.disconnect({ shard: 1, resumable: true })).toBe(true);
    await until(() => !second.running.ready(), 'the second process to report itself not ready');
    expect(first.running.ready()).toBe(true);
    await until(() => second.running.ready(), 'the second process to be ready again after the resume');
  });
});

describe('one process running both shards', () => {
  let world: World;
  let only: DiscordInstance;

  beforeAll(async () => {
    // Discord recommends 2 shards; the process is left at the default (auto): it runs both.
    world = await twoShardWorld({ recommendedShards: 2 });
    only = await startDiscordInstance(world.discord, { closeAfterVotes: 2 });
  }, 60_000);
  afterAll(async () => {
    await only?.close();
    await world?.discord.stop();
  });

  it('follows Discord\'s recommendation and handles the servers of both shards', async () => {
    expect(only.logs.map((l) => l.msg)).toContain('discord: running shards 0,1 of 2');
    const closed = await Promise.all([battleAndVotes(world, world.onShard[0], 'What is a fjord?'), battleAndVotes(world, world.onShard[1], 'What is a delta?')]);
    for (const text of closed) expect(text).toMatch(/A better: 1 · B better: 1/);
    expect(started(only)).toBe(2);
  });

  it('is not ready while either of its shards reconnects', async () => {
    expect(only.running.ready()).toBe(true);
    world.discord.gateway.disconnect({ shard: 0, resumable: true });
    await until(() => !only.running.ready(), 'the process to report itself not ready');
    await until(() => only.running.ready(), 'the process to be ready again after the resume');
  });
});

describe('a process whose shard carries none of the bot\'s servers', () => {
  it('prints the invite URL only when the bot is in no server on any shard', async () => {
    const discord = await startFakeDiscord();
    try {
      const alone = await startDiscordInstance(discord, { shards: { count: 2, ids: [1] } });
      await alone.close();
      expect(alone.printed.join('')).toMatch(/Pnyx is in no Discord server yet/);
      discord.createGuild({ shard: [0, 2] });
      const beside = await startDiscordInstance(discord, { shards: { count: 2, ids: [1] } });
      await beside.close();
      expect(beside.printed).toEqual([]);
    } finally {
      await discord.stop();
    }
  });
});

describe('shard configuration that cannot work', () => {
  const problems = (env: NodeJS.ProcessEnv): string => {
    try {
      parseDiscordEnv({ DISCORD_BOT_TOKEN: 'MTA.abc.def', ...env });
    } catch (error) {
      if (error instanceof ConfigError) return error.problems.join('\n');
      throw error;
    }
    return '';
  };

  it('reads a count and the ids as an operator writes them', () => {
    expect(parseDiscordEnv({ DISCORD_SHARD_COUNT: '4', DISCORD_SHARD_IDS: '2-3, 0' })).toMatchObject({ DISCORD_SHARD_COUNT: 4, DISCORD_SHARD_IDS: [0, 2, 3] });
    expect(parseDiscordEnv({ DISCORD_SHARD_COUNT: 'auto' })).toMatchObject({ DISCORD_SHARD_COUNT: 'auto' });
  });

  it('is refused at start with what to change', () => {
    expect(problems({ DISCORD_SHARD_COUNT: '4', DISCORD_SHARD_IDS: '3-5' })).toMatch(/DISCORD_SHARD_IDS: shards 4,5 outside DISCORD_SHARD_COUNT=4 \(shards are numbered 0 to 3\)/);
    expect(problems({ DISCORD_SHARD_IDS: '0,1' })).toMatch(/DISCORD_SHARD_IDS: needs a fixed DISCORD_SHARD_COUNT, the same number on every process/);
    expect(problems({ DISCORD_SHARD_COUNT: 'auto', DISCORD_SHARD_IDS: '0' })).toMatch(/DISCORD_SHARD_IDS: needs a fixed DISCORD_SHARD_COUNT/);
    expect(problems({ DISCORD_SHARD_COUNT: '4', DISCORD_SHARD_IDS: '0;1' })).toMatch(/DISCORD_SHARD_IDS: "0;1" is not a shard id or a range of them \(write e\.g\. 0,1 or 0-3\)/);
    expect(problems({ DISCORD_SHARD_COUNT: '4', DISCORD_SHARD_IDS: '3-1' })).toMatch(/DISCORD_SHARD_IDS: the range 3-1 runs backwards \(write 1-3\)/);
    expect(problems({ DISCORD_SHARD_COUNT: '0' })).toMatch(/DISCORD_SHARD_COUNT: a whole number of shards \(1 or more\), or auto/);
    expect(problems({ DISCORD_SHARD_COUNT: 'two' })).toMatch(/DISCORD_SHARD_COUNT: a whole number of shards/);
  });

  it('a count Discord finds too small for the bot\'s servers stops the start, saying to raise it', async () => {
    // Discord's limit is 2,500 servers a shard; this fake allows 1, and the bot is in 2.
    const world = await twoShardWorld({ recommendedShards: 2 });
    const tooSmall = await startFakeDiscord({ maxGuildsPerShard: 1 });
    try {
      const owner = tooSmall.createUser({ username: 'olga' });
      tooSmall.createGuild({ owner });
      tooSmall.createGuild({ owner });
      await expect(startDiscordInstance(tooSmall, { shards: { count: 1 } })).rejects.toThrow(
        /Discord requires more shards: DISCORD_SHARD_COUNT=1 leaves a shard with more than 2,500 servers\. Raise DISCORD_SHARD_COUNT on every process/,
      );
      expect(tooSmall.gateway.identifies.at(-1)).toMatchObject({ shard: [0, 1], refused: 4011 });

      // Below the recommendation but within Discord's limit it runs, and says the count should grow.
      const below = await startDiscordInstance(world.discord, { shards: { count: 1 } });
      try {
        await until(() => below.logs.find((l) => l.level === 40 && /Discord recommends 2 shards for this bot; raise DISCORD_SHARD_COUNT \(now 1\)/.test(l.msg)), 'the warning');
      } finally {
        await below.close();
      }
    } finally {
      await tooSmall.stop();
      await world.discord.stop();
    }
  });
});
