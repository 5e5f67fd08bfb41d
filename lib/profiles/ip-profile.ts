import type { Connection } from '@/lib/engine/types';
import type { Scope } from '@/lib/params/scope';
import { runPanel, type PanelResult } from '@/lib/engine/panel';
import { ipPrincipalList, type IpPrincipal } from './ip-principals';
import { IP_PRINCIPALS_LIMIT, ipPrincipals, type IpPrincipalRow } from './queries/ip-principals';

export interface IpUsers {
  principals: IpPrincipal[];
  capped: boolean;
  panel: PanelResult<IpPrincipalRow>;
}

/** The principals that called from an address in the scope, each with its profile link. */
export async function getIpPrincipals(conn: Connection, ip: string, scope: Scope, signal?: AbortSignal): Promise<IpUsers> {
  const panel = await runPanel(conn, ipPrincipals, { ip, ...scope }, signal);
  return {
    principals: ipPrincipalList(panel.rows.slice(0, IP_PRINCIPALS_LIMIT), scope),
    capped: panel.rows.length > IP_PRINCIPALS_LIMIT,
    panel,
  };
}
