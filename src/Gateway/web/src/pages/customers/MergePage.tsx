import { type FormEvent, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { customers } from "../../api/clients";
import { explain } from "../../api/errors";
import { ErrorAlert } from "../../components/Alert";
import { useLoad } from "../../components/useLoad";
import { type Account, AccountKindSchema, ValueTierSchema } from "../../gen/crm/customers/v1/customers_pb";
import { enumLabel } from "../../lib/enums";
import { customerPath } from "../../lib/names";

/** The fields a merge lets the user take from any of the records, by their proto names. */
const mergeFields: { field: string; label: string; value: (a: Account) => string }[] = [
  { field: "display_name", label: "Name", value: (a) => a.displayName },
  { field: "kind", label: "Kind", value: (a) => enumLabel(AccountKindSchema, a.kind) },
  { field: "email", label: "Email", value: (a) => a.email },
  { field: "phone", label: "Phone", value: (a) => a.phone },
  { field: "domain", label: "Web domain", value: (a) => a.domain },
  { field: "team", label: "Team", value: (a) => a.team },
  { field: "owner_user_id", label: "Owner", value: (a) => a.ownerUserId },
  { field: "value_tier", label: "Value tier", value: (a) => enumLabel(ValueTierSchema, a.valueTier) },
  {
    field: "address",
    label: "Address",
    value: (a) => (a.address ? [...a.address.addressLines, a.address.locality, a.address.postalCode, a.address.regionCode].filter(Boolean).join(", ") : ""),
  },
];

/** Merges customers into one: pick the record that remains, then for each field whose value to keep. */
export function MergePage() {
  const [params] = useSearchParams();
  const ids = (params.get("ids") ?? "").split(",").filter(Boolean);
  const navigate = useNavigate();
  const records = useLoad((signal) => Promise.all(ids.map((id) => customers.getAccount({ name: `accounts/${id}` }, { signal }))), [params.get("ids")]);
  const [survivor, setSurvivor] = useState("");
  const [sources, setSources] = useState<Record<string, string>>({});
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const accounts = records.data ?? [];
  const survivorName = survivor || accounts[0]?.name || "";

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError("");
    const survivorAccount = accounts.find((a) => a.name === survivorName)!;
    const fieldSources = Object.fromEntries(Object.entries(sources).filter(([, from]) => from !== survivorName && accounts.some((a) => a.name === from)));
    try {
      const merged = await customers.mergeAccounts({
        survivor: survivorName,
        merged: accounts.filter((a) => a.name !== survivorName).map((a) => a.name),
        fieldSources,
        etag: survivorAccount.etag,
      });
      navigate(customerPath(merged.name));
    } catch (failure) {
      setError(explain(failure).message);
      setBusy(false);
    }
  };

  if (ids.length < 2) return <ErrorAlert message="Choose at least two customers to merge, from the duplicates list." />;
  return (
    <section>
      <h1>Merge customers</h1>
      <p>The customer that remains keeps its own values unless you pick another record's value below. Tags are combined; contacts, interactions and relationships move to the remaining customer, and the others' addresses keep leading to it.</p>
      {records.loading && <p role="status">Loading…</p>}
      <ErrorAlert message={records.error || error}>
        {error && records.data && <button type="button" onClick={records.reload}>Reload</button>}
      </ErrorAlert>
      {accounts.length > 0 && (
        <form onSubmit={submit} aria-label="Merge customers">
          <table className="data merge">
            <caption className="visually-hidden">Values of each customer; choose which to keep</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                {accounts.map((a, i) => <th scope="col" key={a.name}>Record {i + 1}</th>)}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Remains</th>
                {accounts.map((a, i) => (
                  <td key={a.name}>
                    <label className="choice">
                      <input type="radio" name="survivor" checked={survivorName === a.name} onChange={() => setSurvivor(a.name)} />
                      Keep record {i + 1} ({a.displayName})
                    </label>
                  </td>
                ))}
              </tr>
              {mergeFields.map((f) => (
                <tr key={f.field}>
                  <th scope="row">{f.label}</th>
                  {accounts.map((a) => (
                    <td key={a.name}>
                      <label className="choice">
                        <input
                          type="radio"
                          name={f.field}
                          checked={(sources[f.field] ?? survivorName) === a.name}
                          onChange={() => setSources({ ...sources, [f.field]: a.name })}
                        />
                        {f.value(a) || <em>empty</em>}
                        <span className="visually-hidden"> ({f.label} of {a.displayName})</span>
                      </label>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <div className="form-buttons">
            <button type="submit" disabled={busy}>Merge into {accounts.find((a) => a.name === survivorName)?.displayName}</button>
            <Link className="button secondary" to="/customers/duplicates">Cancel</Link>
          </div>
        </form>
      )}
    </section>
  );
}
