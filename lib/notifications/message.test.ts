import { describe, expect, it } from 'vitest';
import { testFinding } from '@/lib/findings/test-finding';
import { findingItems, incidentItems, jsonMessage, JSON_MAX_ITEMS, messageBody, slackEscape, slackMessage, SLACK_MAX_ITEMS, type MessageContext } from './message';
import type { NotifiableIncident } from './types';

const ctx = (baseUrl: string | null = 'https://trailscope.example.com'): MessageContext => ({
  baseUrl,
  webhook: { id: 'wh-0123456789abcdef', name: 'SOC <alerts> & co', minSeverity: 'High', kinds: ['findings', 'incidents'] },
  sentAt: '2026-11-18T10:00:00.000Z',
});

const stopLogging = testFinding('det-stop', { severity: 8, severityLabel: 'High', title: 'CloudTrail logging disabled: demo-trail-2', lastSeen: '2026-11-18T09:41:23Z' });
const root = testFinding('gd-root', {
  source: 'guardduty',
  type: 'Policy:IAMUser/RootCredentialUsage',
  severity: 9.5,
  severityLabel: 'Critical',
  title: 'Root <b>credentials</b> used & more',
  actor: { accessKeyId: null, principalId: '123456789012', arn: 'arn:aws:iam::123456789012:root', userName: 'Root', userType: 'Root', sessionId: null },
  lastSeen: '2026-11-18T08:00:00Z',
});

const incident: NotifiableIncident = {
  id: 'inc-sara-1',
  title: 'sara: logging stopped, then root used',
  severity: 'Critical',
  firstSeen: '2026-11-18T08:00:00Z',
  lastSeen: '2026-11-18T09:41:23Z',
  origin: 'sara via IAM Identity Center',
  findingIds: ['det-stop', 'gd-root'],
};

describe('JSON messages (version 1)', () => {
  it('has the documented envelope and items, most severe first, links under the public URL', () => {
    const message = jsonMessage({ kind: 'findings', reason: 'new', items: findingItems([stopLogging, root], ctx().baseUrl) }, ctx());
    expect(message).toEqual({
      version: 1,
      kind: 'findings',
      reason: 'new',
      sentAt: '2026-11-18T10:00:00.000Z',
      webhook: { id: 'wh-0123456789abcdef', name: 'SOC <alerts> & co' },
      baseUrl: 'https://trailscope.example.com',
      count: 2,
      omitted: 0,
      items: [
        {
          id: 'gd-root',
          url: 'https://trailscope.example.com/findings/gd-root',
          title: 'Root <b>credentials</b> used & more',
          severity: 9.5,
          severityLabel: 'Critical',
          type: 'Policy:IAMUser/RootCredentialUsage',
          source: 'guardduty',
          firstSeen: '2026-11-18T09:41:23Z',
          lastSeen: '2026-11-18T08:00:00Z',
          accountId: '123456789012',
          region: 'us-east-1',
          actor: { arn: 'arn:aws:iam::123456789012:root', principalId: '123456789012', userName: 'Root', sessionId: null, accessKeyId: null },
        },
        expect.objectContaining({ id: 'det-stop', url: 'https://trailscope.example.com/findings/det-stop', severityLabel: 'High', actor: expect.objectContaining({ sessionId: 'AROAEXAMPLE:sara' }) }),
      ],
    });
  });

  it('sends paths when there is no public URL, and says so', () => {
    const message = jsonMessage({ kind: 'findings', reason: 'reopened', items: findingItems([stopLogging], null) }, ctx(null));
    expect(message).toMatchObject({ reason: 'reopened', baseUrl: null, items: [{ url: '/findings/det-stop' }] });
  });

  it('describes incidents with their origin and findings; a label-only severity has no number', () => {
    const message = jsonMessage({ kind: 'incidents', reason: 'new', items: incidentItems([incident, { ...incident, id: 'inc/2', severity: 4.5, url: 'https://elsewhere.example/x' }], ctx().baseUrl) }, ctx());
    expect(message.items).toEqual([
      { id: 'inc-sara-1', url: 'https://trailscope.example.com/incidents/inc-sara-1', title: incident.title, severity: null, severityLabel: 'Critical', firstSeen: incident.firstSeen, lastSeen: incident.lastSeen, origin: 'sara via IAM Identity Center', findingIds: ['det-stop', 'gd-root'] },
      expect.objectContaining({ id: 'inc/2', url: 'https://elsewhere.example/x', severity: 4.5, severityLabel: 'Medium' }),
    ]);
  });

  it(`keeps the first ${JSON_MAX_ITEMS} items and counts the rest`, () => {
    const many = Array.from({ length: JSON_MAX_ITEMS + 7 }, (_, i) => testFinding(`det-${i}`));
    const message = jsonMessage({ kind: 'findings', reason: 'new', items: findingItems(many, null) }, ctx(null));
    expect(message).toMatchObject({ count: JSON_MAX_ITEMS + 7, omitted: 7 });
    expect(message.items).toHaveLength(JSON_MAX_ITEMS);
  });

  it('a test message has no items', () => {
    expect(JSON.parse(messageBody('json', { kind: 'test', reason: 'test', items: [] }, ctx()))).toMatchObject({ version: 1, kind: 'test', reason: 'test', count: 0, items: [] });
  });
});

