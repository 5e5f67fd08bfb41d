import type { Connection } from '@/lib/engine/types';
import { getEnricher } from '@/lib/enrichment/enricher';
import { getNewBehavior } from '@/lib/new-behavior/get-new-behavior';
import type { Scope } from '@/lib/params/scope';
import type { Subject } from '@/lib/subjects/subject';
import { NewBehaviorPanel } from './new-behavior-panel';

/** The New behavior tab of any profile: its data is loaded only when the tab is open. */
export async function NewBehaviorTab(props: {
  conn: Connection;
  subject: Subject;
  scope: Scope;
  baselineDays: number;
  storeFirstEvent: string | null;
  baselineHref: (days: number) => string;
}) {
  const data = await getNewBehavior(props.conn, props.subject, props.scope, {
    baselineDays: props.baselineDays,
    enricher: getEnricher(),
    storeFirstEvent: props.storeFirstEvent,
  });
  return <NewBehaviorPanel data={data} subject={props.subject} scope={props.scope} baselineHref={props.baselineHref} />;
}
