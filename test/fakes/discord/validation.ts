// What Discord refuses in a request body, as zod schemas, and the "Invalid Form Body" error tree Discord answers
// with (code 50035, `errors` nested by field path, each leaf `{ _errors: [{ code, message }] }`). Only the limits a
// bot can plausibly trip on are checked; unknown fields pass through untouched (Discord ignores most of them too).
import { Locale } from 'discord.js';
import { z } from 'zod';

export interface DiscordErrorBody {
  message: string;
  code: number;
  errors?: Record<string, unknown>;
}

/** Attach a Discord error code to a custom zod issue (read back by `formBodyError`). */
function issue(ctx: z.RefinementCtx, path: Array<string | number>, code: string, message: string): void {
  ctx.addIssue({ code: 'custom', message, path, params: { discord: code } });
}

// --- Message components -------------------------------------------------------------------------------------------

const customId = z.string().min(1).max(100);
const emoji = z.object({ id: z.string().nullish(), name: z.string().nullish(), animated: z.boolean().optional() }).loose();

const button = z
  .object({
    type: z.literal(2),
    id: z.number().int().optional(),
    style: z.number().int().min(1).max(6),
    label: z.string().max(80).optional(),
    custom_id: customId.optional(),
    url: z.string().max(512).optional(),
    sku_id: z.string().optional(),
    emoji: emoji.optional(),
    disabled: z.boolean().optional(),
  })
  .loose()
  .superRefine((b, ctx) => {
    // Link buttons (style 5) carry a url and no custom_id; premium buttons (6) an SKU; the others a custom_id.
    if (b.style === 5) {
      if (!b.url) issue(ctx, ['url'], 'BASE_TYPE_REQUIRED', 'This field is required');
      if (b.custom_id !== undefined) issue(ctx, ['custom_id'], 'BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED', 'A custom id cannot be set on link buttons');
    } else if (b.style === 6) {
      if (!b.sku_id) issue(ctx, ['sku_id'], 'BASE_TYPE_REQUIRED', 'This field is required');
    } else {
      if (b.custom_id === undefined) issue(ctx, ['custom_id'], 'BASE_TYPE_REQUIRED', 'This field is required');
      if (b.url !== undefined) issue(ctx, ['url'], 'BUTTON_COMPONENT_URL_NOT_ALLOWED', 'A url can only be set on link buttons');
    }
    if (b.style !== 6 && b.label === undefined && b.emoji === undefined) {
      issue(ctx, ['label'], 'BUTTON_COMPONENT_LABEL_OR_EMOJI_REQUIRED', 'A label or an emoji is required');
    }
  });

const selectOption = z
  .object({
    label: z.string().min(1).max(100),
    value: z.string().min(1).max(100),
    description: z.string().max(100).optional(),
    emoji: emoji.optional(),
    default: z.boolean().optional(),
  })
  .loose();

const selectBase = {
  id: z.number().int().optional(),
  custom_id: customId,
  placeholder: z.string().max(150).optional(),
  min_values: z.number().int().min(0).max(25).optional(),
  max_values: z.number().int().min(1).max(25).optional(),
  disabled: z.boolean().optional(),
  required: z.boolean().optional(),
};
const stringSelect = z.object({ type: z.literal(3), ...selectBase, options: z.array(selectOption).min(1).max(25) }).loose();
const otherSelect = (type: 5 | 6 | 7 | 8) => z.object({ type: z.literal(type), ...selectBase }).loose();

const rowChild = z.discriminatedUnion('type', [button, stringSelect, otherSelect(5), otherSelect(6), otherSelect(7), otherSelect(8)]);
const actionRow = z
  .object({ type: z.literal(1), id: z.number().int().optional(), components: z.array(rowChild).min(1).max(5) })
  .loose()
  .superRefine((row, ctx) => {
    // A select menu fills its row alone.
    if (row.components.length > 1 && row.components.some((c) => c.type !== 2)) {
      issue(ctx, ['components'], 'COMPONENT_LAYOUT_WIDTH_EXCEEDED', 'The specified component exceeds the maximum width');
    }
  });

/** Components V2 layouts (flag IS_COMPONENTS_V2): checked loosely, for custom_id length and the 40-component cap. */
const v2Component: z.ZodType = z.lazy(() =>
  z
    .object({
      type: z.number().int().min(1).max(23),
      custom_id: customId.optional(),
      components: z.array(v2Component).optional(),
      accessory: v2Component.optional(),
      component: v2Component.optional(),
      content: z.string().max(4000).optional(),
    })
    .loose(),
);

// --- Embeds --------------------------------------------------------------------------------------------------------

