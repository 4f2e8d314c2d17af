import { describe, expect, it } from 'vitest';
import { classifyCameraError } from '../../src/scan/camera.ts';
import { detectPlatform } from '../../src/ui/scanner/platform.ts';

const named = (name: string) => Object.assign(new Error('camera'), { name });

describe('classifyCameraError', () => {
  it.each([
    ['NotAllowedError', 'permission-denied'],
    ['SecurityError', 'permission-denied'],
    ['NotFoundError', 'no-camera'],
    ['OverconstrainedError', 'no-camera'],
    ['NotReadableError', 'camera-busy'],
    ['AbortError', 'camera-busy'],
    ['TypeError', 'failed'],
  ] as const)('%s → %s', (name, problem) => {
    expect(classifyCameraError(named(name))).toBe(problem);
  });

  it('handles DOMException-like objects and junk', () => {
    expect(classifyCameraError({ name: 'NotAllowedError', message: 'denied' })).toBe('permission-denied');
    expect(classifyCameraError('boom')).toBe('failed');
    expect(classifyCameraError(undefined)).toBe('failed');
  });
});

describe('detectPlatform', () => {
  it('tells Android, iOS (iPadOS too) and desktop apart', () => {
    expect(
      detectPlatform('Mozilla/5.0 (Linux; Android 14; SM-T636B) AppleWebKit/537.36 Chrome/126 Safari/537.36'),
    ).toBe('android');
    expect(
      detectPlatform(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Version/17.5 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('ios');
    expect(
      detectPlatform(
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Version/17.5 Safari/605.1.15',
        5,
      ),
    ).toBe('ios');
    expect(
      detectPlatform(
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Version/17.5 Safari/605.1.15',
        0,
      ),
    ).toBe('desktop');
    expect(
      detectPlatform('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126 Safari/537.36'),
    ).toBe('desktop');
  });
});
