// The playground page: one room of a group chat. Messages arrive over Server-Sent Events; clicks become JSON
// requests. Model output arrives as HTML the server rendered with markdown-it (raw HTML off); everything typed by
// people (names, prompts) is only ever set with textContent.
const boot = JSON.parse(document.getElementById('pnyx-boot').textContent);
const { room, locale, strings, csrf, maxPromptChars } = boot;

/** A catalog string, formatted by the server (bots/web/page.ts lists the ones this script uses); `{slot}`s filled here. */
function t(id, args = {}) {
  return (strings[id] ?? id).replace(/\{(\w+)\}/g, (whole, key) => (key in args ? String(args[key]) : whole));
}

const $ = (id) => document.getElementById(id);
const els = {
  nameForm: $('name-form'),
  name: $('name'),
  nameError: $('name-error'),
  nameSave: $('name-save'),
  members: $('members'),
  connection: $('connection'),
  messages: $('messages'),
  empty: $('empty'),
  typing: $('typing'),
  composer: $('composer'),
  prompt: $('prompt'),
  send: $('send'),
  composerNotice: $('composer-notice'),
  followUp: $('follow-up'),
  cancelFollowUp: $('cancel-follow-up'),
  postLeaderboard: $('post-leaderboard'),
  newMessages: $('new-messages'),
  promptCount: $('prompt-count'),
};

// === Who am I =============================================================================================
// The server decides who this browser is (a signed HttpOnly session cookie); the page only knows its public tag and
// the token it sends back on every request. The display name is kept in localStorage for the next visit.

const NAME_KEY = 'pnyx.name';

function readName() {
  try {
    return localStorage.getItem(NAME_KEY) ?? '';
  } catch {
    return '';
  }
}

function writeName(name) {
  try {
    localStorage.setItem(NAME_KEY, name);
  } catch {
    // Private mode or full storage: the page still works for this visit.
  }
}

const me = { name: '', tag: boot.tag ?? '' };

function member() {
  return { name: me.name, locale };
}

// === Rendering =============================================================================================

const timeFormat = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
/** ref → message element (an <li> for single messages, an <article> inside a pair). */
const nodes = new Map();
/** pair id → <li> holding the pair. */
const pairs = new Map();
const busyTimers = new Map();
let lastEventId = '';

function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') node.textContent = value;
    else if (key === 'className') node.className = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

function timeOf(message) {
  const when = new Date(message.at);
  return el('time', { datetime: when.toISOString(), text: timeFormat.format(when) });
}

function buttonsOf(rows, messageRef, slotFor, onAnswer) {
  if (!rows || rows.length === 0) return null;
  const wrap = el('div', { className: 'buttons' });
  for (const row of rows) {
    const group = el('div', { className: 'button-row', role: 'group' });
    for (const button of row) {
      const b = el('button', { type: 'button', className: `action ${button.style ?? ''}`.trim(), text: button.label, 'data-action': button.data });
      b.addEventListener('click', () => act(button.data, messageRef, slotFor(), b, onAnswer));
      group.append(b);
    }
    wrap.append(group);
  }
  return wrap;
}

// === The person's own choices ================================================================================
// The server names the button that shows the person's current vote (Ack.selected); the page marks it on the ballot,
// keeps it across the ballot's edits, and remembers it for the next visit.

const CHOICES_KEY = `pnyx.choices.${room}`;
const choices = new Map(Object.entries(readJson(CHOICES_KEY, {})));

function readJson(key, fallback) {
  try {
    return JSON.parse(localStorage.getItem(key) ?? 'null') ?? fallback;
  } catch {
    return fallback;
  }
}

function rememberChoice(ref, data) {
  choices.set(ref, data);
  try {
    localStorage.setItem(CHOICES_KEY, JSON.stringify(Object.fromEntries([...choices].slice(-200))));
  } catch {
    // storage full or private mode: shown for this visit only
  }
}

