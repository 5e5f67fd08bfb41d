import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { assembleAttackData } from '@/lib/attack/build/assemble';
import { buildCtidGuardDuty } from '@/lib/attack/build/ctid-guardduty';
import { formatJson } from '@/lib/attack/build/format-json';
import { parseSigmaRule } from '@/lib/attack/build/sigma-rules';
import { buildStixCatalogue } from '@/lib/attack/build/stix-catalogue';
import { parseStratusTechnique } from '@/lib/attack/build/stratus-techniques';
import { parseTrailDiscoverEvent } from '@/lib/attack/build/traildiscover-events';
import type { SourceKey, SourceRecord } from '@/lib/attack/data-shape';

/**
 * `npm run attack:data -- --attack PATH --ctid PATH --traildiscover PATH --stratus PATH --sigma PATH`: regenerates
 * lib/attack/data/attack-data.json from local checkouts of its sources (lib/attack/README.md says
 * which and why). Each source's commit is read with git, or given as --<source>-commit when the
 * folder is not a git checkout. Prints what it dropped: ids outside the cloud catalogue.
 */

const USAGE = `usage: npm run attack:data -- \\
  --attack PATH      mitre-attack/attack-stix-data checkout (enterprise-attack/enterprise-attack.json),
                     a STIX bundle file, or mitre/cti's enterprise-attack folder
  --ctid PATH        center-for-threat-informed-defense/mappings-explorer checkout
  --traildiscover PATH  adanalvarez/TrailDiscover checkout
  --stratus PATH     DataDog/stratus-red-team checkout
  --sigma PATH       SigmaHQ/sigma checkout
  [--attack-version V]   required when the ATT&CK input has no collection object (mitre/cti)
  [--attack-repository owner/name] (default: mitre-attack/attack-stix-data for a bundle, mitre/cti for a folder)
  [--<source>-commit SHA] for a folder that is not a git checkout
  [--out FILE]           default lib/attack/data/attack-data.json`;

const REPO_ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(REPO_ROOT, 'lib/attack/data/attack-data.json');

const LICENCES: Record<SourceKey, string> = {
  attack: 'ATT&CK Terms of Use (royalty-free; reproduce MITRE’s copyright designation and licence)',
  ctid: 'Apache-2.0',
  traildiscover: 'CC BY 4.0 (attribution required)',
  stratus: 'Apache-2.0',
  sigma: 'Detection Rule License (DRL) 1.1',
};

// js-yaml arrives with ESLint's config loader (a devDependency); the generator only runs where dev dependencies are installed.
const loadYaml = (createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown }).load;

function filesUnder(dir: string, match: RegExp): string[] {
  if (!fs.existsSync(dir)) throw new Error(`${dir}: no such folder`);
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && match.test(d.name))
    .map((d) => path.join(d.parentPath, d.name))
    .sort();
}

function commitOf(dir: string, given: string | undefined, name: string): string {
  if (given) return given;
  const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  let top: string;
  try {
    top = git('rev-parse', '--show-toplevel');
  } catch {
    throw new Error(`${dir} is not a git checkout: give --${name}-commit`);
  }
  // A plain folder inside Trailscope's own checkout would otherwise report Trailscope's commit.
  if (path.resolve(top) === REPO_ROOT) throw new Error(`${dir} is inside this repository, not a checkout of the source: give --${name}-commit`);
  return git('rev-parse', 'HEAD');
}

const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));
const bundleObjects = (file: string): unknown[] => {
  const bundle = readJson(file) as { objects?: unknown };
  if (!Array.isArray(bundle.objects)) throw new Error(`${file}: not a STIX bundle`);
  return bundle.objects;
};

/** The ATT&CK objects, from a bundle file or from mitre/cti's one-object-per-file folders. */
function attackObjects(input: string): { objects: unknown[]; path: string; form: 'bundle' | 'folders' } {
  const bundleInCheckout = path.join(input, 'enterprise-attack', 'enterprise-attack.json');
  if (fs.statSync(input).isFile()) return { objects: bundleObjects(input), path: path.basename(input), form: 'bundle' };
  if (fs.existsSync(bundleInCheckout) && !fs.existsSync(path.join(input, 'enterprise-attack', 'attack-pattern'))) {
    return { objects: bundleObjects(bundleInCheckout), path: 'enterprise-attack/enterprise-attack.json', form: 'bundle' };
  }
  const root = fs.existsSync(path.join(input, 'enterprise-attack', 'attack-pattern')) ? path.join(input, 'enterprise-attack') : input;
  // Only these folders feed the catalogue; the rest (groups, software, analytics) is not read.
  const folders = ['attack-pattern', 'x-mitre-tactic', 'x-mitre-matrix', 'x-mitre-collection', 'relationship'];
  const objects = folders.flatMap((f) => (fs.existsSync(path.join(root, f)) ? filesUnder(path.join(root, f), /\.json$/).flatMap(bundleObjects) : []));
  return { objects, path: path.relative(input, root) || '.', form: 'folders' };
}

/** The newest AWS mapping in a Mappings Explorer checkout, by the ATT&CK version it was made against. */
function ctidAwsMapping(checkout: string): string {
  const files = filesUnder(path.join(checkout, 'mappings', 'aws'), /_attack-[\d.]+-enterprise\.json$/);
  const version = (f: string) => (/attack-(\d+)\.(\d+)/.exec(f) ?? []).slice(1).map(Number);
  const newest = files.sort((a, b) => {
    const [am = 0, an = 0] = version(a);
    const [bm = 0, bn = 0] = version(b);
    return am - bm || an - bn || a.localeCompare(b);
  }).at(-1);
  if (!newest) throw new Error(`${checkout}: no mappings/aws/**/…_attack-X.Y-enterprise.json`);
  return newest;
}