const embed = z
  .object({
    title: z.string().max(256).optional(),
    description: z.string().max(4096).optional(),
    url: z.string().optional(),
    color: z.number().int().min(0).max(0xffffff).nullish(),
    footer: z.object({ text: z.string().max(2048) }).loose().optional(),
    author: z.object({ name: z.string().max(256) }).loose().optional(),
    fields: z
      .array(z.object({ name: z.string().min(1).max(256), value: z.string().min(1).max(1024), inline: z.boolean().optional() }).loose())
      .max(25)
      .optional(),
  })
  .loose();

type Embed = z.infer<typeof embed>;
function embedSize(e: Embed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.author?.name.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

// --- Messages ------------------------------------------------------------------------------------------------------

const IS_COMPONENTS_V2 = 1 << 15;

const messageFields = {
  content: z.string().max(2000).nullish(),
  embeds: z.array(embed).max(10).nullish(),
  components: z.array(z.unknown()).nullish(),
  flags: z.number().int().nullish(),
  tts: z.boolean().nullish(),
  nonce: z.union([z.string().max(25), z.number().int()]).nullish(),
  enforce_nonce: z.boolean().nullish(),
  allowed_mentions: z.object({ parse: z.array(z.enum(['roles', 'users', 'everyone'])).optional() }).loose().nullish(),
  message_reference: z
    .object({ message_id: z.string().optional(), channel_id: z.string().optional(), fail_if_not_exists: z.boolean().optional(), type: z.number().int().optional() })
    .loose()
    .nullish(),
  attachments: z
    .array(z.object({ id: z.union([z.string(), z.number()]), filename: z.string().optional(), description: z.string().max(1024).nullish() }).loose())
    .max(10)
    .nullish(),
  sticker_ids: z.array(z.string()).max(3).nullish(),
};

export const messageBody = z
  .object(messageFields)
  .loose()
  .superRefine((m, ctx) => {
    const total = (m.embeds ?? []).reduce((n, e) => n + embedSize(e), 0);
    if (total > 6000) issue(ctx, ['embeds'], 'MAX_EMBED_SIZE_EXCEEDED', 'Embed size exceeds maximum size of 6000');
    const v2 = ((m.flags ?? 0) & IS_COMPONENTS_V2) !== 0;
    const components = m.components ?? [];
    if (v2) {
      if (m.content) issue(ctx, ['content'], 'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2', 'The \'content\' field cannot be used when using MessageFlags.IS_COMPONENTS_V2');
      if (m.embeds?.length) issue(ctx, ['embeds'], 'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2', 'The \'embeds\' field cannot be used when using MessageFlags.IS_COMPONENTS_V2');
      components.forEach((c, i) => checkNested(v2Component, c, ['components', i], ctx));
      if (countComponents(components) > 40) issue(ctx, ['components'], 'BASE_TYPE_MAX_LENGTH', 'Must be 40 or fewer in length.');
    } else {
      if (components.length > 5) issue(ctx, ['components'], 'BASE_TYPE_MAX_LENGTH', 'Must be 5 or fewer in length.');
      components.forEach((c, i) => checkNested(actionRow, c, ['components', i], ctx));
    }
    const seen = new Set<string>();
    for (const { id, path } of customIds(components, ['components'])) {
      if (seen.has(id)) issue(ctx, path, 'COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated');
      seen.add(id);
    }
  });
export type MessageBody = z.infer<typeof messageBody>;

/** Validate a nested value with its own schema and re-home its issues under `path` (keeps errors per row). */
function checkNested(schema: z.ZodType, value: unknown, path: Array<string | number>, ctx: z.RefinementCtx): void {
  const result = schema.safeParse(value);
  if (result.success) return;
  for (const i of result.error.issues) {
    const mapped = discordIssue(i);
    issue(ctx, [...path, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], mapped.code, mapped.message);
  }
}

function countComponents(list: unknown[]): number {
  let n = 0;
  for (const c of list) {
    if (!c || typeof c !== 'object') continue;
    n += 1;
    const o = c as { components?: unknown[]; accessory?: unknown; component?: unknown };
    if (Array.isArray(o.components)) n += countComponents(o.components);
    if (o.accessory) n += countComponents([o.accessory]);
    if (o.component) n += countComponents([o.component]);
  }
  return n;
}

/** Every custom_id in a component tree, with its path. */
export function customIds(list: unknown, path: Array<string | number>): Array<{ id: string; path: Array<string | number> }> {
  if (!Array.isArray(list)) return [];
  const out: Array<{ id: string; path: Array<string | number> }> = [];
  list.forEach((c, i) => {
    if (!c || typeof c !== 'object') return;
    const o = c as { custom_id?: unknown; components?: unknown; accessory?: unknown; component?: unknown };
    if (typeof o.custom_id === 'string') out.push({ id: o.custom_id, path: [...path, i, 'custom_id'] });
    out.push(...customIds(o.components, [...path, i, 'components']));
    if (o.accessory) out.push(...customIds([o.accessory], [...path, i, 'accessory']));
    if (o.component) out.push(...customIds([o.component], [...path, i, 'component']));
  });
  return out;
}

// --- Modals --------------------------------------------------------------------------------------------------------

const textInput = z
  .object({
    type: z.literal(4),
    id: z.number().int().optional(),
    custom_id: customId,
    style: z.union([z.literal(1), z.literal(2)]),
    label: z.string().min(1).max(45).optional(),
    min_length: z.number().int().min(0).max(4000).optional(),
    max_length: z.number().int().min(1).max(4000).optional(),
    required: z.boolean().optional(),
    value: z.string().max(4000).optional(),
    placeholder: z.string().max(100).optional(),
  })
  .loose();

const labelChild = z.discriminatedUnion('type', [
  textInput,
  stringSelect,
  otherSelect(5),
  otherSelect(6),
  otherSelect(7),
  otherSelect(8),
  z.object({ type: z.literal(19), custom_id: customId }).loose(),
  z.object({ type: z.literal(21), custom_id: customId }).loose(),
  z.object({ type: z.literal(22), custom_id: customId }).loose(),
  z.object({ type: z.literal(23), custom_id: customId }).loose(),
]);

const modalComponent = z.discriminatedUnion('type', [
  // The older layout: an action row holding one text input, which then needs its own label.
  z
    .object({ type: z.literal(1), components: z.array(textInput).length(1) })
    .loose()
    .superRefine((row, ctx) => {
      if (!row.components[0]?.label) issue(ctx, ['components', 0, 'label'], 'BASE_TYPE_REQUIRED', 'This field is required');
    }),
  z.object({ type: z.literal(18), label: z.string().min(1).max(45), description: z.string().max(100).optional(), component: labelChild }).loose(),
  z.object({ type: z.literal(10), content: z.string().min(1).max(4000) }).loose(),
]);

export const modalData = z
  .object({ custom_id: customId, title: z.string().min(1).max(45), components: z.array(modalComponent).min(1).max(5) })
  .loose()
  .superRefine((m, ctx) => {
    const seen = new Set<string>();
    for (const { id, path } of customIds(m.components, ['components'])) {
      if (seen.has(id)) issue(ctx, path, 'COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated');
      seen.add(id);
    }
  });
export type ModalData = z.infer<typeof modalData>;

export const callbackBody = z.object({ type: z.number().int(), data: z.record(z.string(), z.unknown()).optional() }).loose();

// --- Application commands ------------------------------------------------------------------------------------------

const LOCALES = new Set<string>(Object.values(Locale));
const localized = (max: number) =>
  z
    .record(z.string(), z.string().max(max).nullable())
    .nullish()
    .superRefine((dict, ctx) => {
      // Discord knows only its own locale codes: "en" or "fr-FR" are refused, "en-US", "en-GB", "fr" are fine.
      for (const key of Object.keys(dict ?? {})) {
        if (!LOCALES.has(key)) issue(ctx, [key], 'ENUM_TYPE_COERCE', `Value "${key}" is not a valid enum value.`);
      }
    });
const commandName = z.string().regex(/^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u, 'APPLICATION_COMMAND_INVALID_NAME');

const choice = z.object({ name: z.string().min(1).max(100), name_localizations: localized(100), value: z.union([z.string().max(100), z.number()]) }).loose();

const commandOption: z.ZodType = z.lazy(() =>
  z
    .object({
      type: z.number().int().min(1).max(11),
      name: commandName,
      name_localizations: localized(32),
      description: z.string().min(1).max(100),
      description_localizations: localized(100),
      required: z.boolean().optional(),
      choices: z.array(choice).max(25).optional(),
      options: z.array(commandOption).max(25).optional(),
      min_length: z.number().int().min(0).max(6000).optional(),
      max_length: z.number().int().min(1).max(6000).optional(),
      autocomplete: z.boolean().optional(),
    })
    .loose(),
);

export const commandBody = z
  .object({
    name: commandName,
    name_localizations: localized(32),
    type: z.number().int().min(1).max(4).optional(),
    description: z.string().max(100).optional(),
    description_localizations: localized(100),
    options: z.array(commandOption).max(25).optional(),
    default_member_permissions: z.string().regex(/^\d+$/).nullish(),
    dm_permission: z.boolean().nullish(),
    contexts: z.array(z.number().int().min(0).max(2)).nullish(),
    integration_types: z.array(z.number().int().min(0).max(1)).nullish(),
    nsfw: z.boolean().optional(),
  })
  .loose()
  .superRefine((c, ctx) => {
    const chatInput = (c.type ?? 1) === 1;
    if (chatInput && c.name !== c.name.toLowerCase()) issue(ctx, ['name'], 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
    if (chatInput && !c.description) issue(ctx, ['description'], 'BASE_TYPE_REQUIRED', 'This field is required');
    const options = (c.options ?? []) as Array<{ name: string; required?: boolean; type: number }>;
    let optionalSeen = false;
    options.forEach((o, i) => {
      if (o.type <= 2) return;
      if (!o.required) optionalSeen = true;
      else if (optionalSeen) issue(ctx, ['options', i, 'required'], 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', 'Required options must be placed before non-required options');
    });
    const names = options.map((o) => o.name);
    names.forEach((n, i) => {
      if (names.indexOf(n) !== i) issue(ctx, ['options', i, 'name'], 'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS', 'Command option names must be unique');
    });
  });
export type CommandBody = z.infer<typeof commandBody>;

export const commandList = z
  .array(commandBody)
  .max(100)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((c, i) => {
      const key = `${c.type ?? 1}:${c.name}`;
      if (seen.has(key)) issue(ctx, [i, 'name'], 'APPLICATION_COMMANDS_DUPLICATE_NAME', 'Application command names must be unique');
      seen.add(key);
    });
  });

// --- Channels ------------------------------------------------------------------------------------------------------

export const threadBody = z
  .object({
    name: z.string().min(1).max(100),
    auto_archive_duration: z.union([z.literal(60), z.literal(1440), z.literal(4320), z.literal(10080)]).optional(),
    rate_limit_per_user: z.number().int().min(0).max(21600).nullish(),
    type: z.union([z.literal(10), z.literal(11), z.literal(12)]).optional(),
    invitable: z.boolean().optional(),
  })
  .loose();

export const dmBody = z.object({ recipient_id: z.string().regex(/^\d+$/) }).loose();

// --- Errors --------------------------------------------------------------------------------------------------------

function discordIssue(i: z.core.$ZodIssue): { code: string; message: string } {
  const custom = (i as { params?: { discord?: string } }).params?.discord;
  if (custom) return { code: custom, message: i.message };
  switch (i.code) {
    case 'too_big':
      return { code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${String(i.maximum)} or fewer in length.` };
    case 'too_small':
      return i.origin === 'number'
        ? { code: 'NUMBER_TYPE_MIN', message: `Must be greater than or equal to ${String(i.minimum)}.` }
        : { code: 'BASE_TYPE_MIN_LENGTH', message: `Must be ${String(i.minimum)} or more in length.` };
    case 'invalid_type':
      return i.input === undefined
        ? { code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }
        : { code: `BASE_TYPE_${i.expected.toUpperCase()}`, message: `Must be a valid ${i.expected}.` };
    case 'invalid_union':
      return { code: 'UNION_TYPE_CHOICES', message: 'Value of field "type" must be one of the known component types.' };
    case 'invalid_format':
      return i.message === 'APPLICATION_COMMAND_INVALID_NAME'
        ? { code: 'APPLICATION_COMMAND_INVALID_NAME', message: 'Command name is invalid' }
        : { code: 'STRING_TYPE_REGEX', message: 'String value did not match validation regex.' };
    default:
      return { code: 'BASE_TYPE_INVALID', message: i.message };
  }
}

/** Discord's 400 "Invalid Form Body" for a failed parse, errors nested by path (`{ content: { _errors: [...] } }`). */
export function formBodyError(error: z.ZodError, prefix: Array<string | number> = []): DiscordErrorBody {
  const errors: Record<string, unknown> = {};
  for (const i of error.issues) {
    let node = errors;
    for (const key of [...prefix, ...i.path]) {
      const k = String(key);
      node = (node[k] ??= {}) as Record<string, unknown>;
    }
    ((node._errors ??= []) as unknown[]).push(discordIssue(i));
  }
  return { message: 'Invalid Form Body', code: 50035, errors };
}

/** Flatten an error tree into `path: CODE message` lines, as discord.js prints them (for test messages). */
export function describeErrors(body: DiscordErrorBody): string[] {
  const out: string[] = [];
  const walk = (node: unknown, path: string): void => {
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '_errors') for (const e of value as Array<{ code: string; message: string }>) out.push(`${path}: ${e.code} ${e.message}`);
      else walk(value, path ? (/^\d+$/.test(key) ? `${path}[${key}]` : `${path}.${key}`) : key);
    }
  };
  walk(body.errors, '');
  return out;
}
