import { type FormEvent, useEffect, useState } from "react";
import { Code } from "@connectrpc/connect";
import { Link, useNavigate, useParams } from "react-router";
import { customers } from "../../api/clients";
import { type ErrorView, explain } from "../../api/errors";
import { ErrorAlert } from "../../components/Alert";
import { DuplicateWarning } from "../../components/DuplicateWarning";
import { CheckboxField, EnumField, TextAreaField, TextField } from "../../components/fields";
import { useLoad } from "../../components/useLoad";
import { customerPath } from "../../lib/names";
import { newUuid } from "../../lib/uuid";
import { type AccountDraft, accountErrorFields, accountOf, accountUpdatePaths, draftOf } from "./accountForm";
import { options } from "./options";

/** Creates a customer (no id in the address) or edits one. */
export function AccountFormPage() {
  const { id } = useParams();
  const editing = id !== undefined;
  const navigate = useNavigate();
  const loaded = useLoad(async (signal) => (editing ? customers.getAccount({ name: `accounts/${id}` }, { signal }) : undefined), [id]);
  const [draft, setDraft] = useState<AccountDraft>(draftOf(undefined));
  const [problem, setProblem] = useState<ErrorView>();
  const [busy, setBusy] = useState(false);
  const [requestId] = useState(newUuid);
  useEffect(() => setDraft(draftOf(loaded.data)), [loaded.data]);

  const save = async (confirmNotDuplicate: boolean) => {
    setBusy(true);
    setProblem(undefined);
    try {
      const account = accountOf(draft);
      if (editing) {
        const original = loaded.data!;
        const paths = accountUpdatePaths(draftOf(original), draft);
        if (paths.length > 0) {
          await customers.updateAccount({ account: { ...account, name: original.name, etag: original.etag }, updateMask: { paths } });
        }
        navigate(customerPath(original.name));
      } else {
        const created = await customers.createAccount({ account, requestId, confirmNotDuplicate });
        navigate(customerPath(created.name));
      }
    } catch (failure) {
      setProblem(explain(failure, { prefix: "account", fields: accountErrorFields }));
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(false);
  };

  const set = <K extends keyof AccountDraft>(key: K) => (value: AccountDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const error = (field: (typeof accountErrorFields)[number]) => problem?.fieldErrors[field];
  const title = editing ? `Edit ${loaded.data?.displayName ?? "customer"}` : "New customer";
  if (editing && loaded.error) return <ErrorAlert message={loaded.error} />;
  if (editing && !loaded.data) return <p role="status">Loading…</p>;
  return (
    <section>
      <h1>{title}</h1>
      {problem?.duplicates.length || problem?.code === Code.AlreadyExists ? (
        <DuplicateWarning record="customer" message={problem.message} candidates={problem.duplicates} busy={busy} onCreateAnyway={() => void save(true)} />
      ) : (
        <ErrorAlert message={problem?.message ?? ""}>
          {problem?.stale && <button type="button" onClick={() => { setProblem(undefined); loaded.reload(); }}>Reload</button>}
        </ErrorAlert>
      )}
      <form className="record-form" onSubmit={submit} aria-label={title} noValidate>
        <fieldset>
          <legend>Customer</legend>
          <EnumField label="Kind" value={draft.kind} onChange={set("kind")} options={options.kind} error={error("kind")} />
          <TextField label="Name" value={draft.displayName} onChange={set("displayName")} required error={error("display_name")} hint="Company name, or the consumer's full name" />
          <TextField label="Email" type="email" value={draft.email} onChange={set("email")} error={error("email")} />
          <TextField label="Phone" type="tel" value={draft.phone} onChange={set("phone")} error={error("phone")} />
          <TextField label="Web domain" value={draft.domain} onChange={set("domain")} error={error("domain")} hint="acme.com" />
          <TextField label="Team" value={draft.team} onChange={set("team")} error={error("team")} />
          <TextField label="Tags" value={draft.tags} onChange={set("tags")} error={error("tags")} hint="Separated by commas" />
          <EnumField label="Value tier" value={draft.valueTier} onChange={set("valueTier")} options={options.valueTier} emptyLabel="Set by the tier rules" error={error("value_tier")} />
        </fieldset>
        {editing && (
          <fieldset>
            <legend>Relationship phase</legend>
            <CheckboxField label="Derive the phase from activity" checked={draft.derivePhase} onChange={set("derivePhase")} />
            {!draft.derivePhase && <EnumField label="Phase" value={draft.phase} onChange={set("phase")} options={options.phase} error={error("phase")} />}
          </fieldset>
        )}
        <fieldset>
          <legend>Address</legend>
          <TextAreaField label="Street address" value={draft.addressLines} onChange={set("addressLines")} hint="One line per line of the address" error={error("address")} />
          <TextField label="City or town" value={draft.locality} onChange={set("locality")} />
          <TextField label="State, province or county" value={draft.administrativeArea} onChange={set("administrativeArea")} />
          <TextField label="Postal code" value={draft.postalCode} onChange={set("postalCode")} />
          <TextField label="Country code" value={draft.regionCode} onChange={set("regionCode")} hint="Two letters, e.g. GB or US" />
        </fieldset>
        <div className="form-buttons">
          <button type="submit" disabled={busy}>{editing ? "Save changes" : "Create customer"}</button>
          <Link className="button secondary" to={editing ? `/customers/${id}` : "/customers"}>Cancel</Link>
        </div>
      </form>
    </section>
  );
}
