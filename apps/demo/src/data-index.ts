/** How many images of each set the demo ships (the first of the training file, then of the test file). */
export const DATA_SLICE = { train: 6000, test: 1000 } as const;

/** One dataset's entry in `data/index.json`. */
export interface DatasetEntry {
  /** Whether its files were written at build time. */
  available: boolean;
  /** Where they came from, or why they are missing. */
  source: string;
}

/** `data/index.json`, written by `scripts/make-data.ts`. */
export interface DataIndex {
  train: number;
  test: number;
  datasets: { mnist: DatasetEntry; fashion?: DatasetEntry };
}
