import { describe, expect, it } from 'vitest';
import { locationOfLabel } from '../../../src/domain/stock-take/location-label.ts';

const locations = [
  { code: 'SSL-MITT-R1-H1', name: 'Rum 1, hylla 1' },
  { code: 'SSL-MITT-R1-H2', name: 'Rum 1, hylla 2' },
];

describe('locationOfLabel', () => {
  it('finds a location by the bare code a hand scanner or a person types', () => {
    expect(locationOfLabel(' SSL-MITT-R1-H2\n', locations)?.name).toBe('Rum 1, hylla 2');
  });

  it('reads past the symbology identifier the camera and some scanners send (Code 128, Data Matrix, QR)', () => {
    for (const prefix of [']C0', ']d1', ']Q1', ']C2'])
      expect(locationOfLabel(`${prefix}SSL-MITT-R1-H1`, locations)?.name, prefix).toBe('Rum 1, hylla 1');
  });

  it('never takes GS1 data for a label, and knows no other code', () => {
    expect(locationOfLabel(']C1SSL-MITT-R1-H1', locations)).toBeUndefined();
    expect(locationOfLabel(']d2SSL-MITT-R1-H1', locations)).toBeUndefined();
    expect(locationOfLabel('SSL-MITT-R1-H3', locations)).toBeUndefined();
    expect(locationOfLabel('ssl-mitt-r1-h1', locations)).toBeUndefined();
  });
});
