import { profileParams } from '@/lib/profiles/params';

/** /ips/[ip]; defined in lib/profiles/params.ts (lib links to profiles too, and never imports app/). */
export { ipParam, ipHref as toHref } from '@/lib/profiles/params';
export const queryParams = profileParams;
