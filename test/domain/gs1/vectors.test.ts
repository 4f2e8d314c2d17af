// Runs every conformance vector in ./vectors (see its README for the formats). Each test is named by
// the vector's `src` (file:line in the upstream GS1 repository). Vectors listed in vector-exceptions.ts
// are expected to differ, each for the reason given there.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkAiValue } from '../../../src/domain/gs1/ai-value.ts';
import {
  findConflictingRepeats,
  findExclusions,
  findMissingRequisites,
  findUnserialisedSignedKeys,
} from '../../../src/domain/gs1/associations.ts';
import { readDigitalLink } from '../../../src/domain/gs1/digital-link.ts';
import {
  type LocatedElement,
  readBracketedElementString,
  readElementString,
  toEngineElementString,
} from '../../../src/domain/gs1/element-string.ts';
import { IssueList } from '../../../src/domain/gs1/issues.ts';
import { runLinter } from '../../../src/domain/gs1/linters.ts';
import { processScanData } from '../../../src/domain/gs1/scan-data.ts';
import { VECTOR_EXCEPTIONS } from './vector-exceptions.ts';

/** The linters' vectors assume a compiled-in current year of 2021 (see the README); so do the others. */
const VECTOR_CONTEXT = { referenceYear: 2021 } as const;

interface EngineOptions {
  readonly permitUnknownAIs?: boolean;
  readonly permitZeroSuppressedGTINinDLuris?: boolean;
  readonly permitConvenienceAlphas?: boolean;
  readonly validations?: Readonly<Record<string, boolean>>;
}

interface LinterVector {
  readonly linter: string;
  readonly input: string;
  readonly ok: boolean;
  readonly error?: string;
  readonly marked?: string;
  readonly src: string;
}

interface ScanDataVector {
  readonly scan: string;
  readonly ok: boolean;
  readonly symbology: string;
  readonly expect: string;
  readonly dlAI?: string;
  readonly opts: EngineOptions;
  readonly src: string;
}

interface DigitalLinkVector {
  readonly uri: string;
  readonly ok: boolean;
  readonly expect: string | null;
  readonly opts: EngineOptions;
  readonly src: string;
}

interface AiDataVector {
  readonly input: string;
  readonly ok: boolean;
  readonly expect: string | null;
  readonly kind: 'bracketed' | 'unbracketed' | 'bracketed-lint' | 'errmarkup' | 'validate';
  readonly error?: string;
  readonly validation?: 'MUTEX_AIS' | 'REQUISITE_AIS' | 'REPEATED_AIS' | 'DIGSIG_SERIAL_KEY';
  readonly opts: EngineOptions;
  readonly src: string;
}

