import { Code } from "@connectrpc/connect";
import { type FormEvent, useEffect, useState } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import { customers } from "../../api/clients";
import { type ErrorView, explain } from "../../api/errors";
import { ErrorAlert } from "../../components/Alert";
import { DuplicateWarning } from "../../components/DuplicateWarning";
import { EnumField, TextField } from "../../components/fields";
import { useLoad } from "../../components/useLoad";
import type { Contact, ContactChannel } from "../../gen/crm/customers/v1/customers_pb";
import { changedPaths } from "../../lib/formDiff";
import { newUuid } from "../../lib/uuid";
import { options } from "./options";

interface ContactDraft {
  givenName: string;
  familyName: string;
  email: string;
  phone: string;
  jobTitle: string;
  preferredChannel: ContactChannel;
  tags: string;
}

const contactPaths: Record<keyof ContactDraft, string> = {
  givenName: "given_name",
  familyName: "family_name",
  email: "email",
  phone: "phone",
  jobTitle: "job_title",
  preferredChannel: "preferred_channel",
  tags: "tags",
};

const errorFields = Object.values(contactPaths);

function draftOf(contact: Contact | undefined): ContactDraft {
  return {
    givenName: contact?.givenName ?? "",
    familyName: contact?.familyName ?? "",
    email: contact?.email ?? "",
    phone: contact?.phone ?? "",
    jobTitle: contact?.jobTitle ?? "",
    preferredChannel: contact?.preferredChannel ?? 0,
    tags: contact?.tags.join(", ") ?? "",
  };
}

/** Where the form goes back to: the page that opened it with a `returnTo` state (e.g. the contacts list), else the customer's 360 page. */
export interface ContactFormState {
  readonly returnTo?: string;
}

/** Adds a contact to a customer, or edits one of its contacts. */
export function ContactFormPage() {
  const { id, contactId } = useParams();
  const editing = contactId !== undefined;
  const backTo = (useLocation().state as ContactFormState | null)?.returnTo ?? `/customers/${id}`;
  const navigate = useNavigate();
  const loaded = useLoad(async (signal) => (editing ? customers.getContact({ name: `contacts/${contactId}` }, { signal }) : undefined), [contactId]);
  const [draft, setDraft] = useState<ContactDraft>(draftOf(undefined));
  const [problem, setProblem] = useState<ErrorView>();
  const [reconsentSource, setReconsentSource] = useState("");
  const [busy, setBusy] = useState(false);
  const [requestId] = useState(newUuid);
  useEffect(() => setDraft(draftOf(loaded.data)), [loaded.data]);

  const save = async (confirmNotDuplicate: boolean) => {
    setBusy(true);
    setProblem(undefined);
    const contact = { ...draft, tags: draft.tags.split(",").map((t) => t.trim()).filter(Boolean) };
    try {
      if (editing) {
        const original = loaded.data!;
        const paths = changedPaths(draftOf(original), draft, contactPaths);
        if (paths.length > 0) {
          await customers.updateContact({ contact: { ...contact, name: original.name, etag: original.etag }, updateMask: { paths } });
        }
      } else {
        await customers.createContact({ contact: { ...contact, account: `accounts/${id}` }, requestId, confirmNotDuplicate, reconsentSource });
      }
      navigate(backTo);
    } catch (failure) {
      setProblem(explain(failure, { prefix: "contact", fields: errorFields }));
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(false);
  };
  const set = <K extends keyof ContactDraft>(key: K) => (value: ContactDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const error = (field: string) => problem?.fieldErrors[field];
  const title = editing ? "Edit contact" : "New contact";
  if (editing && loaded.error) return <ErrorAlert message={loaded.error} />;
  if (editing && !loaded.data) return <p role="status">Loading…</p>;
  return (
    <section>
      <h1>{title}</h1>
      {problem?.code === Code.AlreadyExists ? (
        <DuplicateWarning record="contact" message={problem.message} candidates={problem.duplicates} busy={busy} onCreateAnyway={() => void save(true)} />
      ) : (
        <ErrorAlert message={problem?.message ?? ""}>
          {problem?.stale && <button type="button" onClick={() => { setProblem(undefined); loaded.reload(); }}>Reload</button>}
        </ErrorAlert>
      )}
      <form className="record-form" onSubmit={submit} aria-label={title} noValidate>
        <fieldset>
          <legend>Contact</legend>
          <TextField label="Given name" value={draft.givenName} onChange={set("givenName")} error={error("given_name")} autoComplete="off" />
          <TextField label="Family name" value={draft.familyName} onChange={set("familyName")} error={error("family_name")} autoComplete="off" />
          <TextField label="Email" type="email" value={draft.email} onChange={set("email")} error={error("email")} autoComplete="off" />
          <TextField label="Phone" type="tel" value={draft.phone} onChange={set("phone")} error={error("phone")} autoComplete="off" />
          <TextField label="Job title" value={draft.jobTitle} onChange={set("jobTitle")} error={error("job_title")} />
          <EnumField label="Preferred channel" value={draft.preferredChannel} onChange={set("preferredChannel")} options={options.contactChannel} emptyLabel="No preference" error={error("preferred_channel")} />
          <TextField label="Tags" value={draft.tags} onChange={set("tags")} error={error("tags")} hint="Separated by commas" />
          {!editing && problem?.code === Code.FailedPrecondition && (
            <TextField label="Where the person consented again" value={reconsentSource} onChange={setReconsentSource} hint="This person's data was erased; say where they consented again, e.g. signed up on the web form" />
          )}
        </fieldset>
        <div className="form-buttons">
          <button type="submit" disabled={busy}>{editing ? "Save changes" : "Add contact"}</button>
          <Link className="button secondary" to={backTo}>Cancel</Link>
        </div>
      </form>
    </section>
  );
}
