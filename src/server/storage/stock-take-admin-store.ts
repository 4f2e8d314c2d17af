import type { ResolutionRecord } from '../../domain/overview/conflict-views.ts';
import type { StockTake } from '../../domain/reference-data.ts';
import type { Dataset } from '../../domain/reference-datasets.ts';
import type { ReceivedEvent } from './event-store.ts';

/** Which current reference rows to read: all of the dataset, or only these keys / this site / this stock-take. */
export interface ReferenceRowFilter {
  keys?: readonly string[];
  /** Rows whose `siteCode` is this (locations, stock-takes, target levels). */
  siteCode?: string;
  /** Rows whose `stockTakeId` is this (expectations). */
  stockTakeId?: string;
}

/**
 * What a change to one stock-take row decides, given the row as it is: the new row (null: leave it
 * as it is) and what to answer.
 */
export interface StockTakeDecision<R> {
  row: StockTake | null;
  result: R;
}

/**
 * What the coordinators' stock-take administration (issue 8) keeps beside the events and the
 * reference data: how conflicts were settled, and the server's own device, under which it records
 * the correction events of a resolution. Same database and the same contract rules on both backends
 * (test/server/storage/stock-take-admin-contract.ts).
 */
export interface StockTakeAdminStore {
  /** Every event of one stock-take (counts, replacements, voids; of every device), by device and seq. */
  eventsOfStockTake(stockTakeId: string): Promise<ReceivedEvent[]>;
  /** The current rows of a dataset (no tombstones), parsed from JSON but not validated, by key. */
  referenceRows(dataset: Dataset, filter?: ReferenceRowFilter): Promise<unknown[]>;

  /** The recorded resolutions of a stock-take's conflicts, oldest decision first. */
  resolutions(stockTakeId: string): Promise<ResolutionRecord[]>;
  /** Records a resolution; it replaces an earlier one of the same conflict (the audit log keeps both). */
  recordResolution(record: ResolutionRecord): Promise<void>;

  /**
   * The server's own device id: a UUID made on first use, the same on every call and every server
   * instance (the first writer wins).
   */
  serverDeviceId(): Promise<string>;
  /**
   * Reserves `count` sequence numbers of the server's device for correction events: a run no other
   * call (on any instance) gets. Returns the device id and the first number of the run.
   */
  reserveServerSeqs(count: number): Promise<{ deviceId: string; firstSeq: number }>;

  /**
   * Changes one stock-take row by reading it and deciding on it in one transaction that holds the
   * reference data's write lock, so two changes of the same row (an approval and a recount request,
   * on any instance) never overwrite each other. A new row gets the next reference version, as with
   * writeReference: devices pull it and the overview sees it. `decide` gets null for an unknown id,
   * or a row that does not parse, and must not do I/O (it runs inside the transaction).
   */
  updateStockTake<R>(id: string, decide: (current: StockTake | null) => StockTakeDecision<R>): Promise<R>;
}
