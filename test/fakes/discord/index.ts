// A fake Discord (REST + gateway) for tests that drive the real discord.js Client. See fake.ts.
export { FakeDiscord, startFakeDiscord, type FakeDiscordOptions, type RegisteredCommand, type CommandOverwrite } from './fake';
export type { RouteMatch } from './faults';
export type {
  Call,
  Failure,
  FakeAttachment,
  FakeCallback,
  FakeChannel,
  FakeGuild,
  FakeInteraction,
  FakeMember,
  FakeMessage,
  FakeOverwrite,
  FakeRevision,
  FakeRole,
  FakeUser,
  UploadedFile,
} from './model';
export type { ConnectionRecord, DispatchRecord, FakeGateway, IdentifyRecord, ResumeRecord, Shard } from './gateway';
export { shardOf } from './model';
export { DEFAULT_BOT_PERMISSIONS, DEFAULT_EVERYONE_PERMISSIONS, DM_APP_PERMISSIONS, channelPermissions } from './permissions';
export { describeErrors } from './validation';
