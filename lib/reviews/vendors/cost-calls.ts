/**
 * API calls that cost money per request or per data scanned, so a vendor polling them often shows
 * up on the bill. Prices are AWS's list prices (us-east-1) when this list was written, given so a
 * manager can judge the order of magnitude; the bill is the authority.
 */
export interface CostRule {
  eventSource: string;
  /** Event names, or `*` for every call of the service. */
  eventNames: readonly string[] | '*';
  /** Why it costs, for the page. */
  why: string;
}

export const COST_RULES: readonly CostRule[] = [
  {
    eventSource: 'monitoring.amazonaws.com',
    eventNames: ['GetMetricData', 'GetMetricStatistics', 'ListMetrics', 'GetMetricWidgetImage', 'GetInsightRuleReport'],
    why: 'CloudWatch metric API requests: USD 0.01 per 1,000 metrics requested (GetMetricData) or per 1,000 requests',
  },
  { eventSource: 'ce.amazonaws.com', eventNames: '*', why: 'Cost Explorer API: USD 0.01 per request' },
  { eventSource: 'logs.amazonaws.com', eventNames: ['StartQuery'], why: 'CloudWatch Logs Insights: USD 0.005 per GB of logs scanned' },
  { eventSource: 'athena.amazonaws.com', eventNames: ['StartQueryExecution'], why: 'Athena: USD 5 per TB scanned (10 MB minimum per query)' },
  { eventSource: 'cloudtrail.amazonaws.com', eventNames: ['StartQuery'], why: 'CloudTrail Lake queries: USD 0.005 per GB scanned' },
  { eventSource: 'config.amazonaws.com', eventNames: ['StartConfigRulesEvaluation'], why: 'AWS Config: each rule evaluation is billed' },
  { eventSource: 'securityhub.amazonaws.com', eventNames: ['BatchImportFindings'], why: 'Security Hub: finding ingestion events are billed' },
];

export function costRuleOf(eventSource: string, eventName: string): CostRule | null {
  return COST_RULES.find((r) => r.eventSource === eventSource && (r.eventNames === '*' || r.eventNames.includes(eventName))) ?? null;
}
