import { z } from 'zod';

/**
 * zod, as every module here imports it. In the browser our pages run under a CSP without
 * 'unsafe-eval', and zod probes `new Function` when it builds its first object schema to compile
 * fast parsers: the probe is caught, but the browser reports a violation. Configured here, before
 * any schema is built (a module importing this one is evaluated after it), zod parses without it.
 * The server keeps zod's compiled parsers.
 */
if (typeof window !== 'undefined') z.config({ jitless: true });

export { z };
