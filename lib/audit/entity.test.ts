import { describe, expect, it } from 'vitest';
import { auditEntity, auditEntityHref, parseAuditEntity } from './entity';

const scope = { from: '2026-11-18T09:00:00Z', to: '2026-11-18T11:00:00Z' };
const qs = 'from=2026-11-18T09%3A00%3A00Z&to=2026-11-18T11%3A00%3A00Z';

describe('audit entities', () => {
  it('names kinds and ids, and reads them back; only the first colon separates', () => {
    expect(auditEntity('role-session', 'AROAEXAMPLE12345:sara')).toBe('role-session:AROAEXAMPLE12345:sara');
    expect(auditEntity('events')).toBe('events');
    expect(parseAuditEntity('graph:session:AROAEXAMPLE12345:sara')).toEqual({ kind: 'graph', id: 'session:AROAEXAMPLE12345:sara' });
    expect(parseAuditEntity('events')).toEqual({ kind: 'events', id: null });
    expect(parseAuditEntity('nonsense:x')).toBeNull();
  });

  it('links each viewed entity to its page over the recorded scope', () => {
    expect(auditEntityHref('role-session:AROAEXAMPLE12345:sara', scope)).toBe(`/role-sessions/AROAEXAMPLE12345%3Asara?${qs}`);
    expect(auditEntityHref('role:arn:aws:iam::123456789012:role/Admin', scope)).toBe(`/roles/arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2FAdmin?${qs}`);
    expect(auditEntityHref('finding:det-abc', null)).toBe('/findings/det-abc');
    expect(auditEntityHref('graph:session:AROAEXAMPLE12345:sara', scope)).toBe(`/graph?${qs}&focus=session%3AAROAEXAMPLE12345%3Asara`);
    expect(auditEntityHref('vendor-role:arn:aws:iam::123456789012:role/V', null)).toBe('/vendors/arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2FV');
  });

  it('reopens an event search with its filters, and nothing else from the detail', () => {
    expect(auditEntityHref('events', scope, { eventName: 'StopLogging', request: 'GET /api/events', tab: 'x' })).toBe(`/events?${qs}&eventName=StopLogging`);
  });

  it('has no page for changes to accounts, users or the log itself', () => {
    expect(auditEntityHref('account:123456789012', null)).toBeNull();
    expect(auditEntityHref('app-user:lee', null)).toBeNull();
    expect(auditEntityHref('audit-log', null)).toBeNull();
    expect(auditEntityHref(null, null)).toBeNull();
  });
});
