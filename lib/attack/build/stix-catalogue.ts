import { z } from '@/lib/zod';
import { CLOUD_PLATFORMS, type CloudPlatform, type TacticRecord, type TechniqueRecord } from '../data-shape';

/**
 * ATT&CK's Enterprise STIX objects → the cloud matrix catalogue. Reads either form MITRE publishes
 * (attack-stix-data's STIX 2.1 bundle, or mitre/cti's STIX 2.0 objects): both carry the same
 * fields used here. Revoked and deprecated objects are skipped; a revoked technique only feeds
 * `revokedBy`, so ids from mappings made against older releases can be carried forward.
 */

const externalReference = z.object({ source_name: z.string(), external_id: z.string().optional() });
const baseObject = z.object({
  type: z.string(),
  id: z.string(),
  revoked: z.boolean().optional(),
  x_mitre_deprecated: z.boolean().optional(),
});
const attackPattern = baseObject.extend({
  name: z.string(),
  description: z.string().optional(),
  external_references: z.array(externalReference),
  kill_chain_phases: z.array(z.object({ kill_chain_name: z.string(), phase_name: z.string() })).optional(),
  x_mitre_platforms: z.array(z.string()).optional(),
});
const tactic = baseObject.extend({ name: z.string(), x_mitre_shortname: z.string(), external_references: z.array(externalReference) });
const matrix = baseObject.extend({ name: z.string(), tactic_refs: z.array(z.string()) });
const relationship = baseObject.extend({ relationship_type: z.string(), source_ref: z.string(), target_ref: z.string() });
const collection = baseObject.extend({ x_mitre_version: z.string() });

export interface StixCatalogue {
  /** The collection's version where the input carries one (the STIX 2.1 bundle does; mitre/cti does not). */
  version: string | null;
  tactics: TacticRecord[];
  techniques: TechniqueRecord[];
  revokedBy: Record<string, string>;
  /** Each catalogue technique's description, for the event names it cites (never stored). */
  descriptions: Map<string, string>;
}

const attackId = (refs: z.infer<typeof externalReference>[]) => refs.find((r) => r.source_name === 'mitre-attack')?.external_id;
const isCurrent = (o: z.infer<typeof baseObject>) => o.revoked !== true && o.x_mitre_deprecated !== true;

export function techniqueUrl(id: string): string {
  return `https://attack.mitre.org/techniques/${id.replace('.', '/')}/`;
}

function parseAll<T extends z.ZodType>(objects: readonly unknown[], type: string, schema: T): z.infer<T>[] {
  return objects.flatMap((o) => {
    if (typeof o !== 'object' || o === null || (o as { type?: unknown }).type !== type) return [];
    const parsed = schema.safeParse(o);
    if (!parsed.success) throw new Error(`${type} ${(o as { id?: unknown }).id}: ${parsed.error.message}`);
    return [parsed.data];
  });
}

export function buildStixCatalogue(objects: readonly unknown[]): StixCatalogue {
  const tactics = parseAll(objects, 'x-mitre-tactic', tactic).filter(isCurrent);
  const enterprise = parseAll(objects, 'x-mitre-matrix', matrix).filter(isCurrent);
  if (enterprise.length !== 1) throw new Error(`expected one current x-mitre-matrix, found ${enterprise.length}`);
  const tacticById = new Map(tactics.map((t) => [t.id, t]));
  const orderedTactics: TacticRecord[] = enterprise[0]!.tactic_refs.map((ref) => {
    const t = tacticById.get(ref);
    const id = t && attackId(t.external_references);
    if (!t || !id) throw new Error(`the matrix names tactic ${ref}, which is missing or has no ATT&CK id`);
    return { id, shortname: t.x_mitre_shortname, name: t.name };
  });
  const tacticRank = new Map(orderedTactics.map((t, i) => [t.shortname, i]));

  const patterns = parseAll(objects, 'attack-pattern', attackPattern);
  const current = patterns.filter(isCurrent);
  const seenPlatforms = new Set(current.flatMap((p) => p.x_mitre_platforms ?? []));
  const missing = CLOUD_PLATFORMS.filter((p) => !seenPlatforms.has(p));
  // A release that renames a platform (as v16 did: Azure AD → Identity Provider) must not silently shrink the catalogue.
  if (missing.length > 0) throw new Error(`no technique names platform(s) ${missing.join(', ')}; update CLOUD_PLATFORMS`);

  const nameById = new Map(current.flatMap((p) => (attackId(p.external_references) ? [[attackId(p.external_references)!, p.name] as const] : [])));
  const techniques: TechniqueRecord[] = [];
  const descriptions = new Map<string, string>();
  for (const p of current) {
    const id = attackId(p.external_references);
    const platforms = CLOUD_PLATFORMS.filter((c): c is CloudPlatform => (p.x_mitre_platforms ?? []).includes(c));
    if (!id || platforms.length === 0) continue;
    const tacticNames = (p.kill_chain_phases ?? []).filter((k) => k.kill_chain_name === 'mitre-attack').map((k) => k.phase_name);
    const unknown = tacticNames.filter((t) => !tacticRank.has(t));
    if (unknown.length > 0) throw new Error(`${id} names tactic(s) outside the matrix: ${unknown.join(', ')}`);
    const parentId = id.includes('.') ? id.split('.')[0]! : null;
    const parentName = parentId ? nameById.get(parentId) : undefined;
    if (parentId && !parentName) throw new Error(`${id}: parent ${parentId} is not a current technique`);
    techniques.push({
      id,
      name: p.name,
      ...(parentName ? { parentName } : {}),
      tactics: [...new Set(tacticNames)].sort((a, b) => tacticRank.get(a)! - tacticRank.get(b)!),
      platforms,
      url: techniqueUrl(id),
    });
    descriptions.set(id, p.description ?? '');
  }
  techniques.sort((a, b) => a.id.localeCompare(b.id));

  return {
    version: parseAll(objects, 'x-mitre-collection', collection)[0]?.x_mitre_version ?? null,
    tactics: orderedTactics,
    techniques,
    revokedBy: revocations(patterns, parseAll(objects, 'relationship', relationship), new Set(techniques.map((t) => t.id))),
    descriptions,
  };
}

/** Revoked technique id → its current replacement in the catalogue, following chains of revocations. */
function revocations(
  patterns: readonly z.infer<typeof attackPattern>[],
  relationships: readonly z.infer<typeof relationship>[],
  catalogue: ReadonlySet<string>,
): Record<string, string> {
  const idByStix = new Map(patterns.flatMap((p) => (attackId(p.external_references) ? [[p.id, attackId(p.external_references)!] as const] : [])));
  const next = new Map<string, string>();
  for (const r of relationships) {
    if (r.relationship_type !== 'revoked-by' || !isCurrent(r)) continue;
    const from = idByStix.get(r.source_ref);
    const to = idByStix.get(r.target_ref);
    if (from && to && from !== to) next.set(from, to);
  }
  const out: Record<string, string> = {};
  for (const from of [...next.keys()].sort()) {
    let to = next.get(from)!;
    for (let hops = 0; next.has(to) && hops < 10; hops++) to = next.get(to)!;
    if (catalogue.has(to) && !catalogue.has(from)) out[from] = to;
  }
  return out;
}
