// Rendering the core's messages for Discord: nothing pings, nothing Discord refuses, nothing the core said is lost.
import { ButtonStyle, ComponentType, MessageFlags } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { encodeAction } from '../../core/engine/actions';
import { messageBody, modalBody, neutraliseMentions, renderContent, renderRows } from './render';

describe('text', () => {
  it('neutralises mass mentions and mention syntax without changing the length', () => {
    const text = 'Hey @everyone and @here, ping <@123456789012345678> <@!123456789012345678> <@&987654321098765432> but not user@example.org';
    const safe = neutraliseMentions(text);
    expect(safe).not.toMatch(/@everyone|@here|<@\d|<@!|<@&/);
    expect(safe).toContain('user@example.org');
    expect(safe.length).toBe(text.length);
    expect(safe).toContain('＠everyone');
  });

  it('keeps Discord Markdown (bold, code fences) as it is', () => {
    const text = '**Model A**\n\n```js\nconst a = b * c;\n```\n_Thinking…_ and `code`';
    expect(renderContent({ text })).toBe(text);
  });

  it('never sends empty or over-long content', () => {
    expect(renderContent({ text: '  ' })).toBe('…');
    const long = renderContent({ text: 'x'.repeat(2500) });
    expect(long.length).toBe(2000);
    expect(long.endsWith('…')).toBe(true);
  });

  it('suppresses link previews, allows no mentions, and marks notices ephemeral', () => {
    const body = messageBody({ text: 'see https://example.org' }, { ephemeral: true });
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(body.flags! & MessageFlags.SuppressEmbeds).toBe(MessageFlags.SuppressEmbeds);
    expect(body.flags! & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(messageBody({ text: 'x' }).flags! & MessageFlags.Ephemeral).toBe(0);
  });
});

describe('buttons', () => {
  const vote = (choice: 'a' | 'b' | 'tie' | 'both_bad') => ({ label: choice, data: encodeAction({ kind: 'vote', token: 'AbCdEf1234', choice }), style: 'primary' as const });

  it('carries the core payload verbatim as custom_id, with Discord styles', () => {
    const rows = renderRows([[vote('a'), vote('b')], [{ ...vote('tie'), style: 'secondary' }, { ...vote('both_bad'), style: 'danger' }]]);
    expect(rows).toHaveLength(2);
    expect(rows[0]!.type).toBe(ComponentType.ActionRow);
    expect(rows.flatMap((r) => r.components.map((c) => c.custom_id))).toEqual(['v:AbCdEf1234:a', 'v:AbCdEf1234:b', 'v:AbCdEf1234:t', 'v:AbCdEf1234:x']);
    expect(rows[1]!.components.map((c) => c.style)).toEqual([ButtonStyle.Secondary, ButtonStyle.Danger]);
  });

  it('wraps rows past five, and drops (and reports) what Discord would refuse instead of losing the message', () => {
    const dropped: string[] = [];
    const many = Array.from({ length: 7 }, (_, i) => ({ label: `b${i}`, data: `s:k:${i}` }));
    const rows = renderRows([many, [{ label: 'long', data: 'x'.repeat(101) }, { label: 'again', data: 's:k:0' }]], (d) => dropped.push(d.reason));
    expect(rows.map((r) => r.components.length)).toEqual([5, 2]);
    expect(dropped).toEqual(['custom_id too long', 'duplicate custom_id']);
    const tooMany = renderRows(Array.from({ length: 7 }, (_, i) => [{ label: `r${i}`, data: `s:r:${i}` }]), (d) => dropped.push(d.reason));
    expect(tooMany).toHaveLength(5);
    expect(dropped.filter((d) => d === 'too many rows')).toHaveLength(2);
  });

  it('shortens labels past 80 characters', () => {
    const [row] = renderRows([[{ label: 'y'.repeat(100), data: 'x' }]]);
    expect(row!.components[0]!.label).toHaveLength(80);
  });
});

describe('forms', () => {
  it('opens the core\'s form as a modal with labelled text inputs, shortening what Discord caps at 45', () => {
    const modal = modalBody({
      data: 'f:y:AbCdEf1234',
      title: 'Why this vote? A title that goes on and on past the limit',
      fields: [{ id: 'comment', label: 'What made the difference? (optional, stored with your vote)', style: 'paragraph', required: true, maxLength: 1000, placeholder: 'e.g. B answered' }],
      submitLabel: 'Save',
    });
    expect(modal.custom_id).toBe('f:y:AbCdEf1234');
    expect(modal.title.length).toBeLessThanOrEqual(45);
    const [label] = modal.components;
    expect(label!.type).toBe(ComponentType.Label);
    expect(label!.label.length).toBeLessThanOrEqual(45);
    // Nothing lost: the whole label reads as the description.
    expect(label!.description).toBe('What made the difference? (optional, stored with your vote)');
    expect(label!.component).toMatchObject({ type: ComponentType.TextInput, custom_id: 'comment', required: true, max_length: 1000, placeholder: 'e.g. B answered' });
  });
});
