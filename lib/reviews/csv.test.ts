import { describe, expect, it } from 'vitest';
import { csvResponse, toCsv } from './csv';

describe('CSV', () => {
  it('quotes what needs quoting and disarms formulas', () => {
    const text = toCsv(
      [
        { header: 'name', value: (r: { n: string; c: number; l: string[] }) => r.n },
        { header: 'count', value: (r) => r.c },
        { header: 'list', value: (r) => r.l },
      ],
      [
        { n: 'a,b', c: -3, l: ['x', 'y'] },
        { n: '=HYPERLINK("http://evil")', c: 0, l: [] },
        { n: 'say "hi"\nthere', c: 1.5, l: ['@x'] },
      ],
    );
    expect(text).toBe('name,count,list\r\n"a,b",-3,x; y\r\n"\'=HYPERLINK(""http://evil"")",0,\r\n"say ""hi""\nthere",1.5,\'@x\r\n');
  });

  it('answers as a download with a safe file name', async () => {
    const r = csvResponse('vendor "calls"/x.csv', 'a\r\n');
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(r.headers.get('content-disposition')).toBe('attachment; filename="vendor-calls-x.csv"');
    expect(await r.text()).toBe('a\r\n');
  });
});
