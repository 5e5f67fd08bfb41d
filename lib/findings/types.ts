/**
 * A finding: something an investigator should look at, from GuardDuty (imported) or from one of
 * Trailscope's own detections over the CloudTrail store. Both sources produce this one shape.
 */
export const FINDING_SOURCES = ['guardduty', 'detection'] as const;
export type FindingSource = (typeof FINDING_SOURCES)[number];

export const SEVERITY_LABELS = ['Low', 'Medium', 'High', 'Critical'] as const;
export type SeverityLabel = (typeof SEVERITY_LABELS)[number];

/** GuardDuty's bands: 1.0–3.9 Low, 4.0–6.9 Medium, 7.0–8.9 High, 9.0–10.0 Critical. */
export function severityLabel(severity: number): SeverityLabel {
  if (severity >= 9) return 'Critical';
  if (severity >= 7) return 'High';
  if (severity >= 4) return 'Medium';
  return 'Low';
}

/** Who did it, as the finding names them; the finding profile resolves this to the origin identity. */
export interface FindingActor {
  accessKeyId: string | null;
  principalId: string | null;
  arn: string | null;
  userName: string | null;
  /** GuardDuty's userType (`AssumedRole`, `IAMUser`, `Root`, …) or CloudTrail's userIdentity.type. */
  userType: string | null;
  /** The role session (`AROA…:name`) when the actor is one. */
  sessionId: string | null;
}

export interface FindingResource {
  /** e.g. `AccessKey`, `Instance`, `S3Bucket`, `Trail`, `IAMRole`, `IAMUser`, `Account`. */
  type: string;
  /** The resource's ARN or name. */
  id: string;
}

export interface Finding {
  /** Stable: GuardDuty's own id (`gd-…`), or a hash of the detection rule and what it keyed on (`det-…`). */
  id: string;
  source: FindingSource;
  /** GuardDuty's type (`Stealth:IAMUser/CloudTrailLoggingDisabled`) or the detection's (`Trailscope:CloudTrail/LoggingDisabled`). */
  type: string;
  severity: number;
  severityLabel: SeverityLabel;
  title: string;
  description: string;
  firstSeen: string;
  lastSeen: string;
  accountId: string | null;
  region: string | null;
  actor: FindingActor;
  resources: FindingResource[];
  /** CloudTrail eventIDs behind it (detections always; GuardDuty when it names them). */
  evidenceEventIds: string[];
  /** The detection rule id, for detections. */
  rule: string | null;
  /** How many times it happened (GuardDuty's Service.Count; the evidence count for detections). */
  count: number;
}
