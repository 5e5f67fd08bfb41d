import { describe, expect, it } from 'vitest';
import { chunked, multipartFile } from '@/test/fixtures/request-bodies';
import { BodyTooLargeError, readBodyText, readUploadText } from './read-body';

const request = (body: ReadableStream<Uint8Array> | string, headers: Record<string, string> = {}) =>
  new Request('http://localhost/x', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

describe('readBodyText', () => {
  it('reads a chunked body whole, a character split across chunks included', async () => {
    const text = 'é'.repeat(1000);
    expect(await readBodyText(request(chunked(text, 7)), { maxBytes: 2000, what: 'the list' })).toBe(text);
  });

  it('accepts exactly the limit and refuses one byte more, stating the limit', async () => {
    expect(await readBodyText(request(chunked('x'.repeat(1024))), { maxBytes: 1024, what: 'the list' })).toHaveLength(1024);
    const over = readBodyText(request(chunked('x'.repeat(1025))), { maxBytes: 1024, what: 'the list' });
    await expect(over).rejects.toThrow(BodyTooLargeError);
    await expect(readBodyText(request(chunked('x'.repeat(1025))), { maxBytes: 1024, what: 'the list' })).rejects.toThrow('the list is larger than 1 KB');
  });
});

describe('readUploadText', () => {
  it('takes the file field of a form, or the body itself', async () => {
    const { body, contentType } = multipartFile('file', 'f.json', '{"a":1}');
    expect(await readUploadText(request(body, { 'content-type': contentType }), 'file', { maxBytes: 100, what: 'the file' })).toEqual({ text: '{"a":1}', fileName: 'f.json' });
    expect(await readUploadText(request('{"a":1}', { 'content-type': 'application/json' }), 'file', { maxBytes: 100, what: 'the file' })).toEqual({ text: '{"a":1}', fileName: null });
  });

  it('names the field when the form has none, and refuses a file over the limit even with framing room left', async () => {
    const other = multipartFile('other', 'f.json', '{}');
    await expect(readUploadText(request(other.body, { 'content-type': other.contentType }), 'file', { maxBytes: 100, what: 'the file' })).rejects.toMatchObject({ name: 'ParamError', parameter: 'file' });
    const big = multipartFile('file', 'f.json', 'x'.repeat(150));
    await expect(readUploadText(request(big.body, { 'content-type': big.contentType }), 'file', { maxBytes: 100, what: 'the file' })).rejects.toThrow('the file is larger than 100 B');
  });
});
