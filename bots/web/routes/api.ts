// The JSON API that turns a member's clicks into core events: joining a room, prompts (and commands typed in the
// box), button presses, form submissions and command buttons. The core is reached only through `arena.handle`;
// what it says back to the one person who acted is this request's answer.
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import type { Locale } from '../../../core/i18n/index';
import type { Ack, CommandName } from '../../../core/port/types';
import { memberTag, type WebMessage } from '../rooms';
import {
  ActionBodySchema,
  COMMANDS,
  CommandBodySchema,
  FormBodySchema,
  JoinBodySchema,
  MAX_BODY_BYTES,
  MAX_TEXT_CHARS,
  PromptBodySchema,
  parseCommand,
  type Member,
} from '../schemas';
import { toWebAnswer, visibleText } from './answers';
import type { Env, WebContext } from './context';
import { fail, localeOf, readBody, roomParam, tooLongAnswer } from './http';
import { adminCheck, charge, claim, deliveryOf, personOf, roomAddress, tagOf } from './members';

type Entered<S extends z.ZodType> = { room: string; locale: Locale; data: z.infer<S> };

/** The room in the path, its language, the validated body and the member's name claimed in it; else the refusal. */
async function enter<S extends z.ZodType<{ member: Member }>>(web: WebContext, c: Context<Env>, schema: S): Promise<Entered<S> | Response> {
  const room = roomParam(c);
  if (!room) return fail(web, c, 400, 'web-error-room');
  const locale = await web.roomLocale(room);
  const body = await readBody(web, c, schema, locale);
  if (!body.ok) return body.response;
  const taken = claim(web, c, room, body.data.member, locale);
  if (taken) return taken;
  return { room, locale, data: body.data };
}

async function join(web: WebContext, c: Context<Env>): Promise<Response> {
  const entered = await enter(web, c, JoinBodySchema);
  if (entered instanceof Response) return entered;
  const { room, data } = entered;
  return c.json({ ok: true, name: data.member.name, creator: web.hub.isCreator(room, tagOf(c)) });
}

async function prompt(web: WebContext, c: Context<Env>): Promise<Response> {
  const entered = await enter(web, c, PromptBodySchema);
  if (entered instanceof Response) return entered;
  const { room, locale, data } = entered;
  const { member, text, replyTo, requestId } = data;
  const chat = roomAddress(room);
  const from = personOf(c.get('session'), member);
  const delivery = deliveryOf(requestId);

  const command = parseCommand(text);
  if (command && (COMMANDS as readonly string[]).includes(command.name)) {
    const limited = await charge(web, c, 'action', locale);
    if (limited) return limited;
    const result = await web.arena.handle({ type: 'command', delivery, chat, from, name: command.name as CommandName, args: command.args, privateReply: true, isAdmin: adminCheck(web, c, room) });
    return c.json({ ok: true, published: false, command: true, ...toWebAnswer(result, web.downloads) });
  }
  if (text.trim().length > web.maxPromptChars) return tooLongAnswer(web, c, text.trim().length, locale);
  const limited = await charge(web, c, 'prompt', locale);
  if (limited) return limited;

  // The prompt joins the room only once the core answers it: a refused prompt (empty, too long, rate-limited)
  // stays in its author's box with the core's explanation instead of showing up unanswered for everyone.
  const shown = visibleText(text).length > 0;
  const ref = web.hub.nextRef();
  if (shown) web.hub.hold(room, heldMessage(c, ref, member, text, replyTo));
  let result: Ack;
  try {
    result = await web.arena.handle({ type: 'prompt', delivery, chat, from, text, messageRef: ref, addressed: true, privateReply: true, ...(replyTo ? { replyTo } : {}) });
  } catch (error) {
    web.hub.drop(room, ref);
    throw error;
  }
  let published = shown;
  if (shown && web.hub.isHeld(room, ref)) {
    if (result.notice) {
      web.hub.drop(room, ref);
      published = false;
    } else {
      web.hub.release(room, ref);
    }
  }
  return c.json({ ok: true, ref: published ? ref : undefined, published, ...toWebAnswer(result, web.downloads) });
}

/** The member's prompt as the room will show it, held back until the core has answered it. */
function heldMessage(c: Context<Env>, ref: string, member: Member, text: string, replyTo: string | undefined): WebMessage {
  return {
    ref,
    kind: 'member',
    author: { tag: memberTag(c.get('session').memberId), name: member.name },
    text,
    buttons: [],
    ...(replyTo ? { replyTo } : {}),
    at: Date.now(),
  };
}

async function action(web: WebContext, c: Context<Env>): Promise<Response> {
  const entered = await enter(web, c, ActionBodySchema);
  if (entered instanceof Response) return entered;
  const { room, locale, data: body } = entered;
  const { member, data, messageRef, requestId } = body;
  const limited = await charge(web, c, 'action', locale);
  if (limited) return limited;
  const result = await web.arena.handle({
    type: 'action',
    delivery: deliveryOf(requestId),
    chat: roomAddress(room),
    from: personOf(c.get('session'), member),
    data,
    ...(messageRef ? { messageRef } : {}),
    privateReply: true,
    isAdmin: adminCheck(web, c, room),
  });
  // A settings page answered a press: every page in the room checks whether its language changed.
  if (result.replace?.role === 'menu') web.hub.signal(room, { type: 'settings' });
  return c.json({ ok: true, ...toWebAnswer(result, web.downloads) });
}

async function submit(web: WebContext, c: Context<Env>): Promise<Response> {
  const entered = await enter(web, c, FormBodySchema);
  if (entered instanceof Response) return entered;
  const { room, locale, data: body } = entered;
  const { member, data, values, messageRef, requestId } = body;
  const limited = await charge(web, c, 'action', locale);
  if (limited) return limited;
  const result = await web.arena.handle({
    type: 'submit',
    delivery: deliveryOf(requestId),
    chat: roomAddress(room),
    from: personOf(c.get('session'), member),
    data,
    values,
    ...(messageRef ? { messageRef } : {}),
    privateReply: true,
    isAdmin: adminCheck(web, c, room),
  });
  return c.json({ ok: true, ...toWebAnswer(result, web.downloads) });
}

async function command(web: WebContext, c: Context<Env>): Promise<Response> {
  const entered = await enter(web, c, CommandBodySchema);
  if (entered instanceof Response) return entered;
  const { room, locale, data } = entered;
  const { member, name, args, requestId } = data;
  const limited = await charge(web, c, 'action', locale);
  if (limited) return limited;
  const result = await web.arena.handle({ type: 'command', delivery: deliveryOf(requestId), chat: roomAddress(room), from: personOf(c.get('session'), member), name, args, privateReply: true, isAdmin: adminCheck(web, c, room) });
  return c.json({ ok: true, ...toWebAnswer(result, web.downloads) });
}

/** The state-changing room routes; registered after the guard (session.ts), which they rely on. */
export function apiRoutes(app: Hono<Env>, web: WebContext): void {
  const limit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => c.json({ error: { code: 'too-large', message: web.i18n.t(localeOf(web, c))('prompt-too-long', { length: MAX_TEXT_CHARS, max: web.maxPromptChars }) } }, 413),
  });
  app.post('/api/rooms/:room/join', limit, (c) => join(web, c));
  app.post('/api/rooms/:room/messages', limit, (c) => prompt(web, c));
  app.post('/api/rooms/:room/actions', limit, (c) => action(web, c));
  app.post('/api/rooms/:room/forms', limit, (c) => submit(web, c));
  app.post('/api/rooms/:room/commands', limit, (c) => command(web, c));
}
