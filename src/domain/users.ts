import { z } from 'zod/mini';

/**
 * A person who counts or manages counts. Devices pull the users so that a count can name who made
 * it (`userId` on the event); issue 7 adds how people sign in.
 */
export const userRoleSchema = z.enum(['counter', 'supervisor', 'administrator']);
export type UserRole = z.infer<typeof userRoleSchema>;

export const userSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  role: userRoleSchema,
  /**
   * Set when the user was revoked (issue 7): a device that pulls it stops letting the user unlock
   * with a PIN. Absent on users that were never revoked (and on rows from before revocation existed).
   */
  revokedAt: z.optional(z.iso.datetime({ offset: false })),
});
export type User = z.infer<typeof userSchema>;
