import { describe, expect, it } from 'vitest';
import { DATASETS } from '../../src/domain/reference-datasets.ts';
import { inProcessServer } from '../support/server.ts';

describe('GET /api/v1/openapi.json', () => {
  it('describes every endpoint with the schemas generated from the shared zod schemas', async () => {
    const server = inProcessServer();
    try {
      const response = await server.app.request('/api/v1/openapi.json');
      expect(response.status).toBe(200);
      const doc = (await response.json()) as {
        openapi: string;
        paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
        components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
      };
      expect(doc.openapi).toBe('3.1.0');
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(['/api/v1/sync/push', '/api/v1/sync/pull', '/api/v1/demo']),
      );
      expect(Object.keys(doc.paths['/api/v1/sync/push']?.post?.responses ?? {})).toEqual(
        expect.arrayContaining(['200', '400', '413', '426']),
      );
      expect(Object.keys(doc.paths['/api/v1/sync/pull']?.get?.responses ?? {})).toEqual(
        expect.arrayContaining(['200', '410', '426']),
      );
      const schemas = doc.components.schemas;
      expect(schemas.PushResponse?.required).toEqual(
        expect.arrayContaining(['highestContiguousSeq', 'serverTime', 'clockSkewMs', 'results']),
      );
      expect(schemas.CountEvent?.required).toEqual(expect.arrayContaining(['id', 'deviceId', 'seq', 'quantity']));
      for (const dataset of DATASETS) expect(schemas[`PullPage_${dataset}`]).toBeDefined();
      // Every route of the API is described (so a new endpoint cannot be forgotten here).
      const apiRoutes = server.app.routes
        .filter((r) => r.path.startsWith('/api/v1/') && !r.path.includes('*') && r.method !== 'ALL')
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
      const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m} ${path}`),
      );
      expect(documented).toEqual(expect.arrayContaining([...new Set(apiRoutes)]));
      // Every $ref points at a schema that exists.
      const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
      for (const ref of refs) expect(schemas[ref as string], ref).toBeDefined();
    } finally {
      await server.close();
    }
  });
});
