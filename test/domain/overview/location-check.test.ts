import { describe, expect, it } from 'vitest';
import { locationProblem } from '../../../src/domain/overview/location-check.ts';

const known = {
  siteCodes: new Set(['SSL-MITT', 'SSL-SYD']),
  siteOfLocation: new Map([
    ['SSL-MITT-R1-H1', 'SSL-MITT'],
    ['SSL-SYD-R1-H1', 'SSL-SYD'],
  ]),
};
const shelf = { code: 'SSL-MITT-R9-H1', siteCode: 'SSL-MITT', name: 'Rum 9, hylla 1' };

describe('locationProblem: one location as a site takes it', () => {
  it('takes a new location, and a new name for one of the same site', () => {
    expect(locationProblem(shelf, known)).toBeNull();
    expect(locationProblem({ ...shelf, code: 'SSL-MITT-R1-H1', name: 'Rum 1, hylla 1 (kyl)' }, known)).toBeNull();
    expect(locationProblem({ ...shelf, code: 'A/1_b.2-c' }, known)).toBeNull();
  });

  it('names what is wrong', () => {
    expect(locationProblem({ ...shelf, code: 'R9 H1' }, known)).toMatch(/not a usable code/);
    expect(locationProblem({ ...shelf, code: '-R9' }, known)).toMatch(/not a usable code/);
    expect(locationProblem({ ...shelf, code: 'X'.repeat(65) }, known)).toMatch(/not a usable code/);
    expect(locationProblem({ ...shelf, siteCode: 'NOPE' }, known)).toBe('There is no site "NOPE".');
    expect(locationProblem({ ...shelf, name: ' ' }, known)).toBe('The name is empty.');
    expect(locationProblem({ ...shelf, name: 'n'.repeat(201) }, known)).toBe('The name is longer than 200 characters.');
    // A labelled shelf never moves to another site: its counts would move with it.
    expect(locationProblem({ ...shelf, code: 'SSL-SYD-R1-H1' }, known)).toBe(
      'The location SSL-SYD-R1-H1 belongs to site SSL-SYD; a location code is unique over all sites.',
    );
  });
});
