import { describe, expect, it } from 'vitest';
import { z } from '@/lib/zod';
import { ParamError } from '@/lib/params/param-error';
import { jsonBody } from './json-body';
import { BodyTooLargeError } from './read-body';

const schema = z.object({ role: z.enum(['viewer', 'admin']).optional() }).strict();
const limit = { maxBytes: 64, what: 'the body' };
const post = (body: string) => new Request('http://localhost/x', { method: 'PATCH', body });

describe('jsonBody', () => {
  it('parses and validates', async () => {
    expect(await jsonBody(post('{"role":"admin"}'), schema, 'body', limit)).toEqual({ role: 'admin' });
  });

  it('names the field or the body on bad input', async () => {
    await expect(jsonBody(post('{"role":"root"}'), schema, 'body', limit)).rejects.toMatchObject({ parameter: 'role' });
    await expect(jsonBody(post('not json'), schema, 'body', limit)).rejects.toBeInstanceOf(ParamError);
  });

  it('stops reading past its limit, before parsing anything', async () => {
    await expect(jsonBody(post(`{"role":"${'x'.repeat(1000)}"}`), schema, 'body', limit)).rejects.toBeInstanceOf(BodyTooLargeError);
  });
});
