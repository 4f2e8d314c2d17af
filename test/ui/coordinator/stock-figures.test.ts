import { describe, expect, it } from 'vitest';
import { coverageTone, expiryStatus, isoDay, parseTargetInput } from '../../../src/ui/coordinator/stock-figures.ts';

describe('how the overview judges its numbers', () => {
  it('calls a coverage critical under 50 %, under target under 100 %, and blank without one', () => {
    expect(coverageTone(null)).toBe('none');
    expect(coverageTone(0)).toBe('critical');
    expect(coverageTone(49.9)).toBe('critical');
    expect(coverageTone(50)).toBe('under');
    expect(coverageTone(99.9)).toBe('under');
    expect(coverageTone(100)).toBe('ok');
    expect(coverageTone(250)).toBe('ok');
  });

  it('calls an expiry before today expired, within 90 days near', () => {
    const today = new Date(2026, 10, 22, 15, 30);
    expect(isoDay(today)).toBe('2026-11-22');
    expect(expiryStatus(null, today)).toBe('none');
    expect(expiryStatus('2026-11-21', today)).toBe('expired');
    expect(expiryStatus('2026-11-22', today)).toBe('near');
    expect(expiryStatus('2027-02-20', today)).toBe('near');
    expect(expiryStatus('2027-02-21', today)).toBe('ok');
  });

  it('reads a typed target level: whole packs, Swedish thousands, empty removes', () => {
    expect(parseTargetInput('120')).toEqual({ ok: true, targetPacks: 120 });
    expect(parseTargetInput(' 1 200 ')).toEqual({ ok: true, targetPacks: 1200 });
    expect(parseTargetInput('1\u00a0200')).toEqual({ ok: true, targetPacks: 1200 });
    expect(parseTargetInput('')).toEqual({ ok: true, targetPacks: null });
    expect(parseTargetInput('0')).toEqual({ ok: true, targetPacks: 0 });
    for (const bad of ['-5', '12,5', '1.5', 'tolv', '10000001']) expect(parseTargetInput(bad)).toEqual({ ok: false });
  });
});
