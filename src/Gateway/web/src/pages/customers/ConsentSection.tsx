import { type FormEvent, useState } from "react";
import { customers } from "../../api/clients";
import { type ErrorView, explain } from "../../api/errors";
import { ErrorAlert, Notice } from "../../components/Alert";
import { EnumField, SelectField, TextField } from "../../components/fields";
import { type Contact, type ContactConsent, ConsentPurposeSchema } from "../../gen/crm/customers/v1/customers_pb";
import { enumLabel } from "../../lib/enums";
import { formatTime } from "../../lib/format";
import { contactName } from "../../lib/names";
import { options } from "./options";

/** Each contact's current consent per purpose, and the form to record a grant or a withdrawal. */
export function ConsentSection({ contacts, consents, onChanged }: { contacts: Contact[]; consents: ContactConsent[]; onChanged: () => void }) {
  const rows = consents.flatMap((c) => c.current.map((record) => ({ contact: contacts.find((k) => k.name === c.contact), record })));
  return (
    <section aria-labelledby="consent-heading" className="panel double">
      <h2 id="consent-heading">Consent</h2>
      {rows.length === 0 ? <p>No consent recorded: nobody may be contacted for marketing, SMS, phone or profiling.</p> : (
        <table className="data compact">
          <caption className="visually-hidden">Current consent per contact and purpose</caption>
          <thead>
            <tr><th scope="col">Contact</th><th scope="col">Purpose</th><th scope="col">Consent</th><th scope="col">Source</th><th scope="col">Recorded</th></tr>
          </thead>
          <tbody>
            {rows.map(({ contact, record }) => (
              <tr key={`${record.contact}-${record.purpose}`}>
                <td>{contact ? contactName(contact) : record.contact}</td>
                <td>{enumLabel(ConsentPurposeSchema, record.purpose)}</td>
                <td>{record.granted ? "Granted" : "Withdrawn"}</td>
                <td>{record.source}</td>
                <td>{formatTime(record.recordTime)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {contacts.length > 0 && <RecordConsentForm contacts={contacts} onRecorded={onChanged} />}
    </section>
  );
}

function RecordConsentForm({ contacts, onRecorded }: { contacts: Contact[]; onRecorded: () => void }) {
  const [contact, setContact] = useState(contacts[0].name);
  const [purpose, setPurpose] = useState(options.consentPurpose[0].value);
  const [granted, setGranted] = useState("grant");
  const [source, setSource] = useState("");
  const [problem, setProblem] = useState<ErrorView>();
  const [done, setDone] = useState("");
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    setDone("");
    try {
      await customers.recordConsent({ contact, purpose, granted: granted === "grant", source });
      setDone(granted === "grant" ? "Consent granted." : "Consent withdrawn.");
      setSource("");
      onRecorded();
    } catch (failure) {
      setProblem(explain(failure, { prefix: "consent", fields: ["contact", "purpose", "source"] }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <details className="inline-form">
      <summary>Record consent</summary>
      <form onSubmit={submit} aria-label="Record consent" noValidate>
        <ErrorAlert message={problem?.message ?? ""} />
        {done && <Notice>{done}</Notice>}
        <SelectField label="Contact" value={contact} onChange={setContact} options={contacts.map((c) => ({ value: c.name, label: contactName(c) }))} error={problem?.fieldErrors.contact} />
        <EnumField label="Purpose" value={purpose} onChange={setPurpose} options={options.consentPurpose} error={problem?.fieldErrors.purpose} />
        <SelectField label="Decision" value={granted} onChange={setGranted} options={[{ value: "grant", label: "Grant" }, { value: "withdraw", label: "Withdraw" }]} />
        <TextField label="Source" value={source} onChange={setSource} required hint="Where it was given or withdrawn: web form, phone call…" error={problem?.fieldErrors.source} />
        <button type="submit" disabled={busy}>Record consent</button>
      </form>
    </details>
  );
}
