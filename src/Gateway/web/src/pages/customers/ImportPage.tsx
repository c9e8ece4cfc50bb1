import { type ChangeEvent, useMemo, useRef, useState } from "react";
import { Link } from "react-router";
import { messageOf } from "../../api/errors";
import { sendImportBatch } from "../../api/importBatch";
import { ErrorAlert } from "../../components/Alert";
import { CheckboxField } from "../../components/fields";
import type { ImportJob } from "../../gen/crm/customers/v1/customers_pb";
import { type CsvRecord, parseCsv } from "../../lib/csv";
import { planImport } from "../../lib/customerCsv";
import { newUuid } from "../../lib/uuid";

/** Rows sent per ImportCustomers call. */
const batchSize = 100;

interface LoadedFile {
  name: string;
  records: CsvRecord[];
}

/** Imports customers from a CSV file in batches, showing progress and the rows the service refused. */
export function ImportPage() {
  const [file, setFile] = useState<LoadedFile>();
  const [readError, setReadError] = useState("");
  const [confirmDuplicates, setConfirmDuplicates] = useState(false);
  const [job, setJob] = useState<ImportJob>();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState("");
  const stop = useRef<AbortController | undefined>(undefined);
  const plan = useMemo(() => (file ? planImport(file.name, file.records, confirmDuplicates) : undefined), [file, confirmDuplicates]);
  const lineOf = useMemo(() => new Map(plan?.rows.map((r) => [r.row.rowKey, r.line])), [plan]);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    setFile(undefined);
    setJob(undefined);
    setReadError("");
    setError("");
    if (!chosen) return;
    try {
      setFile({ name: chosen.name, records: parseCsv(await chosen.text()) });
    } catch (failure) {
      setReadError(`${chosen.name} cannot be read as CSV: ${failure instanceof Error ? failure.message : String(failure)}`);
    }
  };

  const start = async () => {
    if (!plan) return;
    const controller = new AbortController();
    stop.current = controller;
    setRunning(true);
    setError("");
    setJob(undefined);
    const importId = newUuid();
    try {
      for (let i = 0; i < plan.rows.length && !controller.signal.aborted; i += batchSize) {
        const rows = plan.rows.slice(i, i + batchSize).map((r) => r.row);
        setJob(await sendImportBatch({ importId, totalRows: plan.rows.length, rows }, controller.signal));
      }
    } catch (failure) {
      if (!controller.signal.aborted) setError(messageOf(failure));
    } finally {
      setRunning(false);
      stop.current = undefined;
    }
  };

  const total = job?.totalRows || plan?.rows.length || 0;
  const processed = job?.processedRows ?? 0;
  const percent = total > 0 ? Math.floor((processed * 100) / total) : 0;
  const canStart = plan !== undefined && plan.problems.length === 0 && plan.rows.length > 0 && !running;
  return (
    <section>
      <div className="page-header">
        <h1>Import customers</h1>
        <Link className="button secondary" to="/customers">Back to customers</Link>
      </div>
      <p>
        A CSV file with a header row. Columns: <code>display_name</code> (or <code>name</code>) is required; <code>id</code>, <code>kind</code>,{" "}
        <code>email</code>, <code>phone</code>, <code>domain</code>, <code>owner_user_id</code>, <code>team</code>, <code>tags</code> (separated by ;),{" "}
        address columns (<code>address_lines</code>, <code>locality</code>, <code>administrative_area</code>, <code>postal_code</code>, <code>region_code</code>){" "}
        and one contact per row (<code>contact_given_name</code>, <code>contact_family_name</code>, <code>contact_email</code>, <code>contact_phone</code>,{" "}
        <code>contact_job_title</code>). A file exported from the customers list imports as it is. Importing a file again creates nothing twice.
      </p>
      <div className="field">
        <label htmlFor="csv-file">CSV file</label>
        <input id="csv-file" type="file" accept=".csv,text/csv" onChange={(e) => void choose(e)} disabled={running} />
      </div>
      <ErrorAlert message={readError} />
      {plan && (
        <div className="import-plan">
          <p>{plan.rows.length} row{plan.rows.length === 1 ? "" : "s"} to import from {file?.name}.</p>
          {plan.ignoredColumns.length > 0 && <p>Not imported: the columns {plan.ignoredColumns.join(", ")}.</p>}
          {plan.problems.map((p) => <ErrorAlert key={p} message={p} />)}
          <CheckboxField label="Import probable duplicates too" checked={confirmDuplicates} onChange={setConfirmDuplicates} />
          <div className="form-buttons">
            <button type="button" onClick={() => void start()} disabled={!canStart}>Start import</button>
            {running && <button type="button" className="secondary" onClick={() => stop.current?.abort()}>Stop</button>}
          </div>
        </div>
      )}
      <ErrorAlert message={error} />
      {(running || job) && (
        <div className="progress" aria-live="polite">
          <label htmlFor="import-progress">Import progress</label>
          <progress id="import-progress" max={total} value={processed} />
          <p>{processed} of {total} rows ({percent}%){running ? "…" : ""}</p>
        </div>
      )}
      {job && (
        <dl className="facts inline">
          <dt>Customers created</dt><dd>{job.createdAccounts}</dd>
          <dt>Contacts created</dt><dd>{job.createdContacts}</dd>
          <dt>Already imported</dt><dd>{job.skippedRows}</dd>
          <dt>Failed rows</dt><dd>{job.failedRows}</dd>
        </dl>
      )}
      {job && job.errors.length > 0 && (
        <table className="data compact">
          <caption>Rows not imported{job.failedRows > job.errors.length ? ` (the first ${job.errors.length} of ${job.failedRows})` : ""}</caption>
          <thead><tr><th scope="col">Line</th><th scope="col">Field</th><th scope="col">Problem</th></tr></thead>
          <tbody>
            {job.errors.map((e) => (
              <tr key={`${e.rowKey}-${e.field}`}>
                <td>{lineOf.get(e.rowKey) ?? e.rowKey}</td>
                <td>{e.field.replace(/^account\./, "")}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
