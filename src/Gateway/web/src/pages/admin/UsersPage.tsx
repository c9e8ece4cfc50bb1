import { type FormEvent, useState } from "react";
import { identity } from "../../api/clients";
import { type ErrorView, explain, messageOf } from "../../api/errors";
import { ErrorAlert, Notice } from "../../components/Alert";
import { TextField } from "../../components/fields";
import { useLoad } from "../../components/useLoad";
import type { User } from "../../gen/crm/identity/v1/identity_pb";
import { formatTime } from "../../lib/format";
import { currentToken, firstPage, hasPrevious, next, pageNumber, previous } from "../../lib/paging";
import { RolesField } from "./RolesField";
import { roleLabel } from "./roles";

/** Admin: the users who may sign in, their roles, and disabling them. */
export function UsersPage() {
  const [cursor, setCursor] = useState(firstPage);
  const users = useLoad((signal) => identity.listUsers({ pageSize: 50, pageToken: currentToken(cursor) }, { signal }), [cursor]);
  const [editing, setEditing] = useState<string>();
  const [error, setError] = useState("");
  const update = async (user: User, paths: string[], changes: { roles?: string[]; disabled?: boolean }) => {
    setError("");
    try {
      await identity.updateUser({ user: { name: user.name, ...changes }, updateMask: { paths } });
      setEditing(undefined);
      users.reload();
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  return (
    <section>
      <h1>Users</h1>
      <CreateUserForm onCreated={users.reload} />
      <ErrorAlert message={users.error || error} />
      <table className="data">
        <caption>Users {users.loading && <span role="status">Loading…</span>}</caption>
        <thead>
          <tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Roles</th><th scope="col">Teams</th><th scope="col">Status</th><th scope="col">Created</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr>
        </thead>
        <tbody>
          {users.data?.users.map((u) => (
            <tr key={u.name}>
              <td>{u.displayName}</td>
              <td>{u.email}</td>
              <td>
                {editing === u.name
                  ? <RolesEditor user={u} onSave={(roles) => void update(u, ["roles"], { roles })} onCancel={() => setEditing(undefined)} />
                  : u.roles.map(roleLabel).join(", ")}
              </td>
              <td>{u.teams.join(", ")}</td>
              <td>{u.disabled ? "Disabled" : "Active"}</td>
              <td>{formatTime(u.createTime)}</td>
              <td>
                <div className="row-actions">
                  {editing !== u.name && <button type="button" className="small secondary" onClick={() => setEditing(u.name)}>Change roles<span className="visually-hidden"> of {u.email}</span></button>}
                  <button type="button" className="small secondary" onClick={() => void update(u, ["disabled"], { disabled: !u.disabled })}>
                    {u.disabled ? "Enable" : "Disable"}<span className="visually-hidden"> {u.email}</span>
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav className="pager" aria-label="Pages">
        <button type="button" className="secondary" disabled={!hasPrevious(cursor)} onClick={() => setCursor(previous(cursor))}>Previous page</button>
        <span>Page {pageNumber(cursor)}</span>
        <button type="button" className="secondary" disabled={!users.data?.nextPageToken} onClick={() => setCursor(next(cursor, users.data!.nextPageToken))}>Next page</button>
      </nav>
    </section>
  );
}

function RolesEditor({ user, onSave, onCancel }: { user: User; onSave: (roles: string[]) => void; onCancel: () => void }) {
  const [roles, setRoles] = useState<string[]>(user.roles);
  return (
    <form onSubmit={(e) => { e.preventDefault(); onSave(roles); }} aria-label={`Roles of ${user.email}`}>
      <RolesField legend={`Roles of ${user.email}`} roles={roles} onChange={setRoles} />
      <button type="submit" className="small">Save roles</button>{" "}
      <button type="button" className="small secondary" onClick={onCancel}>Cancel</button>
    </form>
  );
}

const userFields = ["email", "display_name", "roles", "teams", "password"];

function CreateUserForm({ onCreated }: { onCreated: () => void }) {
  const blank = { email: "", displayName: "", teams: "", password: "", roles: [] as string[] };
  const [draft, setDraft] = useState(blank);
  const [problem, setProblem] = useState<ErrorView>();
  const [created, setCreated] = useState("");
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    setCreated("");
    try {
      const user = await identity.createUser({
        user: { email: draft.email, displayName: draft.displayName, roles: draft.roles, teams: draft.teams.split(",").map((t) => t.trim()).filter(Boolean) },
        password: draft.password,
      });
      setCreated(`${user.email} can now sign in.`);
      setDraft(blank);
      onCreated();
    } catch (failure) {
      const view = explain(failure, { prefix: "user", fields: userFields });
      const passwordError = /^password: (.+)$/.exec(view.message);
      setProblem(passwordError ? { ...view, message: "", fieldErrors: { ...view.fieldErrors, password: passwordError[1] } } : view);
    } finally {
      setBusy(false);
    }
  };
  return (
    <details className="inline-form">
      <summary>Add a user</summary>
      <form onSubmit={submit} aria-label="Add a user" noValidate>
        <ErrorAlert message={problem?.message ?? ""} />
        {created && <Notice>{created}</Notice>}
        <div className="grid">
          <TextField label="Email" type="email" value={draft.email} onChange={(email) => setDraft({ ...draft, email })} error={problem?.fieldErrors.email} autoComplete="off" />
          <TextField label="Display name" value={draft.displayName} onChange={(displayName) => setDraft({ ...draft, displayName })} error={problem?.fieldErrors.display_name} />
          <TextField label="Teams" value={draft.teams} onChange={(teams) => setDraft({ ...draft, teams })} hint="Separated by commas" error={problem?.fieldErrors.teams} />
          <TextField label="Initial password" type="password" value={draft.password} onChange={(password) => setDraft({ ...draft, password })} hint="At least 12 characters" error={problem?.fieldErrors.password} autoComplete="new-password" />
        </div>
        <RolesField legend="Roles" roles={draft.roles} onChange={(roles) => setDraft({ ...draft, roles })} />
        {problem?.fieldErrors.roles && <small className="field-error">{problem.fieldErrors.roles}</small>}
        <button type="submit" disabled={busy}>Add user</button>
      </form>
    </details>
  );
}
