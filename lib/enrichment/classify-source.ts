import { parseIp, type ParsedIp } from './ip-address';
import { specialRangeOf } from './special-ranges';
import type { SourceKind } from './types';

export interface Classification {
  readonly kind: SourceKind;
  /** Set for every syntactically valid IP, whatever its kind. */
  readonly ip: ParsedIp | null;
  /** The special-purpose block that decided the kind, e.g. `private (RFC 1918)`. */
  readonly range: string | null;
}

/**
 * A service principal such as `ec2.amazonaws.com`, also in the China partition
 * (`.amazonaws.com.cn`); CloudTrail writes these when a service calls on a principal's behalf.
 */
const AWS_SERVICE = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+amazonaws\.com(?:\.cn)?$/i;

/** CloudTrail's literal for calls made by AWS on its own infrastructure. */
export const AWS_INTERNAL = 'AWS Internal';

export function classifySource(value: string): Classification {
  if (value === AWS_INTERNAL) return { kind: 'aws-internal', ip: null, range: null };
  if (AWS_SERVICE.test(value)) return { kind: 'aws-service', ip: null, range: null };
  const ip = parseIp(value);
  if (ip === null) return { kind: 'invalid', ip: null, range: null };
  const special = specialRangeOf(ip);
  if (special === null) return { kind: 'public-ip', ip, range: null };
  return { kind: special.kind, ip, range: special.name };
}
