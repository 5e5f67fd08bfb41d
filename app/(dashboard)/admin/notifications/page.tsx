import { WebhooksPanel } from '@/components/admin/webhooks-panel';
import { DeliveriesTable } from '@/components/admin/webhook-deliveries-table';
import { Card } from '@/components/card';
import { Notice } from '@/components/notice';
import { auditEntity } from '@/lib/audit/entity';
import { auditPageView } from '@/lib/audit/page-view';
import { linkIsValid } from '@/lib/http/invalid-link';
import { listWebhooksForRequest, RECENT_DELIVERIES } from '@/lib/notifications/for-request';

export const dynamic = 'force-dynamic';

/** Webhooks told about new findings and incidents: add, edit, disable, delete, test, and what each delivery did. */
export default async function NotificationsPage() {
  await linkIsValid();
  await auditPageView({ role: 'admin', entity: auditEntity('webhook') });
  const { webhooks, deliveries, publicUrl } = await listWebhooksForRequest();
  const names = Object.fromEntries(webhooks.map((w) => [w.id, w.name]));
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold">Notifications</h1>
        <p className="text-sm text-slate-500">
          Webhooks told about new findings (and findings reopened because they fired again) and new incidents at or above a
          severity: a Slack incoming webhook, or any receiver of Trailscope&apos;s signed JSON. One message per webhook per run;
          a failed delivery is retried after 1, 4 and 16 seconds. Times are UTC.
        </p>
      </div>
      {publicUrl === null && (
        <Notice tone="warning" title="Links in messages are paths, not addresses">
          Messages link to <code>/findings/&lt;id&gt;</code> and <code>/incidents/&lt;id&gt;</code> without a host, since Trailscope does not
          know its public address. Set <code>TRAILSCOPE_PUBLIC_URL</code> (or <code>AUTH_URL</code>) to where people open Trailscope.
        </Notice>
      )}
      <WebhooksPanel webhooks={webhooks} publicUrl={publicUrl} />
      <Card title={`Recent deliveries (up to ${RECENT_DELIVERIES})`}>
        <DeliveriesTable deliveries={deliveries} webhookNames={names} />
      </Card>
    </div>
  );
}
