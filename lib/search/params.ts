import { z } from '@/lib/zod';
import { scopeParams } from '@/lib/params/scope';
import { optionalParam } from '@/lib/params/validators';

/**
 * `/search?q=…&from&to`. `q` is taken as typed: telling what it is, or why it is nothing, is
 * classify.ts's job, so a strange query gets an answer rather than an invalid-link notice.
 */
export const searchPageParams = scopeParams.extend({ q: optionalParam(z.string()) });
