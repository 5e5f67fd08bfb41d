import { InvalidLink } from '@/components/invalid-link';
import { PageNotFound } from '@/components/page-not-found';
import { pendingInvalidLink } from '@/lib/http/invalid-link';

/** HTTP 404 inside the dashboard: a link a page refused (with its reason), or a page that is not there. */
export default async function DashboardNotFound() {
  const invalid = await pendingInvalidLink();
  if (invalid) return <InvalidLink {...invalid} />;
  return <PageNotFound />;
}
