import { FINDINGS_PATH, findingHref } from '@/lib/findings/params';
import { severityLabel, type SeverityLabel } from '@/lib/findings/types';
import type { NotifiableFinding, NotifiableIncident, NotifyReason, WebhookFormat, WebhookKind } from './types';

/**
 * The messages a webhook receives, built as plain data from what is announced: Slack's
 * incoming-webhook shape (a fallback `text` plus Block Kit `blocks`) or Trailscope's own JSON
 * (version 1, documented in README.md). Pure: the base URL and the time come in as arguments.
 */

export const INCIDENTS_PATH = '/incidents';
/** Findings or incidents listed one by one in a Slack message; the rest are counted with a link to the list. */
export const SLACK_MAX_ITEMS = 10;
/** Items in one JSON message; past it, `omitted` says how many were left out (a bulk import is not a page). */
export const JSON_MAX_ITEMS = 500;
// Slack's limits: a header's plain text 150 characters, a section's text 3000.
const SLACK_HEADER_MAX = 150;
const TITLE_MAX = 200;
const FALLBACK_MAX = 500;

export interface FindingItem {
  id: string;
  url: string;
  title: string;
  severity: number;
  severityLabel: SeverityLabel;
  type: string;
  source: string;
  firstSeen: string;
  lastSeen: string;
  accountId: string | null;
  region: string | null;
  actor: { arn: string | null; principalId: string | null; userName: string | null; sessionId: string | null; accessKeyId: string | null };
}

export interface IncidentItem {
  id: string;
  url: string;
  title: string;
  /** On GuardDuty's scale when the incident gave a number; null when it gave only a label. */
  severity: number | null;
  severityLabel: SeverityLabel;
  firstSeen: string;
  lastSeen: string;
  origin: string | null;
  findingIds: string[];
}

export type Announcement =
  | { kind: 'findings'; reason: NotifyReason; items: FindingItem[] }
  | { kind: 'incidents'; reason: 'new'; items: IncidentItem[] }
  | { kind: 'test'; reason: 'test'; items: [] };

export interface MessageContext {
  /** The app's public URL without a trailing slash; null sends paths. */
  baseUrl: string | null;
  webhook: { id: string; name: string; minSeverity: SeverityLabel; kinds: readonly WebhookKind[] };
  sentAt: string;
}

/** A path in the app made absolute under the public URL; an absolute URL (or no base) stays as it is. */
export function appUrl(pathOrUrl: string, baseUrl: string | null): string {
  return baseUrl && pathOrUrl.startsWith('/') ? `${baseUrl}${pathOrUrl}` : pathOrUrl;
}

const bySeverityThenRecent = <T extends { severityLabel: SeverityLabel; severity: number | null; lastSeen: string; id: string }>(a: T, b: T) =>
  (b.severity ?? labelRank(b.severityLabel)) - (a.severity ?? labelRank(a.severityLabel)) || b.lastSeen.localeCompare(a.lastSeen) || a.id.localeCompare(b.id);

/** A label's place on the 1–10 scale when no number came with it: the band's lower bound. */
function labelRank(label: SeverityLabel): number {
  return { Low: 1, Medium: 4, High: 7, Critical: 9 }[label];
}

export function findingItems(findings: readonly NotifiableFinding[], baseUrl: string | null): FindingItem[] {
  return findings
    .map((f) => ({
      id: f.id,
      url: appUrl(findingHref(f.id), baseUrl),
      title: f.title,
      severity: f.severity,
      severityLabel: severityLabel(f.severity),
      type: f.type,
      source: f.source,
      firstSeen: f.firstSeen,
      lastSeen: f.lastSeen,
      accountId: f.accountId,
      region: f.region,
      actor: {
        arn: f.actor.arn ?? null,
        principalId: f.actor.principalId ?? null,
        userName: f.actor.userName ?? null,
        sessionId: f.actor.sessionId ?? null,
        accessKeyId: f.actor.accessKeyId ?? null,
      },
    }))
    .sort(bySeverityThenRecent);
}

export function incidentItems(incidents: readonly NotifiableIncident[], baseUrl: string | null): IncidentItem[] {
  return incidents
    .map((i) => ({
      id: i.id,
      url: appUrl(i.url ?? `${INCIDENTS_PATH}/${encodeURIComponent(i.id)}`, baseUrl),
      title: i.title,
      severity: typeof i.severity === 'number' ? i.severity : null,
      severityLabel: typeof i.severity === 'number' ? severityLabel(i.severity) : i.severity,
      firstSeen: i.firstSeen,
      lastSeen: i.lastSeen,
      origin: i.origin,
      findingIds: [...i.findingIds],
    }))
    .sort(bySeverityThenRecent);
}

// ---------------------------------------------------------------------------------------------
// JSON (version 1)

export interface JsonMessage {
  version: 1;
  kind: WebhookKind | 'test';
  reason: NotifyReason | 'test';
  sentAt: string;
  webhook: { id: string; name: string };
  /** The app's public URL the item URLs are under; null when they are paths. */
  baseUrl: string | null;
  /** How many were announced; `items` holds the first JSON_MAX_ITEMS of them, `omitted` the rest's number. */
  count: number;
  omitted: number;
  items: FindingItem[] | IncidentItem[];
}