/** Marks the chosen button of a message (aria-pressed), and says so in words beside the buttons. */
function markChoice(node, data) {
  const buttons = [...node.querySelectorAll(':scope > .buttons button[data-action]')];
  if (!buttons.some((b) => b.dataset.action === data)) return;
  for (const b of buttons) {
    const chosen = b.dataset.action === data;
    b.setAttribute('aria-pressed', String(chosen));
    b.classList.toggle('chosen', chosen);
  }
  let label = node.querySelector(':scope > .buttons .your-choice');
  if (!label) {
    label = el('p', { className: 'your-choice' });
    node.querySelector(':scope > .buttons').append(label);
  }
  label.textContent = `${t('web-your-choice')}: ${buttons.find((b) => b.dataset.action === data).textContent}`;
}

// === Countdown =================================================================================================
// A ballot that closes at a time counts down live (the core's text says it in minutes when it is posted).

const countdowns = new Map();

function showCountdown(node, message) {
  clearInterval(countdowns.get(node));
  countdowns.delete(node);
  node.querySelector(':scope > .countdown')?.remove();
  if (!message.closesAt || !message.buttons?.length) return;
  // The core's ballot ends with "Voting closes in N minutes" (core/engine/views.ts): the live countdown takes its place.
  const lines = node.querySelector(':scope > .body > p:last-of-type');
  const breaks = lines ? lines.querySelectorAll('br') : [];
  const lastBreak = breaks[breaks.length - 1];
  if (lastBreak) {
    while (lastBreak.nextSibling) lastBreak.nextSibling.remove();
    lastBreak.remove();
  }
  const out = el('p', { className: 'countdown', role: 'timer', 'aria-live': 'off' });
  node.querySelector(':scope > .body').after(out);
  const tick = () => {
    const left = Math.max(0, Math.round((message.closesAt - Date.now()) / 1000));
    if (left === 0) {
      out.textContent = t('web-countdown-closing');
      clearInterval(countdowns.get(node));
      return;
    }
    const minutes = Math.floor(left / 60);
    const seconds = String(left % 60).padStart(2, '0');
    out.textContent = t('web-countdown', { time: `${minutes}:${seconds}` });
  };
  tick();
  countdowns.set(node, setInterval(tick, 1000));
}

function fillBot(node, message) {
  const body = node.querySelector('.body');
  // Server-rendered by markdown-it with html: false (see bots/web/render.ts).
  body.innerHTML = message.html ?? '';
  // Each block takes its direction from its own text: an English reply reads left to right on an Arabic page, an
  // Arabic one right to left on an English page.
  for (const block of body.querySelectorAll('p, ul, ol, li, h1, h2, h3, h4, h5, h6, blockquote, table')) block.setAttribute('dir', 'auto');
  node.querySelector('.buttons')?.remove();
  node.querySelector('.image')?.remove();
  if (message.image) {
    body.after(el('img', { className: 'image', src: message.image.src, alt: message.image.alt }));
  }
  const buttons = buttonsOf(message.buttons, message.ref, () => privateSlot(node));
  if (buttons) node.querySelector(':scope > .private').before(buttons);
  if (choices.has(message.ref)) markChoice(node, choices.get(message.ref));
  showCountdown(node, message);
}

function botNode(message, tag) {
  const node = el(tag, { className: 'msg bot', id: `m-${message.ref}`, 'data-ref': message.ref }, [
    el('div', { className: 'meta' }, [el('span', { className: 'author', text: t('web-bot-name') }), timeOf(message)]),
    el('div', { className: 'body', 'aria-live': 'polite' }),
    el('div', { className: 'private' }),
  ]);
  fillBot(node, message);
  return node;
}

function memberNode(message) {
  const mine = message.author?.tag && message.author.tag === me.tag;
  return el('li', { className: `msg member${mine ? ' mine' : ''}`, id: `m-${message.ref}`, 'data-ref': message.ref }, [
    el('div', { className: 'meta' }, [
      // <bdi>: a right-to-left name cannot reorder what follows it.
      el('bdi', { className: 'author', text: message.author?.name ?? '?' }),
      mine ? el('span', { className: 'you', text: `(${t('web-you')})` }) : null,
      timeOf(message),
    ]),
    el('p', { className: 'text', dir: 'auto', text: message.text ?? '' }),
  ]);
}

function pairNode(pairId) {
  let li = pairs.get(pairId);
  if (li) return li;
  const followUp = el('button', { type: 'button', className: 'follow-up-button', text: t('web-follow-up'), 'aria-label': t('web-follow-up-label') });
  followUp.addEventListener('click', () => startFollowUp(pairId));
  li = el('li', { className: 'msg pair', 'data-pair': pairId }, [el('div', { className: 'pair-grid' }), el('div', { className: 'pair-actions' }, [followUp])]);
  pairs.set(pairId, li);
  return li;
}

