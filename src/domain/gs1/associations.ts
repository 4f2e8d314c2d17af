// Rules between the AIs of one scan (GS1 General Specifications; `req=` and `ex=` in the dictionary).
// Each rule is checked once per distinct AI against the distinct AIs present, so the cost grows with
// the length of the scan, not its square.
import { aiMatchesPattern } from './ai-table.ts';
import type { AiEntry } from './dictionary-types.ts';

export interface ElementRef {
  readonly ai: string;
  readonly value: string;
  /** Undefined for an AI that is not in the dictionary. */
  readonly entry?: AiEntry;
  readonly position?: number;
}

export interface RequisiteViolation {
  readonly element: ElementRef;
  /** The unmet rule, as alternatives of AIs that must appear together, e.g. [['01', '21'], ['8006', '21']]. */
  readonly alternatives: readonly (readonly string[])[];
}

export interface ExclusionViolation {
  readonly element: ElementRef;
  readonly other: ElementRef;
}

/**
 * The first element of each distinct AI, in scan order. A plain array: scans carry a handful of AIs, and
 * there are at most a few hundred distinct ones, so the scan over it stays linear in the input.
 */
export function firstOfEachAi(elements: readonly ElementRef[]): ElementRef[] {
  const distinct: ElementRef[] = [];
  for (const e of elements) {
    let seen = false;
    for (const d of distinct) {
      if (d.ai === e.ai) {
        seen = true;
        break;
      }
    }
    if (!seen) distinct.push(e);
  }
  return distinct;
}

function anyPresent(distinct: readonly ElementRef[], pattern: string): boolean {
  for (const e of distinct) if (aiMatchesPattern(e.ai, pattern)) return true;
  return false;
}

/** `req=`: for every rule of every AI present, one alternative must be fully present. */
export function findMissingRequisites(
  elements: readonly ElementRef[],
  distinct: readonly ElementRef[] = firstOfEachAi(elements),
): RequisiteViolation[] {
  const violations: RequisiteViolation[] = [];
  for (const element of distinct) {
    for (const rule of element.entry?.req ?? []) {
      const satisfied = rule.some((alternative) => alternative.every((pattern) => anyPresent(distinct, pattern)));
      if (!satisfied) violations.push({ element, alternatives: rule });
    }
  }
  return violations;
}

/** `ex=`: AIs that must not appear together; an AI never excludes another occurrence of itself. Each pair once. */
export function findExclusions(
  elements: readonly ElementRef[],
  distinct: readonly ElementRef[] = firstOfEachAi(elements),
): ExclusionViolation[] {
  const violations: ExclusionViolation[] = [];
  for (const element of distinct) {
    const patterns = element.entry?.ex ?? [];
    if (patterns.length === 0) continue;
    for (const other of distinct) {
      if (other.ai === element.ai || !patterns.some((p) => aiMatchesPattern(other.ai, p))) continue;
      if (violations.some((v) => v.element.ai === other.ai && v.other.ai === element.ai)) continue;
      violations.push({ element, other });
    }
  }
  return violations;
}

/** The same AI more than once with different values (the same value repeated is harmless); one per AI. */
export function findConflictingRepeats(
  elements: readonly ElementRef[],
  distinct: readonly ElementRef[] = firstOfEachAi(elements),
): ElementRef[] {
  if (distinct.length === elements.length) return [];
  const conflicting: ElementRef[] = [];
  for (const e of elements) {
    const first = distinct.find((d) => d.ai === e.ai);
    if (first && first.value !== e.value && !conflicting.some((c) => c.ai === e.ai)) conflicting.push(e);
  }
  return conflicting;
}

/**
 * A digital signature (8030) must sign a serialised key: (253) and (255) need their serial component
 * (more than 13 characters), (8003) needs its serial component (more than 14).
 */
export function findUnserialisedSignedKeys(elements: readonly ElementRef[]): ElementRef[] {
  if (!elements.some((e) => e.ai === '8030')) return [];
  return elements.filter(
    (e) => ((e.ai === '253' || e.ai === '255') && e.value.length <= 13) || (e.ai === '8003' && e.value.length <= 14),
  );
}
