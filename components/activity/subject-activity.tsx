import { ApiVolumePanel } from './api-volume-panel';
import { ScopeDetails } from './scope-details';
import { detailsModel } from '@/lib/activity/details-model';
import type { SubjectActivityData } from '@/lib/activity/load-activity';
import type { Scope } from '@/lib/params/scope';
import type { Subject } from '@/lib/subjects/subject';

/** A profile's activity: the API call volume around the scope, then the scope's details. */
export function SubjectActivity({ data, subject, scope }: { data: SubjectActivityData; subject: Subject; scope: Scope }) {
  return (
    <>
      <ApiVolumePanel volume={data.api} />
      <ScopeDetails model={detailsModel(data.details, subject, scope)} />
    </>
  );
}
