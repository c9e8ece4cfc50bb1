import { useState } from "react";
import { messageOf } from "../api/errors";
import { toCsv } from "../lib/csv";
import { downloadText } from "../lib/download";

export interface CsvExport<T> {
  /** How many records the running export has read so far (every 100); undefined when none runs. */
  progress: number | undefined;
  /** Why the last export failed, or "". */
  error: string;
  /** Reads every record of a server stream, then offers them as `<file name>-<date>.csv`. */
  run: (records: AsyncIterable<T>) => Promise<void>;
}

/** An export to a CSV download: a header row of `columns`, then one row per record, written by `row`. */
export function useCsvExport<T>(fileName: string, columns: readonly string[], row: (record: T) => string[]): CsvExport<T> {
  const [progress, setProgress] = useState<number>();
  const [error, setError] = useState("");
  const run = async (records: AsyncIterable<T>) => {
    setError("");
    setProgress(0);
    const rows: string[][] = [[...columns]];
    try {
      for await (const record of records) {
        rows.push(row(record));
        if (rows.length % 100 === 0) setProgress(rows.length - 1);
      }
      downloadText(`${fileName}-${new Date().toISOString().slice(0, 10)}.csv`, toCsv(rows));
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setProgress(undefined);
    }
  };
  return { progress, error, run };
}
