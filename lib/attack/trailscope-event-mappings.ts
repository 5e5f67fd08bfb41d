/**
 * Event → technique mappings that are Trailscope's own, for events the report needs and no source
 * maps. Each says why in one line. techniques.ts adds them to the sources' mappings; the tests
 * fail when a source starts mapping one of them (then it is redundant) or when its technique
 * leaves the catalogue.
 */
export interface TrailscopeEventMapping {
  eventSource: string;
  eventName: string;
  technique: string;
  reason: string;
}

export const TRAILSCOPE_EVENT_MAPPINGS: readonly TrailscopeEventMapping[] = [
  {
    eventSource: 'kms.amazonaws.com',
    eventName: 'DisableKey',
    technique: 'T1485',
    reason:
      'Disabling a KMS key leaves everything encrypted under it unreadable: the reversible form of ScheduleKeyDeletion, which TrailDiscover maps to T1485 Data Destruction.',
  },
];
