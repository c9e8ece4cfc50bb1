import type { CsvExport } from "./useCsvExport";

/** Starts an export of `records` (disabled while one runs, counting the records read). */
export function ExportCsvButton<T>({ csv, records }: { csv: CsvExport<T>; records: () => AsyncIterable<T> }) {
  return (
    <button type="button" className="secondary" onClick={() => csv.run(records())} disabled={csv.progress !== undefined}>
      {csv.progress === undefined ? "Export CSV" : `Exporting… ${csv.progress}`}
    </button>
  );
}
