import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { saveFailureOf, saveFailureText } from '../../src/ui/save-failure.ts';

const texts = { storageFull: 'full', other: (reason: string) => `other: ${reason}` };

describe('saveFailureOf / saveFailureText: a failed write in words the person can act on', () => {
  it('names a full disk, and nothing else', () => {
    const full = new Dexie.AbortError('Transaction aborted', new DOMException('', 'QuotaExceededError'));
    expect(saveFailureOf(full)).toEqual({ kind: 'storage-full' });
    expect(saveFailureText(full, texts)).toBe('full');
  });

  it('passes any other failure on with its own message', () => {
    const closed = new Dexie.DatabaseClosedError('Database has been closed');
    expect(saveFailureOf(closed)).toEqual({ kind: 'other', detail: 'Database has been closed' });
    expect(saveFailureText(closed, texts)).toBe('other: Database has been closed');
    expect(saveFailureText('plain text', texts)).toBe('other: plain text');
  });
});
