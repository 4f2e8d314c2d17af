import { describe, expect, test } from 'vitest';
import { AI_DICTIONARY_ROWS, DICTIONARY_SHA256 } from '../../../src/domain/gs1/ai-table.generated.ts';
import { AI_ENTRIES, aiMatchesPattern, getAiEntry, lookupAiAt } from '../../../src/domain/gs1/ai-table.ts';
import { LINTERS } from '../../../src/domain/gs1/linters.ts';

describe('the AI table generated from the Syntax Dictionary', () => {
  test('has every AI of the dictionary, ranges expanded', () => {
    expect(AI_DICTIONARY_ROWS).toHaveLength(224);
    expect(AI_ENTRIES).toHaveLength(541);
    expect(DICTIONARY_SHA256).toMatch(/^[0-9a-f]{64}$/);
    expect(getAiEntry('3103')?.title).toBe('NET WEIGHT (kg)');
    expect(getAiEntry('3106')).toBeUndefined();
    expect(getAiEntry('95')?.maxLength).toBe(90);
  });

  test('reads the dictionary flags, components and attributes', () => {
    const gtin = getAiEntry('01');
    expect(gtin).toMatchObject({
      predefinedLength: true,
      dlDataAttribute: true,
      minLength: 14,
      maxLength: 14,
      ex: ['255', '37'],
    });
    expect(gtin?.components[0]?.linters).toEqual(['csum', 'gcppos2']);
    expect(gtin?.dlPrimaryKey).toEqual([['22', '10', '21'], ['235']]);
    expect(getAiEntry('00')?.dlPrimaryKey).toEqual([[]]);
    expect(getAiEntry('10')).toMatchObject({ predefinedLength: false, minLength: 1, maxLength: 20 });
    expect(getAiEntry('250')?.req).toEqual([
      [
        ['01', '21'],
        ['03', '21'],
        ['8006', '21'],
      ],
    ]);
    expect(getAiEntry('423')).toMatchObject({ minLength: 3, maxLength: 15 });
  });

  test('no AI is a prefix of another, so lookup is unambiguous', () => {
    for (const entry of AI_ENTRIES) {
      expect(lookupAiAt(`${entry.ai}999999`, 0)?.ai).toBe(entry.ai);
      for (const other of AI_ENTRIES) {
        if (other !== entry) expect(other.ai.startsWith(entry.ai)).toBe(false);
      }
    }
  });

  test('every linter the table names exists', () => {
    for (const entry of AI_ENTRIES) {
      for (const component of entry.components) {
        for (const name of component.linters) expect(LINTERS[name], `${entry.ai}: ${name}`).toBeTypeOf('function');
      }
    }
  });

  test('AI patterns with n wildcards', () => {
    expect(aiMatchesPattern('3103', '310n')).toBe(true);
    expect(aiMatchesPattern('3925', '39nn')).toBe(true);
    expect(aiMatchesPattern('310', '310n')).toBe(false);
    expect(aiMatchesPattern('3203', '310n')).toBe(false);
  });
});
