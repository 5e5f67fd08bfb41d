import { Notice } from '@/components/notice';
import { PageHeader } from '@/components/page-header';
import { ApiVolumePanel } from '@/components/activity/api-volume-panel';
import { ScopeDetails } from '@/components/activity/scope-details';
import { detailsModel } from '@/lib/activity/details-model';
import { getApiVolume } from '@/lib/activity/get-api-volume';
import { getScopeDetails } from '@/lib/activity/get-scope-details';
import { subjectFromRef, subjectRefParams, volumeParams } from '@/lib/activity/params';
import { ParamError } from '@/lib/params/param-error';
import { firstValues, loadPageScope, type SearchParamsRecord } from '@/lib/services/page-scope';

export const dynamic = 'force-dynamic';

/**
 * Temporary: the activity panels for any subject, `?kind=role-session&id=AROA…:sara&from=…&to=…`,
 * until the profile pages host them.
 */
export default async function ActivityPreviewPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const loaded = await load(await searchParams);
  if ('parameter' in loaded) {
    return (
      <Notice title="This link has an invalid parameter">
        <code>{loaded.parameter}</code> {loaded.message}.
      </Notice>
    );
  }
  const { id, subject, scope, range, api, details } = loaded;
  return (
    <div className="space-y-5">
      <PageHeader title="Activity preview" scope={scope} latest={range.last} />
      <p className="font-mono text-sm text-slate-600">
        {subject.kind} {id}
      </p>
      <ApiVolumePanel volume={api} />
      <ScopeDetails model={detailsModel(details, subject, scope)} />
    </div>
  );
}

async function load(sp: SearchParamsRecord) {
  const values = firstValues(sp);
  const ref = subjectRefParams.safeParse(values);
  const subject = ref.success ? subjectFromRef(ref.data) : ref;
  const volume = volumeParams.safeParse(values);
  if (!ref.success) return invalid(String(ref.error.issues[0]?.path[0] ?? 'id'), ref.error.issues[0]?.message);
  // The subject schema names its own fields (principalId, arn); the URL calls them all `id`.
  if (!subject.success) return invalid('id', subject.error.issues[0]?.message);
  if (!volume.success) return invalid(String(volume.error.issues[0]?.path[0] ?? 'bucket'), volume.error.issues[0]?.message);
  try {
    const { conn, range, scope } = await loadPageScope(sp);
    const [api, details] = await Promise.all([
      getApiVolume(conn, subject.data, scope, { baselineDays: volume.data.baseline, bucket: volume.data.bucket, observedFrom: range.first }),
      getScopeDetails(conn, subject.data, scope),
    ]);
    return { id: ref.data.id, subject: subject.data, scope, range, api, details };
  } catch (error) {
    if (error instanceof ParamError) return invalid(error.parameter, error.message);
    throw error;
  }
}

function invalid(parameter: string, message = 'is invalid') {
  return { parameter, message };
}
