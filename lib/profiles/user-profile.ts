import { mergeCopies } from '@/lib/attribution/assumptions';
import { assumeRoleEvents, NO_MATCH } from '@/lib/attribution/queries/assume-role-events';
import type { AssumeRoleEventRow } from '@/lib/attribution/types';
import type { Connection } from '@/lib/engine/types';
import type { Scope } from '@/lib/params/scope';
import { runPanel, type PanelResult } from '@/lib/engine/panel';
import { principalIdsOf, summariseAccessKeys, type AccessKeyUsage } from './access-keys';
import { USER_KEYS_LIMIT, userAccessKeys, type UserKeyRow } from './queries/user-access-keys';
import { rolesAssumed, type RoleAssumedByCaller } from './roles-assumed';

export interface UserProfile {
  accessKeys: AccessKeyUsage[];
  keysCapped: boolean;
  keysPanel: PanelResult<UserKeyRow>;
  rolesAssumed: RoleAssumedByCaller[];
  /** Null when the user made no call in the scope, so there was nothing to look for. */
  assumptionsPanel: PanelResult<AssumeRoleEventRow> | null;
}

/**
 * A user's keys and the roles it assumed in the scope. The AssumeRole calls are found by the
 * user's principal id (AIDA…), not its ARN: the role account's copy of a cross-account call names
 * the caller only by principal id, and both copies are needed to merge them. The id comes from the
 * user's own events in the scope, which include those AssumeRole calls.
 */
export async function getUserProfile(conn: Connection, arn: string, scope: Scope, signal?: AbortSignal): Promise<UserProfile> {
  const keysPanel = await runPanel(conn, userAccessKeys, { arn, ...scope }, signal);
  const callerPrincipalIds = principalIdsOf(keysPanel.rows);
  const assumptionsPanel = callerPrincipalIds.length
    ? await runPanel(
        conn,
        assumeRoleEvents,
        { ...NO_MATCH, ...scope, callerPrincipalIds },
        signal,
      )
    : null;
  return {
    accessKeys: summariseAccessKeys(keysPanel.rows),
    keysCapped: keysPanel.rows.length > USER_KEYS_LIMIT,
    keysPanel,
    rolesAssumed: rolesAssumed(mergeCopies(assumptionsPanel?.rows ?? [])),
    assumptionsPanel,
  };
}
