// Block Kit as Slack checks it: the fake's validator (test/fakes/slack/blocks.ts, Slack's own limits and errors) is the
// oracle for what the port will send.
import { describe, expect, it } from 'vitest';
import { encodeAction } from '../../core/engine/actions';
import { checkBlocks } from '../../test/fakes/slack';
import { scanBlocks, scanMrkdwn } from '../../test/fakes/slack/blocks';
import { buttonBlocks, clipEscaped, escapeMrkdwn, FALLBACK_CHARS, formView, messageContent, plainContent } from './blocks';

const ballot = [
  [
    { label: '👈 A is better', data: encodeAction({ kind: 'vote', token: 'Tok123abc', choice: 'a' }), style: 'primary' as const },
    { label: '👉 B is better', data: encodeAction({ kind: 'vote', token: 'Tok123abc', choice: 'b' }), style: 'primary' as const },
  ],
  [
    { label: '🤝 Tie', data: encodeAction({ kind: 'vote', token: 'Tok123abc', choice: 'tie' }), style: 'secondary' as const },
    { label: '👎 Both are bad', data: encodeAction({ kind: 'vote', token: 'Tok123abc', choice: 'both_bad' }), style: 'danger' as const },
  ],
];

describe('messageContent', () => {
  it('builds blocks Slack accepts, the buttons carrying the core data in value and action_id', () => {
    const content = messageContent({ text: '**Which reply is better?**\n🗳️ No votes yet.', buttons: ballot });
    const verdict = checkBlocks(content.blocks);
    expect(verdict.ok, JSON.stringify(verdict)).toBe(true);
    const actions = content.blocks.filter((b) => b.type === 'actions') as Array<{ elements: Array<{ value: string; action_id: string; style?: string }> }>;
    expect(actions.map((a) => a.elements.map((e) => e.value))).toEqual(ballot.map((row) => row.map((b) => b.data)));
    expect(actions.flatMap((a) => a.elements.map((e) => e.action_id))).toEqual(ballot.flat().map((b) => `pnyx:${b.data}`));
    expect(actions.flatMap((a) => a.elements.map((e) => e.style ?? null))).toEqual(['primary', 'primary', null, 'danger']);
    expect(content.text).toBe('Which reply is better?\n🗳️ No votes yet.');
  });

  it('takes the longest part the core sends (6,000 characters) in blocks of at most 3,000', () => {
    const content = messageContent({ text: `${'lorem ipsum '.repeat(499)}end.`.slice(0, 5984) });
    expect(checkBlocks(content.blocks).ok).toBe(true);
    expect(content.blocks.length).toBeLessThanOrEqual(3);
  });

  it('lets no markup of a hostile reply reach Slack: no pings, no control sequences, an escaped notification text', () => {
    const hostile = 'Hey <!channel> <!here> <@U0PNYXBOT1> @here @everyone & a < b > c <https://evil.example|click> *bold';
    const content = messageContent({ text: hostile });
    expect(checkBlocks(content.blocks).ok).toBe(true);
    expect(scanBlocks(content.blocks)).toEqual({ mentions: [], problems: [] });
    // The text Slack parses as mrkdwn for notifications: escaped, and plain @here made inert (even with link_names).
    expect(scanMrkdwn(content.text, 'text', true)).toEqual({ mentions: [], problems: [] });
    expect(content.text).toContain('&lt;!channel&gt;');
  });

  it('clips the notification text under the chat.update limit, never inside an entity', () => {
    const content = messageContent({ text: '&'.repeat(6000) });
    expect(content.text.length).toBeLessThanOrEqual(FALLBACK_CHARS);
    expect(content.text).toMatch(/^(&amp;)+…$/);
    expect(clipEscaped(escapeMrkdwn('ab<cd'), 5)).toBe('ab…');
  });

  it('shows an ellipsis for a message with no words', () => {
    const content = messageContent({ text: '   ' });
    expect(checkBlocks(content.blocks).ok).toBe(true);
    expect(content.text).toBe('…');
  });

  it('lays out a settings menu page (eight rows of up to five) within Slack\'s limits', () => {
    const rows = Array.from({ length: 8 }, (_, r) => Array.from({ length: 5 }, (_, i) => ({ label: `• A rather long label for option ${r}-${i} that goes on and on •`, data: `s:m:${r * 5 + i}` })));
    const content = messageContent({ text: 'Arena settings', buttons: rows });
    expect(checkBlocks(content.blocks).ok).toBe(true);
    expect(buttonBlocks(rows).every((b) => (b.elements as Array<{ text: { text: string } }>).every((e) => e.text.text.length <= 75))).toBe(true);
  });
});

describe('plainContent', () => {
  it('says the same words with no formatting at all', () => {
    const content = plainContent({ text: '**bold** <!channel>', buttons: ballot });
    expect(checkBlocks(content.blocks).ok).toBe(true);
    expect(content.blocks[0]).toEqual({ type: 'section', text: { type: 'plain_text', text: '**bold** <!channel>', emoji: false } });
    expect(scanBlocks(content.blocks).mentions).toEqual([]);
  });
});

describe('formView', () => {
  it('makes a modal of a core form, within Slack\'s modal limits, remembering where it was opened', () => {
    const view = formView(
      {
        data: 'f:y:Tok123abc',
        title: 'Why this vote? A title longer than Slack allows',
        submitLabel: 'Send',
        fields: [{ id: 'comment', label: 'What made the difference?', style: 'paragraph', required: true, maxLength: 1000, placeholder: 'e.g. B answered' }],
      },
      { d: 'f:y:Tok123abc', c: 'C123', t: '1700000000.000100', k: 'g' },
    ) as { title: { text: string }; private_metadata: string; blocks: unknown[] };
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(JSON.parse(view.private_metadata)).toEqual({ d: 'f:y:Tok123abc', c: 'C123', t: '1700000000.000100', k: 'g' });
    expect(view.blocks).toEqual([
      {
        type: 'input',
        block_id: 'comment',
        optional: false,
        label: { type: 'plain_text', text: 'What made the difference?' },
        element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: 1000, placeholder: { type: 'plain_text', text: 'e.g. B answered' } },
      },
    ]);
    expect(checkBlocks(view.blocks, 'modal').ok).toBe(true);
  });
});
