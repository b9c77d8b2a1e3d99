// The playground page: one room of a group chat. Messages arrive over Server-Sent Events; clicks become JSON
// requests. Model output arrives as HTML the server rendered with markdown-it (raw HTML off); everything typed by
// people (names, prompts) is only ever set with textContent.
const boot = JSON.parse(document.getElementById('pnyx-boot').textContent);
const { room, locale, strings } = boot;

/** A catalog string, formatted by the server (bots/web/page.ts lists the ones this script uses). */
function t(id) {
  return strings[id] ?? id;
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
};

// === Who am I =============================================================================================
// Member ids live in localStorage so a person stays the same member across visits; each open tab holds a Web Lock
// on its id, so a second tab picks (or creates) another id and joins as another member, as in a real group chat.

const IDS_KEY = 'pnyx.members';
const NAMES_KEY = 'pnyx.names';

function randomId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function readJson(key, fallback) {
  try {
    const value = JSON.parse(localStorage.getItem(key) ?? 'null');
    return value ?? fallback;
  } catch {
    return fallback;
  }
}

function writeJson(key, value) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Private mode or full storage: the page still works for this visit.
  }
}

async function claimMemberId() {
  const known = readJson(IDS_KEY, []).filter((id) => typeof id === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(id));
  if (!navigator.locks) return known[0] ?? remember(randomId());
  for (const id of known) {
    if (await tryHold(id)) return id;
  }
  const id = randomId();
  await tryHold(id);
  return remember(id);

  function remember(id) {
    const ids = readJson(IDS_KEY, []);
    if (!ids.includes(id)) writeJson(IDS_KEY, [...ids, id].slice(-20));
    return id;
  }
}

/** Holds a lock named after the id for the life of the tab; false when another tab holds it. */
function tryHold(id) {
  return new Promise((resolve) => {
    navigator.locks
      .request(`pnyx-member-${id}`, { ifAvailable: true }, (lock) => {
        resolve(Boolean(lock));
        return lock ? new Promise(() => {}) : undefined;
      })
      .catch(() => resolve(false));
  });
}

const me = { id: '', name: '', tag: '' };

function member() {
  return { id: me.id, name: me.name, locale };
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

function buttonsOf(rows, messageRef, slotFor) {
  if (!rows || rows.length === 0) return null;
  const wrap = el('div', { className: 'buttons' });
  for (const row of rows) {
    const group = el('div', { className: 'button-row', role: 'group' });
    for (const button of row) {
      const b = el('button', { type: 'button', className: `action ${button.style ?? ''}`.trim(), text: button.label });
      b.addEventListener('click', () => act(button.data, messageRef, slotFor(), b));
      group.append(b);
    }
    wrap.append(group);
  }
  return wrap;
}

function fillBot(node, message) {
  const body = node.querySelector('.body');
  // Server-rendered by markdown-it with html: false (see bots/web/render.ts).
  body.innerHTML = message.html ?? '';
  node.querySelector('.buttons')?.remove();
  node.querySelector('.image')?.remove();
  if (message.image) {
    body.after(el('img', { className: 'image', src: message.image.src, alt: message.image.alt }));
  }
  const buttons = buttonsOf(message.buttons, message.ref, () => privateSlot(node));
  if (buttons) node.querySelector(':scope > .private').before(buttons);
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
      el('span', { className: 'author', text: message.author?.name ?? '?' }),
      mine ? el('span', { className: 'you', text: `(${t('web-you')})` }) : null,
      timeOf(message),
    ]),
    el('p', { className: 'text', text: message.text ?? '' }),
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
}

function renderMembers(list) {
  els.members.replaceChildren();
  for (const m of list) {
    const li = el('li', {}, [el('span', { text: m.name })]);
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
  const buttons = buttonsOf(notice.buttons, messageRef, () => slot);
  if (buttons) box.append(buttons);
  const dismiss = el('button', { type: 'button', className: 'dismiss', text: t('web-dismiss') });
  dismiss.addEventListener('click', () => box.remove());
  box.append(dismiss);
  slot.replaceChildren(box);
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
  try {
    response = await fetch(`/api/rooms/${encodeURIComponent(room)}/${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': locale },
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
  if (!response.ok) return { error: json?.error?.message ?? t('web-error-internal') };
  return json ?? {};
}

/** What the server answered to a click, a command or a form: a new menu page, a form to fill, a private notice. */
function showAnswer(slot, result, messageRef) {
  if (result.error) return showError(slot, result.error);
  if (result.form) return showForm(slot, result.form, messageRef, result.notice);
  if (result.replace) return showNotice(slot, { ...result.replace, alert: false, note: result.notice?.html }, messageRef);
  if (result.notice) showNotice(slot, result.notice, messageRef);
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

async function act(data, messageRef, slot, button) {
  if (!requireName()) return;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    const result = await post('actions', { member: member(), data, ...(messageRef ? { messageRef } : {}) });
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
  if (request.replyTo && followUpRef === request.replyTo) cancelFollowUp();
  if (sending === request) idle();
}

function idle() {
  sending = null;
  els.send.disabled = false;
  els.send.textContent = t('web-send');
}

async function submitPrompt() {
  if (sending || !requireName()) return;
  const text = els.prompt.value;
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
      showAnswer(els.composerNotice, result);
    }
  } finally {
    if (sending === request) idle();
  }
}

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

function saveName(name) {
  const names = readJson(NAMES_KEY, {});
  names[me.id] = name;
  writeJson(NAMES_KEY, names);
}

els.nameForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const name = els.name.value.replace(/\s+/g, ' ').trim();
  if (name.length < 1 || name.length > 40) {
    els.nameError.textContent = t('web-name-invalid');
    els.name.focus();
    return;
  }
  els.nameError.textContent = '';
  const changed = name !== me.name;
  me.name = name;
  saveName(name);
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
  const params = new URLSearchParams({ member: me.id });
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
    me.tag = JSON.parse(event.data).tag ?? '';
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
  source.addEventListener('presence', (event) => renderMembers(JSON.parse(event.data).members));
}

// === Start =================================================================================================

me.id = await claimMemberId();
me.name = readJson(NAMES_KEY, {})[me.id] ?? '';
if (me.name) {
  els.name.value = me.name;
  els.nameSave.textContent = t('web-name-change');
  document.body.classList.add('named');
}
document.body.dataset.member = me.id;
document.body.classList.add('ready');
connect();
if (!me.name) els.name.focus();
