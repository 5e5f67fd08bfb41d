import { z } from '@/lib/zod';
import { SEVERITY_LABELS } from '@/lib/findings/types';
import { pathSegment } from '@/lib/params/validators';
import { WEBHOOK_FORMATS, WEBHOOK_KINDS } from './types';
import { MAX_WEBHOOK_URL_LENGTH, webhookUrlProblem } from './webhook-url';

/** What /api/admin/webhooks and /api/admin/webhooks/{id} accept. Server-side (the URL check reads lib/env). */

export const webhookIdParam = pathSegment.pipe(z.string().regex(/^wh-[0-9a-f]{16}$/, 'must be a webhook id such as wh-0123456789abcdef'));

const webhookName = z
  .string()
  .trim()
  .min(1, 'is empty')
  .max(100, 'is longer than 100 characters')
  .regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters');

export const webhookUrl = z
  .string()
  .trim()
  .max(MAX_WEBHOOK_URL_LENGTH, `is longer than ${MAX_WEBHOOK_URL_LENGTH} characters`)
  .superRefine((url, ctx) => {
    const problem = webhookUrlProblem(url);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const webhookKinds = z
  .array(z.enum(WEBHOOK_KINDS))
  .min(1, 'name at least one of findings, incidents')
  .max(WEBHOOK_KINDS.length)
  .transform((kinds) => WEBHOOK_KINDS.filter((k) => kinds.includes(k)));

const settings = {
  name: webhookName,
  url: webhookUrl,
  format: z.enum(WEBHOOK_FORMATS),
  /** The lowest severity announced, on GuardDuty's scale as the findings list labels it. */
  minSeverity: z.enum(SEVERITY_LABELS),
  kinds: webhookKinds,
  enabled: z.boolean(),
};

/** POST /api/admin/webhooks: `{ name, url, format, minSeverity?, kinds?, enabled? }` (High, both kinds and enabled by default). */
export const webhookCreateBody = z
  .object({
    ...settings,
    minSeverity: settings.minSeverity.default('High'),
    kinds: webhookKinds.default(['findings', 'incidents']),
    enabled: settings.enabled.default(true),
  })
  .strict();

/** PATCH /api/admin/webhooks/{id}: any of the settings, or `rotateSecret: true` (the new secret is answered once). */
export const webhookChangeBody = z
  .object({
    name: settings.name.optional(),
    url: settings.url.optional(),
    format: settings.format.optional(),
    minSeverity: settings.minSeverity.optional(),
    kinds: settings.kinds.optional(),
    enabled: settings.enabled.optional(),
    rotateSecret: z.literal(true).optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'name at least one of name, url, format, minSeverity, kinds, enabled, rotateSecret');
