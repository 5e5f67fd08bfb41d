import { z } from '@/lib/zod';

/**
 * The Center for Threat-Informed Defense's Mappings Explorer maps AWS services to ATT&CK per
 * capability: Amazon GuardDuty as a whole gets a list of techniques, and each mapping's comment
 * names the finding types behind it ("…CloudTrailLoggingDisabled, Stealth:IAMUser/…"). A per-type
 * mapping is derived from exactly that:
 *
 * 1. a finding type named in a mapping's comment gets that mapping's technique;
 * 2. a sub-technique whose comment names no type ("Listed findings above flag…") gets its parent
 *    technique's named types, which is what such comments refer to;
 * 3. a technique that names no type and has no parent that does is kept apart
 *    (`capabilityOnly`): nothing ties it to one finding type.
 */

const mappingFile = z.object({
  metadata: z.object({ attack_version: z.string(), mapping_framework_version: z.string() }),
  mapping_objects: z.array(
    z.object({
      capability_id: z.string(),
      attack_object_id: z.string().nullable(),
      mapping_type: z.string(),
      comments: z.string().nullable().optional(),
      status: z.string().optional(),
    }),
  ),
});

export const GUARDDUTY_CAPABILITY = 'amazon_guardduty';

/** ThreatPurpose:ResourceTypeAffected/ThreatFamilyName.DetectionMechanism!Artifact, as GuardDuty names its types. */
const FINDING_TYPE = /\b[A-Z][A-Za-z]+:[A-Za-z0-9]+\/[A-Za-z0-9&]+(?:\.[A-Za-z0-9]+)*(?:![A-Za-z]+)?/g;

export interface CtidGuardDuty {
  attackVersion: string;
  /** The mapping's own date (mapping_framework_version), e.g. 12/12/2024. */
  mappingDate: string;
  /** Finding type → technique ids as the mapping gives them (not yet checked against a catalogue). */
  types: Map<string, Set<string>>;
  capabilityOnly: string[];
}

export function findingTypesIn(text: string): string[] {
  return [...new Set(text.match(FINDING_TYPE) ?? [])];
}

export function buildCtidGuardDuty(file: unknown): CtidGuardDuty {
  const parsed = mappingFile.parse(file);
  const rows = parsed.mapping_objects.filter(
    (m) => m.capability_id === GUARDDUTY_CAPABILITY && m.mapping_type === 'technique_scores' && m.attack_object_id && m.status !== 'non_mappable',
  );
  if (rows.length === 0) throw new Error(`no ${GUARDDUTY_CAPABILITY} mappings in this file`);
  const named = new Map<string, string[]>();
  for (const row of rows) {
    const id = row.attack_object_id!;
    named.set(id, [...new Set([...(named.get(id) ?? []), ...findingTypesIn(row.comments ?? '')])]);
  }
  const types = new Map<string, Set<string>>();
  const capabilityOnly: string[] = [];
  for (const [id, own] of [...named].sort(([a], [b]) => a.localeCompare(b))) {
    const parent = id.includes('.') ? named.get(id.split('.')[0]!) ?? [] : [];
    const findingTypes = own.length > 0 ? own : parent;
    if (findingTypes.length === 0) capabilityOnly.push(id);
    for (const t of findingTypes) types.set(t, (types.get(t) ?? new Set<string>()).add(id));
  }
  return { attackVersion: parsed.metadata.attack_version, mappingDate: parsed.metadata.mapping_framework_version, types, capabilityOnly };
}
