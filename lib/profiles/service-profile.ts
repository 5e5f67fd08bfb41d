import { mergeCopies } from '@/lib/attribution/assumptions';
import { assumeRoleEvents, NO_MATCH } from '@/lib/attribution/queries/assume-role-events';
import type { AssumeRoleEventRow } from '@/lib/attribution/types';
import type { Connection } from '@/lib/engine/types';
import type { Scope } from '@/lib/params/scope';
import { runPanel, type PanelResult } from '@/lib/engine/panel';
import { rolesAssumed, type RoleAssumedByCaller } from './roles-assumed';

/** assume-role-events stops at this many calls; a busier scope shows the first ones. */
const ASSUME_ROLE_EVENTS_LIMIT = 5000;

export interface ServiceAssumptions {
  rolesAssumed: RoleAssumedByCaller[];
  capped: boolean;
  panel: PanelResult<AssumeRoleEventRow>;
}

/**
 * The roles a service assumed for the resources it runs (EC2 for instance profiles, Lambda for
 * functions, ECS for tasks): the session names are the resources (instance ids, function names).
 */
export async function getServiceAssumptions(conn: Connection, name: string, scope: Scope, signal?: AbortSignal): Promise<ServiceAssumptions> {
  const panel = await runPanel(
    conn,
    assumeRoleEvents,
    { ...NO_MATCH, ...scope, callerServices: [name] },
    signal,
  );
  return { rolesAssumed: rolesAssumed(mergeCopies(panel.rows)), capped: panel.rows.length >= ASSUME_ROLE_EVENTS_LIMIT, panel };
}