function load<T>(file: string): T[] {
  return readFileSync(new URL(`./vectors/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

/** Vectors on the exceptions list must still behave as the list says: the opposite of `ok`. */
function expectOutcome(src: string, actualOk: boolean, expectedOk: boolean): boolean {
  const exception = VECTOR_EXCEPTIONS.find((e) => e.src === src);
  if (exception) {
    expect(actualOk, `documented exception: ${exception.reason}`).toBe(!expectedOk);
    return false;
  }
  expect(actualOk).toBe(expectedOk);
  return true;
}

function mark(input: string, position: number, length: number): string {
  return `${input.slice(0, position)}*${input.slice(position, position + length)}*${input.slice(position + length)}`;
}

function readBracketed(input: string, opts: EngineOptions): { elements: LocatedElement[]; issues: IssueList } {
  const issues = new IssueList();
  const elements = readBracketedElementString(
    input,
    0,
    input.length,
    { ...VECTOR_CONTEXT, permitUnknownAis: opts.permitUnknownAIs === true },
    issues,
  );
  return { elements, issues };
}

describe('linters.jsonl: GS1 syntax tests', () => {
  test.for(load<LinterVector>('linters.jsonl'))('$src $linter $input', (v) => {
    const failure = runLinter(v.linter, v.input, VECTOR_CONTEXT);
    if (!expectOutcome(v.src, failure === undefined, v.ok) || !failure) return;
    expect(`GS1_LINTER_${failure.code}`).toBe(v.error);
    expect(mark(v.input, failure.position, failure.length)).toBe(v.marked);
  });
});

describe('scandata.jsonl: scan data with AIM symbology identifiers', () => {
  test.for(load<ScanDataVector>('scandata.jsonl'))('$src $scan', (v) => {
    const result = processScanData(v.scan, VECTOR_CONTEXT);
    if (!expectOutcome(v.src, result.ok, v.ok)) return;
    expect(result.symbology).toBe(v.symbology);
    expect(result.dataString).toBe(v.expect);
    if (v.dlAI !== undefined) expect(result.dlElementString).toBe(v.dlAI);
  });
});

describe('dl.jsonl: GS1 Digital Link URIs', () => {
  test.for(load<DigitalLinkVector>('dl.jsonl'))('$src $uri', (v) => {
    const issues = new IssueList();
    const elements = readDigitalLink(
      v.uri,
      0,
      v.uri.length,
      {
        ...VECTOR_CONTEXT,
        permitZeroSuppressedGtin: v.opts.permitZeroSuppressedGTINinDLuris === true,
        permitConvenienceAlphas: v.opts.permitConvenienceAlphas === true,
      },
      issues,
    );
    const ok = elements !== undefined && !issues.hasErrors;
    if (!expectOutcome(v.src, ok, v.ok) || !elements || v.expect === null) return;
    expect(toEngineElementString(elements)).toBe(v.expect);
  });
});

describe('aidata.jsonl: AI data', () => {
  const vectors = load<AiDataVector>('aidata.jsonl');

  test.for(vectors.filter((v) => v.kind === 'bracketed'))('$src bracketed $input', (v) => {
    const { elements, issues } = readBracketed(v.input, v.opts);
    if (!expectOutcome(v.src, !issues.hasErrors, v.ok) || v.expect === null) return;
    expect(toEngineElementString(elements)).toBe(v.expect);
  });

  test.for(vectors.filter((v) => v.kind === 'unbracketed'))('$src unbracketed $input', (v) => {
    // `^` is FNC1: in first position it marks GS1 data, elsewhere it is the GS separator.
    const gs1 = v.input.startsWith('^');
    const data = v.input.replace(/\^/g, '\x1d');
    const issues = new IssueList();
    if (gs1) readElementString(data, 1, data.length, VECTOR_CONTEXT, issues);
    expectOutcome(v.src, gs1 && !issues.hasErrors, v.ok);
  });

  test.for(vectors.filter((v) => v.kind === 'bracketed-lint'))('$src bracketed-lint $input', (v) => {
    const { issues } = readBracketed(v.input, v.opts);
    const first = issues.errors[0];
    if (!expectOutcome(v.src, first === undefined, v.ok) || !first) return;
    expect(`GS1_LINTER_${first.lintCode}`).toBe(v.error);
  });

  test.for(vectors.filter((v) => v.kind === 'errmarkup'))('$src errmarkup $input', (v) => {
    const { elements } = readBracketed(v.input, v.opts);
    const failed = elements
      .map((e) => ({ element: e, failure: checkAiValue(e.entry, e.value, VECTOR_CONTEXT) }))
      .find((x) => x.failure !== undefined);
    if (!expectOutcome(v.src, failed === undefined, v.ok) || !failed || failed.failure?.kind !== 'lint') return;
    // The engine shows the value up to the end of the failing component, the bad span between bars.
    const { componentStart, componentEnd, lint } = failed.failure;
    const shown = failed.element.value.slice(0, componentEnd);
    const at = componentStart + lint.position;
    const markup = `${shown.slice(0, at)}|${shown.slice(at, at + lint.length)}|${shown.slice(at + lint.length)}`;
    expect(`(${failed.element.ai})${markup}`).toBe(v.expect);
  });

  test.for(vectors.filter((v) => v.kind === 'validate'))('$src validate $validation $input', (v) => {
    const { elements, issues } = readBracketed(v.input, v.opts);
    expect(issues.errors).toEqual([]);
    const violations = {
      MUTEX_AIS: () => findExclusions(elements).length,
      REQUISITE_AIS: () => findMissingRequisites(elements).length,
      REPEATED_AIS: () => findConflictingRepeats(elements).length,
      DIGSIG_SERIAL_KEY: () => findUnserialisedSignedKeys(elements).length,
    }[v.validation ?? 'MUTEX_AIS']();
    expectOutcome(v.src, violations === 0, v.ok);
  });

  test('every vector kind is covered', () => {
    const kinds = new Set(vectors.map((v) => v.kind));
    expect([...kinds].sort()).toEqual(['bracketed', 'bracketed-lint', 'errmarkup', 'unbracketed', 'validate']);
  });
});

describe('vector-exceptions.ts', () => {
  test('every documented exception names an existing vector and gives a reason', () => {
    const all = [
      ...load<{ src: string }>('linters.jsonl'),
      ...load<{ src: string }>('scandata.jsonl'),
      ...load<{ src: string }>('dl.jsonl'),
      ...load<{ src: string }>('aidata.jsonl'),
    ].map((v) => v.src);
    for (const exception of VECTOR_EXCEPTIONS) {
      expect(all).toContain(exception.src);
      expect(exception.reason.length).toBeGreaterThan(20);
    }
  });
});
