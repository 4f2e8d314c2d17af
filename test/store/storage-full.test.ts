import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { isStorageFull } from '../../src/store/storage-full.ts';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('isStorageFull: a write failed because the device has no space left', () => {
  it('knows it however it arrives', () => {
    // Straight from IndexedDB, mapped by Dexie, or as the cause of an aborted transaction.
    expect(isStorageFull(quota())).toBe(true);
    expect(isStorageFull(new Dexie.QuotaExceededError('Quota exceeded'))).toBe(true);
    expect(isStorageFull(new Dexie.AbortError('Transaction aborted', quota()))).toBe(true);
    expect(isStorageFull(new Error('commit failed', { cause: quota() }))).toBe(true);
    // Firefox's legacy name, and an engine that only says it in words.
    expect(isStorageFull({ name: 'NS_ERROR_DOM_QUOTA_REACHED', message: '' })).toBe(true);
    expect(isStorageFull(new Error('QuotaExceededError: disk full'))).toBe(true);
  });

  it('is not fooled by other failures', () => {
    expect(isStorageFull(new Dexie.AbortError('Transaction aborted', new DOMException('gone', 'UnknownError')))).toBe(
      false,
    );
    expect(isStorageFull(new Dexie.DatabaseClosedError('Database has been closed'))).toBe(false);
    expect(isStorageFull(new TypeError('Failed to fetch'))).toBe(false);
    expect(isStorageFull('plain text')).toBe(false);
    expect(isStorageFull(null)).toBe(false);
  });

  it('stops on a chain of causes that loops', () => {
    const looping: { name: string; message: string; cause?: unknown } = { name: 'Error', message: 'a' };
    looping.cause = looping;
    expect(isStorageFull(looping)).toBe(false);
  });
});
