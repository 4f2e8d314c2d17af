import { describe, expect, it } from 'vitest';
import { ApiCallError } from '../../../src/ui/api-client.ts';
import {
  CSV_TYPE,
  classifyImportError,
  importContentType,
  importPath,
  XLSX_TYPE,
} from '../../../src/ui/coordinator/import-files.ts';

const preview = {
  dryRun: false,
  written: false,
  format: 'csv',
  rows: 3,
  new: 2,
  changed: 0,
  unchanged: 0,
  errorCount: 1,
  errors: [{ row: 3, column: 'gtin', message: 'The check digit is wrong.' }],
};

describe('choosing an import file', () => {
  it('sends CSV as text/csv whatever type the browser guessed, and XLSX as XLSX', () => {
    expect(importContentType({ name: 'katalog.CSV', type: 'application/vnd.ms-excel' })).toBe(CSV_TYPE);
    expect(importContentType({ name: 'katalog.csv', type: '' })).toBe(CSV_TYPE);
    expect(importContentType({ name: 'malnivaer.xlsx', type: '' })).toBe(XLSX_TYPE);
    expect(importContentType({ name: 'download', type: XLSX_TYPE })).toBe(XLSX_TYPE);
    expect(importContentType({ name: 'katalog.xls', type: 'application/vnd.ms-excel' })).toBeNull();
    expect(importContentType({ name: 'bild.png', type: 'image/png' })).toBeNull();
  });

  it('names the endpoint and the dry run', () => {
    expect(importPath('catalog', true)).toBe('/admin/catalog/import?dryRun=true');
    expect(importPath('target-levels', false)).toBe('/admin/target-levels/import?dryRun=false');
  });
});

describe('why an import was refused', () => {
  it('reads the row errors out of a 422', () => {
    const failure = classifyImportError(
      new ApiCallError('Nothing was imported', 422, 'invalid_request', {
        error: 'invalid_request',
        message: 'x',
        ...preview,
      }),
    );
    expect(failure).toEqual({ kind: 'row-errors', preview });
  });

  it('tells a 422 for an empty file from one with errors', () => {
    const empty = { ...preview, rows: 0, new: 0, errorCount: 0, errors: [] };
    expect(classifyImportError(new ApiCallError('x', 422, 'invalid_request', empty))).toEqual({ kind: 'no-rows' });
  });

  it('names size, type, permission and connection problems', () => {
    expect(classifyImportError(new ApiCallError('x', 413, 'payload_too_large'))).toEqual({ kind: 'too-large' });
    expect(classifyImportError(new ApiCallError('x', 415, 'unsupported_media_type'))).toEqual({
      kind: 'unsupported-type',
    });
    expect(classifyImportError(new ApiCallError('x', 403, null))).toEqual({ kind: 'not-allowed' });
    expect(classifyImportError(new ApiCallError('x', 0, null))).toEqual({ kind: 'offline' });
    expect(classifyImportError(new ApiCallError('The CSV file is malformed', 400, 'invalid_request'))).toEqual({
      kind: 'unreadable',
      message: 'The CSV file is malformed',
    });
  });

  it('keeps the message of anything else', () => {
    expect(classifyImportError(new ApiCallError('boom', 500, null))).toEqual({ kind: 'other', message: 'boom' });
    expect(classifyImportError(new ApiCallError('odd', 422, null, { nothing: true }))).toEqual({
      kind: 'other',
      message: 'odd',
    });
    expect(classifyImportError(new Error('plain'))).toEqual({ kind: 'other', message: 'Error: plain' });
  });
});
