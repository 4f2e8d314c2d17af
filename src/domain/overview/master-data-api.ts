import { z } from 'zod/mini';
import { gtinSchema } from '../count-event.ts';
import { locationSchema, siteSchema } from '../reference-data.ts';

/**
 * Master data as the coordinators' screens read and edit it (issue 8):
 * - GET /api/v1/sites (stock-takes:read)                     → { sites: SiteWithLocations[] }, by code
 * - PUT /api/v1/target-levels (master-data:manage)           → the target level as stored
 *   body { siteCode, gtin, targetPacks }; targetPacks null deletes the target.
 */
export const siteWithLocationsSchema = z.object({
  ...siteSchema.shape,
  locations: z.array(locationSchema),
});
export type SiteWithLocations = z.infer<typeof siteWithLocationsSchema>;
export const siteListSchema = z.object({ sites: z.array(siteWithLocationsSchema) });

export const setTargetLevelSchema = z.strictObject({
  siteCode: z.string().check(z.minLength(1), z.maxLength(64)),
  gtin: gtinSchema,
  targetPacks: z.nullable(z.int().check(z.gte(0), z.lte(10_000_000))),
});
export type SetTargetLevel = z.infer<typeof setTargetLevelSchema>;
