import { profileParams } from '@/lib/profiles/params';

/** /services/[name]; defined in lib/profiles/params.ts (lib links to profiles too, and never imports app/). */
export { serviceNameParam, serviceHref as toHref } from '@/lib/profiles/params';
export const queryParams = profileParams;