export function jsonMessage(announcement: Announcement, ctx: MessageContext): JsonMessage {
  const items = announcement.items.slice(0, JSON_MAX_ITEMS) as FindingItem[] | IncidentItem[];
  return {
    version: 1,
    kind: announcement.kind,
    reason: announcement.reason,
    sentAt: ctx.sentAt,
    webhook: { id: ctx.webhook.id, name: ctx.webhook.name },
    baseUrl: ctx.baseUrl,
    count: announcement.items.length,
    omitted: announcement.items.length - items.length,
    items,
  };
}

// ---------------------------------------------------------------------------------------------
// Slack (incoming webhook: https://docs.slack.dev/messaging/sending-messages-using-incoming-webhooks)

type SlackText = { type: 'plain_text'; text: string; emoji?: boolean } | { type: 'mrkdwn'; text: string };
export type SlackBlock = { type: 'header'; text: SlackText } | { type: 'section'; text: SlackText } | { type: 'context'; elements: SlackText[] } | { type: 'divider' };
export interface SlackMessage {
  /** Shown in notifications and where blocks cannot be; mrkdwn-escaped. */
  text: string;
  blocks: SlackBlock[];
}

/** Slack reads `&`, `<` and `>` as markup (`<!channel>` would ping everyone): every text from a finding is escaped. */
export function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A link when the URL is absolute; a bare path cannot be clicked in Slack, so it is shown as code after the title. */
function slackLink(url: string, label: string): string {
  const text = slackEscape(cut(label, TITLE_MAX));
  return /^https?:\/\//.test(url) ? `*<${slackEscape(url)}|${text}>*` : `*${text}*  \`${slackEscape(url)}\``;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

function headline(a: Announcement): string {
  const n = a.items.length;
  if (a.kind === 'test') return 'Trailscope test message';
  if (a.kind === 'incidents') return `${plural(n, 'new incident')} in Trailscope`;
  return a.reason === 'reopened' ? `${plural(n, 'finding')} reopened in Trailscope: fired again` : `${plural(n, 'new finding')} in Trailscope`;
}

function severityText(label: SeverityLabel, severity: number | null): string {
  return severity === null ? `*${label}*` : `*${label}* (${Number(severity.toFixed(1))})`;
}

function findingActor(f: FindingItem): string | null {
  return f.actor.arn ?? f.actor.sessionId ?? f.actor.userName ?? f.actor.principalId ?? f.actor.accessKeyId;
}

function findingSection(f: FindingItem): string {
  const actor = findingActor(f);
  const where = [actor ? `Actor \`${slackEscape(cut(actor, TITLE_MAX))}\`` : null, f.accountId ? `account ${f.accountId}` : null, f.region ? slackEscape(f.region) : null, `last seen ${f.lastSeen}`];
  return `${severityText(f.severityLabel, f.severity)} ${slackLink(f.url, f.title)}\n${where.filter((w) => w !== null).join(' · ')}`;
}

function incidentSection(i: IncidentItem): string {
  const facts = [i.origin ? `Origin: ${slackEscape(cut(i.origin, TITLE_MAX))}` : 'Origin unknown', plural(i.findingIds.length, 'finding'), `${i.firstSeen} – ${i.lastSeen}`];
  return `${severityText(i.severityLabel, i.severity)} ${slackLink(i.url, i.title)}\n${facts.join(' · ')}`;
}

export function slackMessage(a: Announcement, ctx: MessageContext): SlackMessage {
  const title = headline(a);
  const footer: SlackBlock = { type: 'context', elements: [{ type: 'mrkdwn', text: `Trailscope webhook “${slackEscape(ctx.webhook.name)}” · ${ctx.sentAt}` }] };
  if (a.kind === 'test') {
    const kinds = ctx.webhook.kinds.join(' and ') || 'nothing';
    const line = `This webhook works. It is told about new ${kinds} at *${ctx.webhook.minSeverity}* severity or above.`;
    return {
      text: slackEscape(`Trailscope test message: webhook “${ctx.webhook.name}” works`),
      blocks: [{ type: 'header', text: { type: 'plain_text', text: title } }, { type: 'section', text: { type: 'mrkdwn', text: line } }, footer],
    };
  }
  const shown = a.items.slice(0, SLACK_MAX_ITEMS);
  const sections: SlackBlock[] =
    a.kind === 'findings'
      ? (shown as FindingItem[]).map((f) => ({ type: 'section', text: { type: 'mrkdwn', text: findingSection(f) } }))
      : (shown as IncidentItem[]).map((i) => ({ type: 'section', text: { type: 'mrkdwn', text: incidentSection(i) } }));
  const rest = a.items.length - shown.length;
  const listUrl = appUrl(a.kind === 'findings' ? FINDINGS_PATH : INCIDENTS_PATH, ctx.baseUrl);
  const more: SlackBlock[] =
    rest > 0
      ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: `…and ${rest.toLocaleString('en-US')} more: ${/^https?:/.test(listUrl) ? `<${slackEscape(listUrl)}|open the list>` : `\`${listUrl}\``}` }] }]
      : [];
  const titles = a.items.map((item) => `${item.severityLabel}: ${item.title}`).join('; ');
  return {
    text: slackEscape(cut(`${title}: ${titles}`, FALLBACK_MAX)),
    blocks: [{ type: 'header', text: { type: 'plain_text', text: cut(title, SLACK_HEADER_MAX) } }, ...sections, ...more, footer],
  };
}

/** The request body a webhook of `format` receives. */
export function messageBody(format: WebhookFormat, announcement: Announcement, ctx: MessageContext): string {
  return JSON.stringify(format === 'slack' ? slackMessage(announcement, ctx) : jsonMessage(announcement, ctx));
}
