/**
 * The shape of `data/attack-data.json`, shared by the generator (scripts/attack-data.ts, which
 * writes it) and techniques.ts (which reads it). Ids are ATT&CK external ids (T1078.004, TA0005);
 * tactics are referred to by their ATT&CK shortname (`defense-evasion`).
 */

/** The platforms of ATT&CK's Enterprise cloud matrix, as the STIX data names them since v16. */
export const CLOUD_PLATFORMS = ['IaaS', 'SaaS', 'Identity Provider', 'Office Suite'] as const;
export type CloudPlatform = (typeof CLOUD_PLATFORMS)[number];

export const SOURCE_KEYS = ['attack', 'ctid', 'traildiscover', 'stratus', 'sigma'] as const;
export type SourceKey = (typeof SOURCE_KEYS)[number];

export interface SourceRecord {
  name: string;
  /** owner/name on GitHub */
  repository: string;
  commit: string;
  /** The part of the repository read. */
  path: string;
  licence: string;
  /** A release or data version where the source has one (ATT&CK 18.1; the CTID mapping's ATT&CK version and date). */
  version?: string;
}

export interface TacticRecord {
  id: string;
  shortname: string;
  name: string;
}

export interface TechniqueRecord {
  id: string;
  name: string;
  /** Set on sub-techniques: "Valid Accounts" for T1078.004 "Cloud Accounts". */
  parentName?: string;
  /** Shortnames, in the matrix's tactic order. */
  tactics: string[];
  /** Only the cloud platforms among the technique's platforms. */
  platforms: CloudPlatform[];
  url: string;
}

/** Why an event carries a technique: one source's statement. */
export interface EventEvidence {
  source: 'attack' | 'traildiscover' | 'stratus' | 'sigma' | 'trailscope';
  /**
   * attack: the technique whose description names the API; traildiscover: the event's file
   * (CloudTrail/StopLogging); stratus: the attack technique id; sigma: the rule file's name;
   * trailscope: the event, for Trailscope's own mappings.
   */
  ref: string;
  /** Fields the source's rule also conditions on, beyond the event (e.g. `userAgent` for a tool's fingerprint). */
  when?: string[];
  /** Trailscope's own mappings: the one-line reason. */
  note?: string;
  /** Sigma: the rule's author, which the Detection Rule License asks to keep with what is based on the rule. */
  author?: string;
}

export interface EventTechniqueRecord {
  technique: string;
  evidence: EventEvidence[];
}

export interface AttackData {
  attackVersion: string;
  platforms: CloudPlatform[];
  sources: Record<SourceKey, SourceRecord>;
  /** Enterprise tactics in the matrix's order (left to right). */
  tactics: TacticRecord[];
  /** The cloud matrix's techniques and sub-techniques, sorted by id. */
  techniques: TechniqueRecord[];
  /** Revoked technique id → the catalogue technique that replaced it (chains followed). */
  revokedBy: Record<string, string>;
  /** GuardDuty finding type → technique ids, derived from the CTID mapping (see README). */
  guardDutyTypes: Record<string, string[]>;
  /** Techniques the CTID mapping gives GuardDuty as a whole without naming a finding type: not assignable to a type. */
  guardDutyCapabilityOnly: string[];
  /** Techniques the CTID mapping names for GuardDuty that are outside the cloud matrix (dropped from the types). */
  guardDutyOutsideCloudMatrix: string[];
  /** `eventSource:eventName` (or `*:eventName` where the source names no service) → techniques with evidence. */
  events: Record<string, EventTechniqueRecord[]>;
}