function addMessage(message) {
  if (nodes.has(message.ref)) return updateMessage(message);
  let node;
  if (message.kind === 'member') {
    node = memberNode(message);
    els.messages.append(node);
    if (message.author?.tag === me.tag) ownPromptShown(message);
  } else if (message.pair) {
    const li = pairNode(message.pair.id);
    node = botNode(message, 'article');
    node.classList.add('reply');
    node.setAttribute('aria-label', `${t('web-reply-label')} ${message.pair.index === 0 ? 'A' : 'B'}`);
    const grid = li.querySelector('.pair-grid');
    const siblings = [...grid.children];
    const after = siblings.find((s) => Number(s.dataset.index) > message.pair.index);
    node.dataset.index = String(message.pair.index);
    grid.insertBefore(node, after ?? null);
    li.classList.toggle('full', grid.children.length >= 2);
    if (!li.isConnected) els.messages.append(li);
  } else {
    node = botNode(message, 'li');
    els.messages.append(node);
  }
  nodes.set(message.ref, node);
  els.empty.hidden = true;
  markBusy(node);
  contentChanged(true);
}

/** A message the core removed (a reply part that shrank away). */
function removeMessage(ref) {
  const node = nodes.get(ref);
  if (!node) return;
  nodes.delete(ref);
  const pair = node.closest('.pair');
  node.remove();
  if (pair && !pair.querySelector('.pair-grid').children.length) {
    pairs.delete(pair.dataset.pair);
    pair.remove();
  }
}

function updateMessage(message) {
  const node = nodes.get(message.ref);
  if (!node || node.classList.contains('member')) return;
  fillBot(node, message);
  markBusy(node);
  contentChanged(false);
}

/** Screen readers announce a reply once it has stopped changing, not at every streamed word. */
function markBusy(node) {
  const body = node.querySelector('.body');
  if (!body) return;
  body.setAttribute('aria-busy', 'true');
  clearTimeout(busyTimers.get(node));
  busyTimers.set(node, setTimeout(() => body.setAttribute('aria-busy', 'false'), 1200));
}

function resetMessages(messages) {
  els.messages.replaceChildren();
  nodes.clear();
  pairs.clear();
  els.empty.hidden = messages.length > 0;
  for (const message of messages) addMessage(message);
  // Opening (or reopening) a room starts at the latest message.
  following = true;
  contentChanged(false);
}

function renderMembers(list) {
  els.members.replaceChildren();
  for (const m of list) {
    const li = el('li', {}, [el('bdi', { text: m.name })]);
    if (m.tag === me.tag) li.append(' ', el('span', { className: 'you', text: `(${t('web-you')})` }));
    els.members.append(li);
  }
  if (list.filter((m) => m.tag !== me.tag).length === 0) els.members.append(el('li', { className: 'hint', text: t('web-members-none') }));
}

function setConnection(state) {
  els.connection.dataset.state = state;
  els.connection.textContent = t(state === 'live' ? 'web-connection-live' : state === 'lost' ? 'web-connection-lost' : 'web-connection-connecting');
}

let typingTimer;
function showTyping() {
  els.typing.textContent = t('web-typing');
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => (els.typing.textContent = ''), 4000);
}

// === Following the conversation ================================================================================
// The room follows the newest message (a new prompt, the replies as they stream, the ballot) while the person is at
// the bottom; once they scroll up to read, it stays put and a "new messages" pill offers the way back down.

let following = true;
let followQueued = false;

function nearBottom() {
  const doc = document.documentElement;
  return doc.scrollHeight - (window.scrollY + window.innerHeight) < 120;
}

function toBottom() {
  window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' });
  els.newMessages.hidden = true;
}

/** After the room changed: keep up with it, or tell the person something new arrived below. */
function contentChanged(isNew) {
  if (followQueued) return;
  followQueued = true;
  requestAnimationFrame(() => {
    followQueued = false;
    if (following) toBottom();
    else if (isNew) els.newMessages.hidden = false;
  });
}