function main(): number {
  const { values } = parseArgs({
    options: {
      attack: { type: 'string' },
      ctid: { type: 'string' },
      traildiscover: { type: 'string' },
      stratus: { type: 'string' },
      sigma: { type: 'string' },
      'attack-version': { type: 'string' },
      'attack-repository': { type: 'string' },
      'attack-commit': { type: 'string' },
      'ctid-commit': { type: 'string' },
      'traildiscover-commit': { type: 'string' },
      'stratus-commit': { type: 'string' },
      'sigma-commit': { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || !values.attack || !values.ctid || !values.traildiscover || !values.stratus || !values.sigma) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }

  const attack = attackObjects(values.attack);
  const catalogue = buildStixCatalogue(attack.objects);
  const attackVersion = catalogue.version ?? values['attack-version'];
  if (!attackVersion) throw new Error('the ATT&CK input has no x-mitre-collection: give --attack-version');
  if (catalogue.version && values['attack-version'] && catalogue.version !== values['attack-version']) {
    throw new Error(`--attack-version ${values['attack-version']} but the bundle is ${catalogue.version}`);
  }

  const ctidFile = ctidAwsMapping(values.ctid);
  const ctid = buildCtidGuardDuty(readJson(ctidFile));

  const traildiscoverDir = path.join(values.traildiscover, 'events');
  const traildiscover = filesUnder(traildiscoverDir, /\.json$/).map((f) =>
    parseTrailDiscoverEvent(path.relative(traildiscoverDir, f).replace(/\.json$/, ''), readJson(f)),
  );

  const stratusDocs = filesUnder(path.join(values.stratus, 'docs', 'attack-techniques', 'AWS'), /^aws\..+\.md$/);
  const stratus = stratusDocs.map((f) => parseStratusTechnique(path.basename(f, '.md'), fs.readFileSync(f, 'utf8')));

  const sigmaDir = path.join(values.sigma, 'rules', 'cloud', 'aws');
  const sigma = filesUnder(sigmaDir, /\.ya?ml$/).map((f) => parseSigmaRule(path.basename(f).replace(/\.ya?ml$/, ''), loadYaml(fs.readFileSync(f, 'utf8'))));

  const attackRepository = values['attack-repository'] ?? (attack.form === 'bundle' ? 'mitre-attack/attack-stix-data' : 'mitre/cti');
  const sources: Record<SourceKey, SourceRecord> = {
    attack: {
      name: `MITRE ATT&CK Enterprise (STIX ${attack.form === 'bundle' ? 'bundle' : 'objects'})`,
      repository: attackRepository,
      commit: commitOf(values.attack, values['attack-commit'], 'attack'),
      path: attack.path,
      licence: LICENCES.attack,
      version: attackVersion,
    },
    ctid: {
      name: 'Center for Threat-Informed Defense, Mappings Explorer: AWS (Amazon GuardDuty)',
      repository: 'center-for-threat-informed-defense/mappings-explorer',
      commit: commitOf(values.ctid, values['ctid-commit'], 'ctid'),
      path: path.relative(values.ctid, ctidFile),
      licence: LICENCES.ctid,
      version: `ATT&CK ${ctid.attackVersion}, AWS mapping of ${ctid.mappingDate}`,
    },
    traildiscover: {
      name: 'TrailDiscover (CloudTrail events used by attackers), by Adan Alvarez',
      repository: 'adanalvarez/TrailDiscover',
      commit: commitOf(values.traildiscover, values['traildiscover-commit'], 'traildiscover'),
      path: 'events',
      licence: LICENCES.traildiscover,
    },
    stratus: {
      name: 'Stratus Red Team (AWS attack techniques)',
      repository: 'DataDog/stratus-red-team',
      commit: commitOf(values.stratus, values['stratus-commit'], 'stratus'),
      path: 'docs/attack-techniques/AWS',
      licence: LICENCES.stratus,
    },
    sigma: {
      name: 'SigmaHQ rules (AWS CloudTrail)',
      repository: 'SigmaHQ/sigma',
      commit: commitOf(values.sigma, values['sigma-commit'], 'sigma'),
      path: 'rules/cloud/aws',
      licence: LICENCES.sigma,
    },
  };

  const { data, dropped } = assembleAttackData({ attackVersion, sources, catalogue, ctid, traildiscover, stratus, sigma });
  const out = path.resolve(values.out ?? OUT);
  fs.writeFileSync(out, `${formatJson(data)}\n`);

  const droppedIds = new Map<string, Set<string>>();
  for (const d of dropped) droppedIds.set(d.source, (droppedIds.get(d.source) ?? new Set()).add(d.id));
  console.log(`${path.relative(process.cwd(), out)}: ATT&CK ${attackVersion}, ${data.techniques.length} cloud techniques, ${Object.keys(data.guardDutyTypes).length} GuardDuty types, ${Object.keys(data.events).length} events (${fs.statSync(out).size} bytes)`);
  console.log(`  CTID mapping ${path.relative(values.ctid, ctidFile)}; ${traildiscover.length} TrailDiscover events; ${stratus.length} Stratus techniques; ${sigma.length} Sigma rules`);
  for (const [source, ids] of droppedIds) console.log(`  dropped from ${source} (not in the cloud catalogue): ${[...ids].sort().join(' ')}`);
  return 0;
}

try {
  process.exit(main());
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
