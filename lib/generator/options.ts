import { z } from '@/lib/zod';
import { DAY, SECOND } from './time';

/**
 * Generator options, validated once. The default end is a fixed instant, never
 * the wall clock, so the same arguments always produce the same bytes.
 */

/** Alternative worlds a test can ask for; each changes one fact and is named for it. */
export const VARIANTS = ['default', 'sara-new-country', 'logging-gap'] as const;
export type Variant = (typeof VARIANTS)[number];

export const DEFAULT_OPTIONS = {
  events: 50_000,
  seed: '1',
  end: '2026-11-20T00:00:00Z',
  days: 70,
  variant: 'default',
} as const satisfies { events: number; seed: string; end: string; days: number; variant: Variant };

const isoInstant = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?Z$/.test(s) && !Number.isNaN(Date.parse(s)), {
    message: 'must be an ISO-8601 UTC instant such as 2026-11-20T00:00:00Z',
  })
  .transform((s) => Date.parse(s))
  .refine((ms) => ms % SECOND === 0, { message: 'must be whole seconds' });

export const generateOptionsSchema = z.object({
  outDir: z.string().min(1, 'is required'),
  events: z.coerce.number().int().min(0).max(100_000_000).default(DEFAULT_OPTIONS.events),
  seed: z.string().min(1).default(DEFAULT_OPTIONS.seed),
  end: isoInstant.default(Date.parse(DEFAULT_OPTIONS.end)),
  days: z.coerce.number().int().min(1).max(3660).default(DEFAULT_OPTIONS.days),
  variant: z.enum(VARIANTS).default(DEFAULT_OPTIONS.variant),
});

export type GenerateOptions = z.output<typeof generateOptionsSchema>;
export type GenerateOptionsInput = z.input<typeof generateOptionsSchema>;

export function parseGenerateOptions(input: GenerateOptionsInput): GenerateOptions {
  const parsed = generateOptionsSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `--${i.path.join('.') || 'options'} ${i.message}`);
    throw new Error(`Invalid generator options: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/** The window the logs cover: [end - days, end). */
export function timeline(options: Pick<GenerateOptions, 'end' | 'days'>): { startMs: number; endMs: number } {
  return { startMs: options.end - options.days * DAY, endMs: options.end };
}

export const USAGE = `Usage: npm run generate -- --out DIR [--events N] [--seed S] [--end ISO] [--days D] [--variant V]

  --out DIR      where to write AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/*.json.gz (required)
  --events N     total records to write (default ${DEFAULT_OPTIONS.events}); scenarios are a fixed core, background fills the rest
  --seed S       any string (default ${DEFAULT_OPTIONS.seed}); same arguments give byte-identical output
  --end ISO      end of the window, exclusive (default ${DEFAULT_OPTIONS.end})
  --days D       length of the window in days (default ${DEFAULT_OPTIONS.days})
  --variant V    one of: ${VARIANTS.join(', ')} (default ${DEFAULT_OPTIONS.variant})`;

const FLAG_TO_FIELD: Record<string, keyof GenerateOptionsInput> = {
  '--out': 'outDir',
  '--events': 'events',
  '--seed': 'seed',
  '--end': 'end',
  '--days': 'days',
  '--variant': 'variant',
};

/** Parses `--flag value` and `--flag=value`; returns null when help was asked for. */
export function parseCliArgs(argv: readonly string[]): GenerateOptions | null {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') return null;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const field = FLAG_TO_FIELD[flag];
    if (!field) throw new Error(`Unknown argument "${arg}"\n\n${USAGE}`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value\n\n${USAGE}`);
    raw[field] = value;
  }
  if (raw.outDir === undefined) throw new Error(`--out is required\n\n${USAGE}`);
  return parseGenerateOptions(raw as GenerateOptionsInput);
}