window.addEventListener(
  'scroll',
  () => {
    following = nearBottom();
    if (following) els.newMessages.hidden = true;
  },
  { passive: true },
);
els.newMessages.addEventListener('click', () => {
  following = true;
  toBottom();
});
// The sticky composer's height, so that what is scrolled into view (a private answer) is never hidden behind it.
new ResizeObserver(() => document.documentElement.style.setProperty('--composer-h', `${els.composer.offsetHeight}px`)).observe(els.composer);

// === Private notices (only this person sees them) ============================================================

function privateSlot(node) {
  const pair = node.closest('.pair');
  if (pair) {
    let slot = pair.querySelector(':scope > .private');
    if (!slot) {
      slot = el('div', { className: 'private' });
      pair.append(slot);
    }
    return slot;
  }
  return node.querySelector('.private');
}

function showNotice(slot, notice, messageRef) {
  const box = el('div', { className: `notice${notice.alert ? ' alert' : ''}`, role: notice.alert ? 'alert' : 'status' });
  box.append(el('p', { className: 'notice-label', text: t('web-notice-private') }));
  if (notice.note) {
    const note = el('div', { className: 'notice-note' });
    note.innerHTML = notice.note;
    box.append(note);
  }
  const body = el('div', { className: 'notice-body' });
  // Rendered by the server with markdown-it, raw HTML off.
  body.innerHTML = notice.html;
  box.append(body);
  // A file for this person only (their data): a one-time link the server gave in this answer.
  if (notice.download) {
    const link = el('a', { className: 'notice-download', text: notice.download.name });
    link.href = notice.download.url;
    link.download = notice.download.name;
    box.append(link);
  }
  // Reason tags stay after a press (several can be chosen); the server's confirmation shows beneath them.
  const status = el('div', { className: 'notice-status', role: 'status' });
  const extra = el('div', { className: 'notice-extra' });
  const buttons = buttonsOf(notice.buttons, messageRef, () => extra, (result, button) => {
    if (result.error || result.replace || !result.notice || result.notice.buttons?.length) return false;
    button.setAttribute('aria-pressed', 'true');
    button.classList.add('chosen');
    status.innerHTML = result.notice.html;
    return true;
  });
  if (buttons) box.append(buttons, status, extra);
  const dismiss = el('button', { type: 'button', className: 'dismiss', text: t('web-dismiss') });
  dismiss.addEventListener('click', () => box.remove());
  box.append(dismiss);
  slot.replaceChildren(box);
  box.scrollIntoView({ block: 'nearest' });
}

function showError(slot, message) {
  showNotice(slot, { html: `<p>${escapeText(message)}</p>`, alert: true, buttons: [] });
}

function escapeText(text) {
  const span = document.createElement('span');
  span.textContent = text;
  return span.innerHTML;
}

// === Talking to the server ===================================================================================

