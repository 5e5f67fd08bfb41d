/**
 * Pure: the EC2-instance-credentials rule over instanceSessionSources rows and what the enricher
 * says of their addresses. A session counts as an instance profile's when EC2 issued its key, the
 * call carries ec2RoleDelivery, or it is named like an instance id; an address counts as outside
 * AWS when it is public and not in Amazon's autonomous systems.
 */
import type { SourceInfo } from '@/lib/enrichment/types';
import { severityLabel, type Finding } from '@/lib/findings/types';
import type { InstanceSessionSourceRow } from './queries/instance-sessions';
import { AMAZON_ASNS, ruleById } from './rules';
import { actorOf, detectionFindingId } from './to-findings';

const INSTANCE_ID = /^i-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;

/** Whether an address is Amazon's, by the bundled ASN data. */
export function isAmazonAddress(info: SourceInfo | undefined): boolean {
  const asn = info?.asn;
  if (!asn) return false;
  return (AMAZON_ASNS as readonly number[]).includes(asn.asn) || /^amazon/i.test(asn.organization ?? '');
}

function instanceBasis(r: InstanceSessionSourceRow): string | null {
  if (r.issued_by_ec2 > 0) return 'its key was issued by an AssumeRole that ec2.amazonaws.com made';
  if (r.ec2_role_delivery) return `its calls carry ec2RoleDelivery ${r.ec2_role_delivery}`;
  const session = r.principal_key.slice(r.principal_key.indexOf(':') + 1);
  return INSTANCE_ID.test(session) ? `it is named like an instance (${session})` : null;
}

const place = (info: SourceInfo | undefined) => {
  const geo = info?.geo;
  const where = geo ? [geo.city, geo.country].filter(Boolean).join(', ') : '';
  const net = info?.asn ? `AS${info.asn.asn}${info.asn.organization ? ` ${info.asn.organization}` : ''}` : 'unknown network';
  return where ? `${where}; ${net}` : net;
};

export function instanceCredentialFindings(rows: readonly InstanceSessionSourceRow[], infos: ReadonlyMap<string, SourceInfo>): Finding[] {
  const rule = ruleById('ec2-instance-credentials-outside-aws');
  const outside = rows.filter((r) => {
    const info = infos.get(r.source_ip);
    return info?.kind === 'public-ip' && !isAmazonAddress(info) && instanceBasis(r) !== null;
  });
  const bySession = new Map<string, InstanceSessionSourceRow[]>();
  for (const r of outside) bySession.set(r.principal_key, [...(bySession.get(r.principal_key) ?? []), r]);
  return [...bySession].map(([session, own]) => {
    const latest = [...own].sort((a, b) => a.last_seen.localeCompare(b.last_seen)).at(-1)!;
    const first = own.map((r) => r.first_seen).sort()[0]!;
    const calls = own.reduce((n, r) => n + r.events, 0);
    const apis = [...new Set(own.flatMap((r) => r.event_names))].sort();
    const basis = instanceBasis(own.find((r) => r.issued_by_ec2 > 0) ?? latest)!;
    const label = latest.actor_arn ?? session;
    return {
      id: detectionFindingId(rule.id, [session]),
      source: 'detection',
      type: rule.type,
      severity: rule.severity,
      severityLabel: severityLabel(rule.severity),
      title: `EC2 instance credentials used outside AWS: ${label.split('/').slice(-2).join('/')}`,
      description: `${label} is an instance profile's session (${basis}), yet ${calls} of its calls came from outside AWS: ${own
        .map((r) => `${r.source_ip} (${place(infos.get(r.source_ip))})`)
        .join(', ')}, not through a VPC endpoint, between ${first} and ${latest.last_seen}. Calls: ${apis.slice(0, 12).join(', ')}${apis.length > 12 ? ', …' : ''}.`,
      firstSeen: first,
      lastSeen: latest.last_seen,
      accountId: latest.account_id,
      region: latest.aws_region,
      actor: actorOf({ ...latest, actor_principal_id: session }),
      resources: own.map((r) => ({ type: 'IPAddress', id: r.source_ip })),
      evidenceEventIds: [...new Set(own.flatMap((r) => r.event_ids))].sort().slice(0, 1000),
      rule: rule.id,
      count: calls,
    } satisfies Finding;
  });
}