describe('Slack messages', () => {
  it('escapes the three characters Slack reads as markup', () => {
    expect(slackEscape('<!channel> & <https://x|y>')).toBe('&lt;!channel&gt; &amp; &lt;https://x|y&gt;');
  });

  it('has a fallback text, a header, one section per finding (severity, linked title, actor, account, region, last seen) and a footer', () => {
    const message = slackMessage({ kind: 'findings', reason: 'new', items: findingItems([stopLogging, root], ctx().baseUrl) }, ctx());
    expect(message.text).toBe('2 new findings in Trailscope: Critical: Root &lt;b&gt;credentials&lt;/b&gt; used &amp; more; High: CloudTrail logging disabled: demo-trail-2');
    expect(message.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: '2 new findings in Trailscope' } },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text:
            '*Critical* (9.5) *<https://trailscope.example.com/findings/gd-root|Root &lt;b&gt;credentials&lt;/b&gt; used &amp; more>*\n' +
            'Actor `arn:aws:iam::123456789012:root` · account 123456789012 · us-east-1 · last seen 2026-11-18T08:00:00Z',
        },
      },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: '*High* (8) *<https://trailscope.example.com/findings/det-stop|CloudTrail logging disabled: demo-trail-2>*\nActor `AROAEXAMPLE:sara` · account 123456789012 · us-east-1 · last seen 2026-11-18T09:41:23Z',
        },
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Trailscope webhook “SOC &lt;alerts&gt; &amp; co” · 2026-11-18T10:00:00.000Z' }] },
    ]);
  });

  it('says a reopened finding fired again, and shows a path as code when there is no public URL', () => {
    const message = slackMessage({ kind: 'findings', reason: 'reopened', items: findingItems([stopLogging], null) }, ctx(null));
    expect(message.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: '1 finding reopened in Trailscope: fired again' } });
    expect(message.blocks[1]).toMatchObject({ text: { text: expect.stringMatching(/^\*High\* \(8\) \*CloudTrail logging disabled: demo-trail-2\* {2}`\/findings\/det-stop`\n/) as unknown } });
  });

  it(`lists ${SLACK_MAX_ITEMS} and links the rest to the list`, () => {
    const many = Array.from({ length: SLACK_MAX_ITEMS + 3 }, (_, i) => testFinding(`det-${String(i).padStart(2, '0')}`));
    const message = slackMessage({ kind: 'findings', reason: 'new', items: findingItems(many, ctx().baseUrl) }, ctx());
    expect(message.blocks.filter((b) => b.type === 'section')).toHaveLength(SLACK_MAX_ITEMS);
    expect(message.blocks.at(-2)).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: '…and 3 more: <https://trailscope.example.com/findings|open the list>' }] });
  });

  it('describes an incident by its origin, how many findings and its time span', () => {
    const message = slackMessage({ kind: 'incidents', reason: 'new', items: incidentItems([incident], ctx().baseUrl) }, ctx());
    expect(message.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: '1 new incident in Trailscope' } });
    expect(message.blocks[1]).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: '*Critical* *<https://trailscope.example.com/incidents/inc-sara-1|sara: logging stopped, then root used>*\nOrigin: sara via IAM Identity Center · 2 findings · 2026-11-18T08:00:00Z – 2026-11-18T09:41:23Z',
      },
    });
  });

  it('a test message says what the webhook will be told', () => {
    const message = JSON.parse(messageBody('slack', { kind: 'test', reason: 'test', items: [] }, ctx())) as ReturnType<typeof slackMessage>;
    expect(message.text).toBe('Trailscope test message: webhook “SOC &lt;alerts&gt; &amp; co” works');
    expect(message.blocks[1]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: 'This webhook works. It is told about new findings and incidents at *High* severity or above.' } });
  });

  it('cuts a header to Slack\'s 150 characters and titles to 200', () => {
    const long = testFinding('det-long', { title: 'x'.repeat(400) });
    const message = slackMessage({ kind: 'findings', reason: 'new', items: findingItems([long], null) }, ctx(null));
    const section = message.blocks[1] as { text: { text: string } };
    expect(section.text.text).toContain(`*${'x'.repeat(199)}…*`);
    expect(message.blocks.every((b) => b.type !== 'header' || b.text.text.length <= 150)).toBe(true);
  });
});