async function post(path, body) {
  let response;
  if (!csrf) return { error: t('web-error-session') };
  try {
    response = await fetch(`/api/rooms/${encodeURIComponent(room)}/${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Pnyx-CSRF': csrf },
      body: JSON.stringify(body),
    });
  } catch {
    return { error: t('web-error-network') };
  }
  let json = null;
  try {
    json = await response.json();
  } catch {
    // not JSON: a proxy's error page
  }
  if (!response.ok) return { error: json?.error?.message ?? t('web-error-internal'), status: response.status };
  return json ?? {};
}

/** What the server answered to a click, a command or a form: a new menu page, a form to fill, a private notice. */
function showAnswer(slot, result, messageRef) {
  if (result.error) return showError(slot, result.error);
  // A settings page came back: if the room's language changed, the page reads in the new one.
  if (result.replace) void followRoomLanguage();
  if (result.form) return showForm(slot, result.form, messageRef, result.notice);
  if (result.replace) return showNotice(slot, { ...result.replace, alert: false, note: result.notice?.html }, messageRef);
  if (result.notice) showNotice(slot, result.notice, messageRef);
}

async function followRoomLanguage() {
  try {
    const info = await (await fetch(`/api/rooms/${encodeURIComponent(room)}/info`)).json();
    if (info.locale && info.locale !== locale) location.reload();
  } catch {
    // offline: the next visit shows it
  }
}

/** A small form in the person's own panel (the core's Form): sent back as a submit event. */
function showForm(slot, form, messageRef) {
  const box = el('form', { className: 'notice form' });
  box.append(el('p', { className: 'notice-label', text: t('web-notice-private') }), el('h3', { text: form.title }));
  const inputs = [];
  for (const field of form.fields) {
    const id = `form-${form.data.replace(/[^A-Za-z0-9]/g, '')}-${field.id}`;
    const input = field.style === 'paragraph' ? el('textarea', { id, rows: 4 }) : el('input', { id, type: 'text' });
    input.maxLength = field.maxLength;
    input.required = field.required;
    if (field.placeholder) input.placeholder = field.placeholder;
    if (field.value) input.value = field.value;
    inputs.push([field.id, input]);
    box.append(el('label', { for: id, text: field.label }), input);
  }
  const submit = el('button', { type: 'submit', className: 'action primary', text: form.submitLabel });
  const cancel = el('button', { type: 'button', className: 'dismiss', text: t('web-dismiss') });
  cancel.addEventListener('click', () => box.remove());
  box.append(el('div', { className: 'button-row' }, [submit, cancel]));
  box.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!requireName()) return;
    submit.disabled = true;
    try {
      const values = Object.fromEntries(inputs.map(([key, input]) => [key, input.value]));
      const result = await post('forms', { member: member(), data: form.data, values, ...(messageRef ? { messageRef } : {}) });
      showAnswer(slot, result, messageRef);
    } finally {
      if (submit.isConnected) submit.disabled = false;
    }
  });
  slot.replaceChildren(box);
  inputs[0]?.[1].focus();
}

async function act(data, messageRef, slot, button, onAnswer) {
  if (!requireName()) return;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    const result = await post('actions', { member: member(), data, ...(messageRef ? { messageRef } : {}) });
    if (result.selected && messageRef) {
      rememberChoice(messageRef, result.selected);
      const node = nodes.get(messageRef);
      if (node) markChoice(node, result.selected);
    }
    if (onAnswer?.(result, button)) return;
    showAnswer(slot, result, messageRef);
  } finally {
    if (button.isConnected) {
      button.disabled = false;
      button.removeAttribute('aria-busy');
    }
  }
}

// === Composer ==============================================================================================

let followUpRef = null;
let sending = null;

function startFollowUp(ref) {
  followUpRef = ref;
  els.followUp.hidden = false;
  els.prompt.focus();
}

function cancelFollowUp() {
  followUpRef = null;
  els.followUp.hidden = true;
}

function requireName() {
  if (me.name) return true;
  els.nameError.textContent = t('web-name-invalid');
  els.name.focus();
  return false;
}

/** Our own prompt reached the room: empty the box and let the person write again while the models answer. */
function ownPromptShown(message) {
  if (sending && !sending.shown && sending.text === message.text) promptAccepted(sending);
}

function promptAccepted(request) {
  request.shown = true;
  if (els.prompt.value === request.text) els.prompt.value = '';
  updateCount();
  if (request.replyTo && followUpRef === request.replyTo) cancelFollowUp();
  if (sending === request) idle();
}

function idle() {
  sending = null;
  els.send.textContent = t('web-send');
  updateCount();
}

async function submitPrompt() {
  if (sending || !requireName()) return;
  const text = els.prompt.value;
  if (text.trim().length > maxPromptChars) return;
  // The person just asked: show them the answer coming.
  following = true;
  els.composerNotice.replaceChildren();
  const request = { text, replyTo: followUpRef, shown: false };
  sending = request;
  els.send.disabled = true;
  els.send.textContent = t('web-sending');
  try {
    // Resolves when the engine is done with the prompt (the whole battle streamed), or at once with a refusal.
    const result = await post('messages', { member: member(), text, ...(request.replyTo ? { replyTo: request.replyTo } : {}) });
    if (result.error) showError(els.composerNotice, result.error);
    else {
      if (result.published && !request.shown) promptAccepted(request);
      // A command (/help, /settings) was carried out: it leaves the box like a sent prompt.
      if (result.command && els.prompt.value === text) {
        els.prompt.value = '';
        updateCount();
      }
      showAnswer(els.composerNotice, result);
    }
  } finally {
    if (sending === request) idle();
  }
}

/** The prompt's length against the one limit, counted here before anything is sent (the server says the same). */
function updateCount() {
  const length = els.prompt.value.trim().length;
  const over = length > maxPromptChars;
  els.promptCount.textContent = t('web-prompt-count', { count: length, max: maxPromptChars });
  els.promptCount.hidden = length < maxPromptChars * 0.8;
  els.promptCount.classList.toggle('over', over);
  els.send.disabled = over || Boolean(sending);
  els.prompt.setAttribute('aria-invalid', String(over));
}
els.prompt.addEventListener('input', updateCount);

els.composer.addEventListener('submit', (event) => {
  event.preventDefault();
  void submitPrompt();
});
els.prompt.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    void submitPrompt();
  }
});
els.cancelFollowUp.addEventListener('click', () => {
  cancelFollowUp();
  els.prompt.focus();
});
els.postLeaderboard.addEventListener('click', async () => {
  if (!requireName()) return;
  els.composerNotice.replaceChildren();
  const result = await post('commands', { member: member(), name: 'leaderboard', args: '' });
  showAnswer(els.composerNotice, result);
});

// === Name ==================================================================================================

els.nameForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const name = els.name.value.replace(/\s+/g, ' ').trim();
  if (name.length < 1 || name.length > 40) {
    els.nameError.textContent = t('web-name-invalid');
    els.name.focus();
    return;
  }
  els.nameSave.disabled = true;
  // The server cleans the name (invisible and direction-changing characters) and refuses one another member shows.
  const result = await post('join', { member: { name, locale } });
  els.nameSave.disabled = false;
  if (result.error) {
    els.nameError.textContent = result.error;
    els.name.focus();
    return;
  }
  els.nameError.textContent = '';
  const changed = result.name !== me.name;
  me.name = result.name;
  els.name.value = result.name;
  writeName(result.name);
  document.body.classList.add('named');
  els.nameSave.textContent = t('web-name-change');
  if (changed) connect();
  els.prompt.focus();
});

// === Live events ===========================================================================================

let source = null;

function connect() {
  source?.close();
  setConnection('connecting');
  const params = new URLSearchParams();
  if (me.name) params.set('name', me.name);
  if (lastEventId) params.set('lastEventId', lastEventId);
  source = new EventSource(`/api/rooms/${encodeURIComponent(room)}/events?${params}`);
  const track = (event) => {
    if (event.lastEventId) lastEventId = event.lastEventId;
  };
  source.addEventListener('open', () => setConnection('live'));
  source.addEventListener('error', () => {
    setConnection('lost');
    // EventSource retries by itself unless the server answered with an error status; then try again later.
    if (source.readyState === EventSource.CLOSED) setTimeout(connect, 3000);
  });
  source.addEventListener('hello', (event) => {
    // null: the name is held by another member (or no session); this page then only watches until it picks one.
    if (me.name && !JSON.parse(event.data).tag) document.body.classList.remove('named');
    setConnection('live');
  });
  source.addEventListener('snapshot', (event) => {
    track(event);
    resetMessages(JSON.parse(event.data).messages);
  });
  source.addEventListener('message', (event) => {
    track(event);
    // As in chat apps, "typing…" ends when the bot's message arrives.
    els.typing.textContent = '';
    addMessage(JSON.parse(event.data).message);
  });
  source.addEventListener('edit', (event) => {
    track(event);
    const { message } = JSON.parse(event.data);
    if (nodes.has(message.ref)) updateMessage(message);
    else addMessage(message);
  });
  source.addEventListener('delete', (event) => {
    track(event);
    removeMessage(JSON.parse(event.data).ref);
  });
  source.addEventListener('typing', showTyping);
  source.addEventListener('settings', () => void followRoomLanguage());
  source.addEventListener('presence', (event) => renderMembers(JSON.parse(event.data).members));
}

// === Start =================================================================================================

const saved = readName();
document.body.classList.add('ready');
if (saved) {
  els.name.value = saved;
  // Take the name again (the server may have restarted, or another member may hold it now).
  const result = await post('join', { member: { name: saved, locale } });
  if (!result.error) {
    me.name = result.name;
    els.name.value = result.name;
    els.nameSave.textContent = t('web-name-change');
    document.body.classList.add('named');
  } else {
    els.nameError.textContent = result.error;
  }
}
connect();
if (!me.name) els.name.focus();
