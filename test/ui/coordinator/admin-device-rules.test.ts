import { describe, expect, it } from 'vitest';
import type { DeviceSummary } from '../../../src/domain/auth/api.ts';
import { devicesByUrgency } from '../../../src/ui/coordinator/admin/device-rules.ts';
import { filterQuery, readFilters } from '../../../src/ui/coordinator/admin/url-filters.ts';

const device = (label: string, oldestUnsentAt: string | null, revoked = false): DeviceSummary => ({
  deviceId: `id-${label}`,
  label,
  enrolledAt: '2026-01-01T00:00:00.000Z',
  enrolledBy: 'u1',
  lastContactAt: '2026-03-01T00:00:00.000Z',
  appVersion: '1.0.0',
  oldestUnsentAt,
  revokedAt: revoked ? '2026-02-01T00:00:00.000Z' : null,
  revokedBy: revoked ? 'u1' : null,
  revokedReason: revoked ? 'lost' : null,
  users: [],
});

describe('devicesByUrgency: the device list order', () => {
  it('active first, the oldest unsent count on top, nothing waiting after, revoked last', () => {
    const sorted = devicesByUrgency([
      device('Revoked', '2026-01-01T00:00:00.000Z', true),
      device('Clean B', null),
      device('Two days', '2026-02-27T00:00:00.000Z'),
      device('Clean A', null),
      device('Five days', '2026-02-24T00:00:00.000Z'),
    ]);
    expect(sorted.map((d) => d.label)).toEqual(['Five days', 'Two days', 'Clean A', 'Clean B', 'Revoked']);
  });
});

describe('filters in the address', () => {
  it('reads the named ones (missing: empty) and writes only those set', () => {
    expect(readFilters(['site', 'status'], '?site=SSL-MITT&other=x')).toEqual({ site: 'SSL-MITT', status: '' });
    expect(filterQuery({ site: 'SSL MITT', status: '' })).toBe('site=SSL+MITT');
    expect(filterQuery({ site: '', status: '' })).toBe('');
  });
});
