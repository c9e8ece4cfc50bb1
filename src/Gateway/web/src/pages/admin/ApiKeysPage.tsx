import { timestampFromDate } from "@bufbuild/protobuf/wkt";
import { type FormEvent, useState } from "react";
import { identity } from "../../api/clients";
import { type ErrorView, explain, messageOf } from "../../api/errors";
import { ErrorAlert } from "../../components/Alert";
import { TextField } from "../../components/fields";
import { useLoad } from "../../components/useLoad";
import type { ApiKey, CreatedApiKey } from "../../gen/crm/identity/v1/identity_pb";
import { formatTime } from "../../lib/format";
import { RolesField } from "./RolesField";
import { roleLabel } from "./roles";

/** Admin: API keys for integrators — create (the key is shown once), list, revoke. */
export function ApiKeysPage() {
  const keys = useLoad((signal) => identity.listApiKeys({}, { signal }), []);
  const [created, setCreated] = useState<CreatedApiKey>();
  const [error, setError] = useState("");
  const revoke = async (key: ApiKey) => {
    if (!window.confirm(`Revoke the key "${key.displayName}"? Integrators using it are refused at once.`)) return;
    setError("");
    try {
      await identity.revokeApiKey({ name: key.name });
      keys.reload();
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  return (
    <section>
      <h1>API keys</h1>
      {created ? <NewKey created={created} onDone={() => setCreated(undefined)} /> : <CreateKeyForm onCreated={(k) => { setCreated(k); keys.reload(); }} />}
      <ErrorAlert message={keys.error || error} />
      <table className="data">
        <caption>API keys {keys.loading && <span role="status">Loading…</span>}</caption>
        <thead>
          <tr><th scope="col">Name</th><th scope="col">Key starts with</th><th scope="col">Roles</th><th scope="col">Created</th><th scope="col">Expires</th><th scope="col">Last used</th><th scope="col">Status</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr>
        </thead>
        <tbody>
          {keys.data?.apiKeys.map((k) => (
            <tr key={k.name}>
              <td>{k.displayName}</td>
              <td><code>{k.prefix}</code></td>
              <td>{k.roles.map(roleLabel).join(", ")}</td>
              <td>{formatTime(k.createTime)}</td>
              <td>{k.expireTime ? formatTime(k.expireTime) : "Never"}</td>
              <td>{k.lastUsedTime ? formatTime(k.lastUsedTime) : "Never"}</td>
              <td>{k.revoked ? "Revoked" : "Active"}</td>
              <td>{!k.revoked && <button type="button" className="small secondary" onClick={() => void revoke(k)}>Revoke<span className="visually-hidden"> {k.displayName}</span></button>}</td>
            </tr>
          ))}
          {keys.data?.apiKeys.length === 0 && <tr><td colSpan={8}>No API keys yet.</td></tr>}
        </tbody>
      </table>
    </section>
  );
}

function NewKey({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) {
  const [copied, setCopied] = useState("");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.key);
      setCopied("Copied.");
    } catch {
      setCopied("Copying is not allowed here: select the key and copy it yourself.");
    }
  };
  return (
    <section className="alert notice" aria-labelledby="new-key-heading">
      <h2 id="new-key-heading">New key "{created.apiKey?.displayName}"</h2>
      <p>Copy the key now: it is shown only this once, and it cannot be recovered later.</p>
      <div className="key-row">
        <label htmlFor="new-key" className="visually-hidden">API key</label>
        <input id="new-key" readOnly value={created.key} onFocus={(e) => e.target.select()} />
        <button type="button" onClick={() => void copy()}>Copy</button>
      </div>
      {copied && <p role="status">{copied}</p>}
      <button type="button" className="secondary" onClick={onDone}>Done</button>
    </section>
  );
}

function CreateKeyForm({ onCreated }: { onCreated: (created: CreatedApiKey) => void }) {
  const [displayName, setDisplayName] = useState("");
  const [roles, setRoles] = useState<string[]>([]);
  const [teams, setTeams] = useState("");
  const [expires, setExpires] = useState("");
  const [problem, setProblem] = useState<ErrorView>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      onCreated(await identity.createApiKey({
        apiKey: {
          displayName,
          roles,
          teams: teams.split(",").map((t) => t.trim()).filter(Boolean),
          expireTime: expires ? timestampFromDate(new Date(`${expires}T23:59:59`)) : undefined,
        },
      }));
    } catch (failure) {
      setProblem(explain(failure, { prefix: "api_key", fields: ["display_name", "roles", "teams", "expire_time"] }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <details className="inline-form">
      <summary>Create an API key</summary>
      <form onSubmit={submit} aria-label="Create an API key" noValidate>
        <ErrorAlert message={problem?.message ?? ""} />
        <div className="grid">
          <TextField label="Key name" value={displayName} onChange={setDisplayName} hint="Who uses it, e.g. ERP sync" error={problem?.fieldErrors.display_name} />
          <TextField label="Teams" value={teams} onChange={setTeams} hint="Separated by commas" error={problem?.fieldErrors.teams} />
          <TextField label="Expires on" type="date" value={expires} onChange={setExpires} hint="Empty: never" error={problem?.fieldErrors.expire_time} />
        </div>
        <RolesField legend="Roles of the key" roles={roles} onChange={setRoles} />
        {problem?.fieldErrors.roles && <small className="field-error">{problem.fieldErrors.roles}</small>}
        <button type="submit" disabled={busy}>Create key</button>
      </form>
    </details>
  );
}
