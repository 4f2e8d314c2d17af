import type { SessionUser } from '../../../domain/auth/api.ts';
import { can } from '../../../domain/auth/roles.ts';
import type { ConflictView, ResolutionKind, StockTakeProgress } from '../../../domain/overview/stock-take-admin.ts';
import type { StockTake } from '../../../domain/reference-data.ts';

/** Why "Approve" is disabled, in the order the person can do something about it. */
export type ApproveBlock = 'forbidden' | 'approved' | 'open-conflicts';

/** Null when the user may approve the stock-take now (the server answers 409 otherwise). */
export function approveBlock(progress: StockTakeProgress, user: SessionUser | null): ApproveBlock | null {
  if (!user || !can(user.role, 'stock-takes:approve')) return 'forbidden';
  if (progress.stockTake.status === 'approved') return 'approved';
  if (progress.openConflicts > 0) return 'open-conflicts';
  return null;
}

/** "Submit" (counted, ready for approval) is offered while the stock-take is open, to anyone who counts. */
export function maySubmit(stockTake: StockTake, user: SessionUser | null): boolean {
  return stockTake.status === 'open' && user !== null && can(user.role, 'stock-takes:submit');
}

/**
 * A conflict is settled when a resolution decided it for good: one device accepted, or both counts
 * kept as separate zones. A recount request leaves it open until the new counts agree.
 */
export function isSettled(conflict: ConflictView): boolean {
  return conflict.resolution !== null && conflict.resolution.kind !== 'recount';
}

/** The resolutions that fit a conflict: separate zones only make sense for two totals at one place. */
export function resolutionsFor(conflict: ConflictView): ResolutionKind[] {
  if (isSettled(conflict)) return [];
  return conflict.kind === 'location-totals'
    ? ['accept-device', 'separate-zones', 'recount']
    : ['accept-device', 'recount'];
}

/** Open conflicts first (what needs a decision), then settled ones; the server's order within each. */
export function conflictsInWorkOrder(conflicts: readonly ConflictView[]): ConflictView[] {
  return [...conflicts.filter((c) => !isSettled(c)), ...conflicts.filter(isSettled)];
}

/** The share of the stock-take's locations with standing counts, 0–100, for the progress bar. */
export function countedShare(progress: StockTakeProgress): number {
  const { countedLocations, locations } = progress.totals;
  return locations === 0 ? 0 : Math.round((countedLocations / locations) * 100);
}
