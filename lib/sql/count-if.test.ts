import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countIf } from './count-if';
import { sql } from './sql';

describe('countIf', () => {
  it('counts with count(CASE …), which is 0 rather than NULL over no rows on both engines', () => {
    expect(countIf(sql`errorcode = ${'AccessDenied'}`).toQuery()).toEqual({ sql: 'count(CASE WHEN errorcode = ? THEN 1 END)', params: ['AccessDenied'] });
  });

  it('is the only way queries count rows that match: no count_if( left in lib/', () => {
    const offenders: string[] = [];
    const visit = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, entry.name);
        if (entry.isDirectory()) visit(p);
        else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') && p !== path.join(__dirname, 'count-if.ts')) {
          fs.readFileSync(p, 'utf8')
            .split('\n')
            .forEach((line, i) => {
              if (/count_if\s*\(/i.test(line) && !/^\s*(\/\/|\*)/.test(line)) offenders.push(`${path.relative(process.cwd(), p)}:${i + 1}`);
            });
        }
      }
    };
    visit(path.resolve(__dirname, '..'));
    expect(offenders).toEqual([]);
  });
});
