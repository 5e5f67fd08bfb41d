import type { TrailEventRow } from './queries/trail-events';

/**
 * Stretches when a trail did not log, from the trail's own events: a successful StopLogging or
 * DeleteTrail until the next StartLogging or CreateTrail of the same trail, or until `end` (the
 * end of what was searched) when the data shows no restart. Pure logic over the rows of
 * queries/trail-events.ts, oldest first.
 *
 * A trail is named by its name or its ARN (`arn:aws:cloudtrail:<region>:<account>:trail/<name>`);
 * a bare name belongs to the account and region the call was made in (a trail's own calls are made
 * in its home region), so both spellings are one trail. Whether it logs every region or every
 * account of the organisation is what its latest CreateTrail or UpdateTrail up to the stop says;
 * without one in the data it is unknown, and said so.
 */
export interface TrailGap {
  kind: 'logging-stopped' | 'trail-deleted';
  accountId: string | null;
  /** The trail's home region: the region the stop was called in, or its ARN's. */
  region: string | null;
  from: string;
  to: string;
  /** No restart in the data searched: `to` is the end of what was searched, not a restart. */
  open: boolean;
  trailName: string;
  trailArn: string | null;
  /** Who stopped or deleted it (ARN, else principal id). */
  stoppedBy: string | null;
  stopEventId: string;
  stopEventName: 'StopLogging' | 'DeleteTrail';
  restartEventId: string | null;
  restartEventName: 'StartLogging' | 'CreateTrail' | null;
  /** From its CreateTrail or UpdateTrail: true, false, or null when the data does not say. */
  multiRegion: boolean | null;
  organization: boolean | null;
}

const TRAIL_ARN = /^arn:aws[a-z-]*:cloudtrail:([a-z0-9-]+):(\d{12}):trail\/(.+)$/;

/** A trail as one key whether the call named it by name or by ARN. */
export function trailIdentity(ref: string | null, accountId: string | null, region: string | null): { key: string; name: string; arn: string | null; accountId: string | null; region: string | null } {
  const m = ref ? TRAIL_ARN.exec(ref) : null;
  if (m) {
    const [, arnRegion, arnAccount, name] = m as unknown as [string, string, string, string];
    return { key: `${arnAccount}/${arnRegion}/${name}`, name, arn: ref, accountId: arnAccount, region: arnRegion };
  }
  const name = ref ?? 'unknown';
  return { key: `${accountId ?? ''}/${region ?? ''}/${name}`, name, arn: null, accountId, region };
}

interface TrailState {
  arn: string | null;
  multiRegion: boolean | null;
  organization: boolean | null;
  open: Omit<TrailGap, 'to' | 'open' | 'restartEventId' | 'restartEventName'> | null;
}

export function trailGaps(events: readonly TrailEventRow[], end: string): TrailGap[] {
  const trails = new Map<string, TrailState>();
  const gaps: TrailGap[] = [];
  const ordered = [...events].sort((a, b) => a.eventTime.localeCompare(b.eventTime) || a.eventId.localeCompare(b.eventId));
  for (const e of ordered) {
    const id = trailIdentity(e.trail, e.accountId, e.region);
    const state = trails.get(id.key) ?? { arn: null, multiRegion: null, organization: null, open: null };
    trails.set(id.key, state);
    state.arn = id.arn ?? e.trailArn ?? state.arn;
    switch (e.eventName) {
      case 'CreateTrail':
      case 'UpdateTrail':
        if (e.multiRegion !== null) state.multiRegion = e.multiRegion;
        if (e.organization !== null) state.organization = e.organization;
        if (e.eventName === 'CreateTrail' && state.open) {
          gaps.push({ ...state.open, trailArn: state.open.trailArn ?? state.arn, to: e.eventTime, open: false, restartEventId: e.eventId, restartEventName: 'CreateTrail' });
          state.open = null;
        }
        break;
      case 'StartLogging':
        if (state.open) {
          gaps.push({ ...state.open, trailArn: state.open.trailArn ?? state.arn, to: e.eventTime, open: false, restartEventId: e.eventId, restartEventName: 'StartLogging' });
          state.open = null;
        }
        break;
      case 'StopLogging':
      case 'DeleteTrail':
        if (state.open) {
          // Already not logging: a delete after a stop makes the stretch a deleted trail's, from the stop.
          if (e.eventName === 'DeleteTrail') state.open.kind = 'trail-deleted';
          break;
        }
        state.open = {
          kind: e.eventName === 'DeleteTrail' ? 'trail-deleted' : 'logging-stopped',
          accountId: id.accountId,
          region: id.region,
          from: e.eventTime,
          trailName: id.name,
          trailArn: state.arn,
          stoppedBy: e.actor,
          stopEventId: e.eventId,
          stopEventName: e.eventName,
          multiRegion: state.multiRegion,
          organization: state.organization,
        };
        break;
    }
  }
  for (const state of trails.values()) {
    if (state.open && state.open.from < end) gaps.push({ ...state.open, trailArn: state.open.trailArn ?? state.arn, to: end, open: true, restartEventId: null, restartEventName: null });
  }
  return gaps.sort((a, b) => a.from.localeCompare(b.from) || a.trailName.localeCompare(b.trailName));
}
