import { DataTable, Empty, num, td, TimeCell } from '@/components/data-table';
import { shortTime } from '@/lib/format';
import type { DeliverySummary } from '@/lib/notifications/types';

/** What a delivery came to: delivered (with its HTTP status), failed (why), or still being retried. No server imports: the client panel shows it too. */
export function DeliveryOutcome({ delivery }: { delivery: DeliverySummary }) {
  const tone = delivery.outcome === 'delivered' ? 'text-emerald-700' : delivery.outcome === 'failed' ? 'text-red-700' : 'text-amber-700';
  const status = delivery.status === null ? 'no answer' : `HTTP ${delivery.status}`;
  return (
    <span className={tone} data-testid="delivery-outcome">
      {delivery.outcome} · {status}
    </span>
  );
}

/** One line for a webhook's last delivery: when, what it came to, after how many attempts, and why it failed. */
export function LastDelivery({ delivery }: { delivery: DeliverySummary | null }) {
  if (!delivery) return <span className="text-slate-400">none yet</span>;
  return (
    <span className="space-y-0.5" data-testid="last-delivery">
      <span className="block whitespace-nowrap">
        <span className="font-mono text-slate-600">{shortTime(delivery.startedAt)}</span> <DeliveryOutcome delivery={delivery} />
      </span>
      <span className="block text-xs text-slate-500">
        {delivery.event === 'test' ? 'test message' : `${delivery.itemCount} ${delivery.event} (${delivery.reason})`} · {delivery.attempts}{' '}
        {delivery.attempts === 1 ? 'attempt' : 'attempts'}
        {delivery.durationMs !== null && ` · ${delivery.durationMs} ms`}
      </span>
      {delivery.outcome !== 'delivered' && delivery.error && <span className="block max-w-md break-words text-xs text-red-700">{delivery.error}</span>}
    </span>
  );
}

/** The newest deliveries across webhooks, with each attempt's answer and wait. */
export function DeliveriesTable({ deliveries, webhookNames }: { deliveries: DeliverySummary[]; webhookNames: Record<string, string> }) {
  if (deliveries.length === 0) return <Empty testId="deliveries-empty">Nothing delivered yet. Send a test message to check a webhook.</Empty>;
  return (
    <DataTable columns={['Started (UTC)', 'Webhook', 'What', 'Outcome', { label: 'Attempts', numeric: true }, 'Each attempt']} testId="deliveries-table" scroll>
      {deliveries.map((d) => (
        <tr key={d.id} className="border-t border-slate-100 align-top" data-testid="delivery-row">
          <TimeCell iso={d.startedAt} />
          <td className={td}>{webhookNames[d.webhookId] ?? d.webhookId}</td>
          <td className={td}>
            {d.event === 'test' ? 'test message' : `${d.itemCount} ${d.event} (${d.reason})`}
            {d.itemIds.length > 0 && <span className="block max-w-xs truncate font-mono text-[11px] text-slate-500" title={d.itemIds.join(', ')}>{d.itemIds.join(', ')}</span>}
          </td>
          <td className={td}>
            <DeliveryOutcome delivery={d} />
          </td>
          <td className={num}>{d.attempts}</td>
          <td className={`${td} text-xs`}>
            {d.attemptLog.map((a, i) => (
              <span key={i} className="block whitespace-nowrap">
                {i + 1}. <span className="font-mono">{shortTime(a.at)}</span> {a.status === null ? a.error : `HTTP ${a.status}`} in {a.ms} ms
                {a.retryInMs !== undefined && <span className="text-slate-500">, retried after {a.retryInMs / 1000} s</span>}
                {a.status !== null && a.error && <span className="block max-w-md truncate pl-4 text-red-700" title={a.error}>{a.error}</span>}
              </span>
            ))}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
