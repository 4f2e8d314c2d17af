import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { saveFailureOf } from '../../../src/ui/counting/save-failure.ts';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('saveFailureOf: why a write to the device failed, as the person can act on it', () => {
  it('knows a full disk however it arrives', () => {
    // Straight from IndexedDB, mapped by Dexie, or as the cause of an aborted transaction.
    expect(saveFailureOf(quota())).toEqual({ kind: 'storage-full' });
    expect(saveFailureOf(new Dexie.QuotaExceededError('Quota exceeded'))).toEqual({ kind: 'storage-full' });
    expect(saveFailureOf(new Dexie.AbortError('Transaction aborted', quota()))).toEqual({ kind: 'storage-full' });
    expect(saveFailureOf(new Error('commit failed', { cause: quota() }))).toEqual({ kind: 'storage-full' });
    // Firefox's legacy name, and an engine that only says it in words.
    expect(saveFailureOf({ name: 'NS_ERROR_DOM_QUOTA_REACHED', message: '' })).toEqual({ kind: 'storage-full' });
    expect(saveFailureOf(new Error('QuotaExceededError: disk full'))).toEqual({ kind: 'storage-full' });
  });

  it('passes any other failure on with its message', () => {
    expect(
      saveFailureOf(new Dexie.AbortError('Transaction aborted', new DOMException('gone', 'UnknownError'))),
    ).toEqual({
      kind: 'other',
      detail: expect.stringContaining('Transaction aborted'),
    });
    expect(saveFailureOf(new Dexie.DatabaseClosedError('Database has been closed'))).toEqual({
      kind: 'other',
      detail: 'Database has been closed',
    });
    expect(saveFailureOf('plain text')).toEqual({ kind: 'other', detail: 'plain text' });
    expect(saveFailureOf(null)).toEqual({ kind: 'other', detail: 'null' });
  });

  it('stops on a chain of causes that loops', () => {
    const a: { name: string; message: string; cause?: unknown } = { name: 'Error', message: 'a' };
    a.cause = a;
    expect(saveFailureOf(a)).toEqual({ kind: 'other', detail: '[object Object]' });
  });
});
