/**
 * Accounts and regions the table never reads. An enum partition projection reads only the values
 * it lists, so an account that joined the organisation, or a region enabled, after the table was
 * made is silently missing from every panel. What can reveal one, at no extra cost:
 *
 * - TRAILSCOPE_ORG_ACCOUNTS, when set: every organisation account must be listed (no query).
 * - Names in the events the data-range probe reads anyway (the last day with data, and the first
 *   when it is looked for; lib/data-range/queries/data-range.ts `dataRangeExtent`):
 *   - accounts whose roles the trail's own principals assume (the caller-side copy of AssumeRole
 *     names the role's account): in an organisation these are mostly its own accounts, so an
 *     unlisted one is worth a look, though it may also be a third party's;
 *   - callers' accounts, when TRAILSCOPE_ORG_ACCOUNTS says they are the organisation's;
 *   - regions enabled by `account:EnableRegion`, and `awsregion` values (a listed folder's events
 *     name its own region, so these catch only what is logged across regions).
 * Recipient accounts and folder regions are not evidence: an unlisted folder is never read, so its
 * events cannot appear. Scanning more to find more would cost what the projection saves.
 */
import type { TableShape } from '@/lib/engine/table-shape';
import type { ExtentRow } from '@/lib/data-range/queries/data-range';

/** What the probed days' events name (from `dataRangeExtent` rows). */
export interface NamedInEvents {
  /** The folder days the names come from. */
  days: string[];
  regions: string[];
  recipientAccounts: string[];
  callerAccounts: string[];
  assumedAccounts: string[];
}

export interface ProjectionWarning {
  key: 'account' | 'region';
  /** The values the projection does not list. */
  values: string[];
  message: string;
}

const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z0-9]+)+-\d+$/;

export function namedInEvents(days: string[], rows: readonly ExtentRow[]): NamedInEvents {
  const values = (...kinds: ExtentRow['kind'][]) =>
    [...new Set(rows.filter((r) => kinds.includes(r.kind) && r.value !== null).map((r) => r.value as string))].sort();
  return {
    days,
    regions: values('region', 'enabled-region'),
    recipientAccounts: values('recipient'),
    callerAccounts: values('caller'),
    assumedAccounts: values('assumed'),
  };
}

function enumValues(shape: TableShape, key: 'account' | 'region'): string[] | null {
  const p = shape.projection?.keys[key];
  return p?.type === 'enum' ? [...p.values] : null;
}

function fix(shape: TableShape, key: 'account' | 'region', listed: readonly string[], missing: readonly string[]): string {
  return `ALTER TABLE ${shape.name} SET TBLPROPERTIES ('projection.${key}.values'='${[...listed, ...missing].join(',')}')`;
}

/** Warnings for accounts and regions that exist but the table's enum projections do not list. */
export function projectionWarnings(shape: TableShape, named: NamedInEvents | null, orgAccounts: readonly string[]): ProjectionWarning[] {
  const warnings: ProjectionWarning[] = [];
  const accounts = enumValues(shape, 'account');
  if (accounts) {
    const listed = new Set(accounts);
    const configured = [...new Set(orgAccounts)].filter((a) => !listed.has(a)).sort();
    if (configured.length > 0) {
      warnings.push({
        key: 'account',
        values: configured,
        message: `TRAILSCOPE_ORG_ACCOUNTS names account${configured.length === 1 ? '' : 's'} ${configured.join(', ')}, which the table's account projection does not list: their trails are never read. Add them: ${fix(shape, 'account', accounts, configured)}`,
      });
    }
    if (named) {
      const org = new Set(orgAccounts);
      const seen = [...named.assumedAccounts, ...named.callerAccounts.filter((a) => org.has(a))];
      const unlisted = [...new Set(seen)].filter((a) => ACCOUNT.test(a) && !listed.has(a) && !configured.includes(a)).sort();
      if (unlisted.length > 0) {
        warnings.push({
          key: 'account',
          values: unlisted,
          message: `Events of ${named.days.join(' and ')} name account${unlisted.length === 1 ? '' : 's'} ${unlisted.join(', ')} (roles assumed there from your accounts), which the table's account projection does not list. If they are your organisation's, their trails are not read: ${fix(shape, 'account', accounts, unlisted)}`,
        });
      }
    }
  }
  const regions = enumValues(shape, 'region');
  if (regions && named) {
    const listed = new Set(regions);
    const unlisted = named.regions.filter((r) => REGION.test(r) && !listed.has(r));
    if (unlisted.length > 0) {
      warnings.push({
        key: 'region',
        values: unlisted,
        message: `Events of ${named.days.join(' and ')} name region${unlisted.length === 1 ? '' : 's'} ${unlisted.join(', ')}, which the table's region projection does not list: events logged there are not read. ${fix(shape, 'region', regions, unlisted)}`,
      });
    }
  }
  return warnings;
}
