import { timestampFromDate } from "@bufbuild/protobuf/wkt";
import { type FormEvent, useState } from "react";
import { customers } from "../../api/clients";
import { type ErrorView, explain, messageOf } from "../../api/errors";
import { ErrorAlert, Notice } from "../../components/Alert";
import { EnumField, SelectField, TextAreaField, TextField } from "../../components/fields";
import {
  type Contact,
  type Interaction,
  InteractionChannelSchema,
  InteractionDirectionSchema,
  InteractionOutcomeSchema,
  InteractionPurposeSchema,
  TouchpointTypeSchema,
} from "../../gen/crm/customers/v1/customers_pb";
import { enumLabel } from "../../lib/enums";
import { formatTime, toLocalInput } from "../../lib/format";
import { contactName } from "../../lib/names";
import { newUuid } from "../../lib/uuid";
import { options } from "./options";

function nameOfContact(contacts: Contact[], name: string): string {
  const contact = contacts.find((c) => c.name === name);
  return contact ? contactName(contact) : "";
}

/** The customer's touchpoints and interactions, newest first, and the form to record one. */
export function TimelineSection({ account, contacts, timeline, onChanged }: { account: string; contacts: Contact[]; timeline: Interaction[]; onChanged: () => void }) {
  return (
    <section aria-labelledby="timeline-heading" className="panel wide">
      <h2 id="timeline-heading">Timeline</h2>
      <RecordInteractionForm account={account} contacts={contacts} onRecorded={onChanged} />
      {timeline.length === 0 ? (
        <p>No interactions recorded yet.</p>
      ) : (
        <ol className="timeline" aria-label="Interactions, newest first">
          {timeline.map((i) => (
            <li key={i.name}>
              <div className="timeline-head">
                <time>{formatTime(i.occurTime)}</time>
                <strong>{i.subject || enumLabel(InteractionPurposeSchema, i.purpose, "Interaction")}</strong>
                {i.repeatedContact && <span className="badge warn">Repeated contact</span>}
              </div>
              <div className="timeline-meta">
                {[
                  enumLabel(InteractionChannelSchema, i.channel),
                  enumLabel(TouchpointTypeSchema, i.touchpointType),
                  enumLabel(InteractionDirectionSchema, i.direction),
                  enumLabel(InteractionPurposeSchema, i.purpose),
                  enumLabel(InteractionOutcomeSchema, i.outcome),
                  nameOfContact(contacts, i.contact),
                  i.source && i.source !== "customers" ? `from ${i.source}` : "",
                ].filter(Boolean).join(" · ")}
              </div>
              {i.notes && <p className="notes">{i.notes}</p>}
              {i.followUp && (
                <p className="follow-up">
                  Follow-up {i.followUp.done ? "done" : `due ${formatTime(i.followUp.dueTime)}`}{i.followUp.note ? `: ${i.followUp.note}` : ""}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

const interactionFields = ["contact", "channel", "touchpoint_type", "touchpoint_owner", "direction", "purpose", "outcome", "subject", "notes", "occur_time", "follow_up"];

function RecordInteractionForm({ account, contacts, onRecorded }: { account: string; contacts: Contact[]; onRecorded: () => void }) {
  const blank = () => ({
    contact: "", channel: 1, touchpointType: 1, touchpointOwner: 1, direction: 2, purpose: 0, outcome: 0,
    subject: "", notes: "", occurTime: toLocalInput(new Date()), followUpDue: "", followUpNote: "",
  });
  const [draft, setDraft] = useState(blank);
  const [problem, setProblem] = useState<ErrorView>();
  const [notice, setNotice] = useState("");
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof ReturnType<typeof blank>>(key: K) => (value: ReturnType<typeof blank>[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    setNotice("");
    try {
      const recorded = await customers.recordInteraction({
        requestId: newUuid(),
        interaction: {
          account,
          contact: draft.contact,
          channel: draft.channel,
          touchpointType: draft.touchpointType,
          touchpointOwner: draft.touchpointOwner,
          direction: draft.direction,
          purpose: draft.purpose,
          outcome: draft.outcome,
          subject: draft.subject,
          notes: draft.notes,
          occurTime: draft.occurTime ? timestampFromDate(new Date(draft.occurTime)) : undefined,
          followUp: draft.followUpDue ? { dueTime: timestampFromDate(new Date(draft.followUpDue)), note: draft.followUpNote } : undefined,
        },
      });
      setNotice(recorded.repeatedContact
        ? `Recorded. Note: this person was already contacted ${recorded.previousAttempts.length} time(s) recently.`
        : "Interaction recorded.");
      setDraft(blank());
      onRecorded();
    } catch (failure) {
      setProblem(explain(failure, { prefix: "interaction", fields: interactionFields }));
    } finally {
      setBusy(false);
    }
  };
  const error = (field: string) => problem?.fieldErrors[field];
  return (
    <details className="inline-form">
      <summary>Record an interaction</summary>
      <form onSubmit={submit} aria-label="Record an interaction" noValidate>
        <ErrorAlert message={problem?.message ?? ""} />
        {notice && <Notice>{notice}</Notice>}
        <div className="grid">
          <SelectField label="With" value={draft.contact} onChange={set("contact")} emptyLabel="The customer as a whole" emptyValue=""
            options={contacts.map((c) => ({ value: c.name, label: contactName(c) }))} error={error("contact")} />
          <EnumField label="Channel" value={draft.channel} onChange={set("channel")} options={options.interactionChannel} error={error("channel")} />
          <EnumField label="Touchpoint type" value={draft.touchpointType} onChange={set("touchpointType")} options={options.touchpointType} error={error("touchpoint_type")} />
          <EnumField label="Touchpoint owner" value={draft.touchpointOwner} onChange={set("touchpointOwner")} options={options.touchpointOwner} error={error("touchpoint_owner")} />
          <EnumField label="Direction" value={draft.direction} onChange={set("direction")} options={options.direction} error={error("direction")} />
          <EnumField label="Purpose" value={draft.purpose} onChange={set("purpose")} options={options.purpose} emptyLabel="Not given" error={error("purpose")} />
          <EnumField label="Outcome" value={draft.outcome} onChange={set("outcome")} options={options.outcome} emptyLabel="Not given" error={error("outcome")} />
          <TextField label="When" type="datetime-local" value={draft.occurTime} onChange={set("occurTime")} error={error("occur_time")} />
        </div>
        <TextField label="Subject" value={draft.subject} onChange={set("subject")} error={error("subject")} />
        <TextAreaField label="Notes" value={draft.notes} onChange={set("notes")} error={error("notes")} />
        <div className="grid">
          <TextField label="Follow up by" type="datetime-local" value={draft.followUpDue} onChange={set("followUpDue")} error={error("follow_up")} hint="Optional" />
          <TextField label="Follow-up note" value={draft.followUpNote} onChange={set("followUpNote")} />
        </div>
        <button type="submit" disabled={busy}>Record interaction</button>
      </form>
    </details>
  );
}

/** Open follow-ups of the customer, soonest first, each of which can be marked done. */
export function FollowUpsSection({ followUps, onChanged }: { followUps: Interaction[]; onChanged: () => void }) {
  const [error, setError] = useState("");
  const [busy, setBusy] = useState("");
  const complete = async (interaction: Interaction) => {
    setBusy(interaction.name);
    setError("");
    try {
      await customers.updateInteraction({
        interaction: { name: interaction.name, etag: interaction.etag, followUp: { done: true } },
        updateMask: { paths: ["follow_up.done"] },
      });
      onChanged();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy("");
    }
  };
  return (
    <section aria-labelledby="follow-ups-heading" className="panel">
      <h2 id="follow-ups-heading">Open follow-ups</h2>
      <ErrorAlert message={error} />
      {followUps.length === 0 ? <p>None open.</p> : (
        <ul className="plain">
          {followUps.map((i) => (
            <li key={i.name}>
              <span>Due {formatTime(i.followUp?.dueTime)}: {i.followUp?.note || i.subject || "follow up"}</span>{" "}
              <button type="button" className="small" disabled={busy === i.name} onClick={() => void complete(i)}>
                Mark done<span className="visually-hidden">: {i.followUp?.note || i.subject}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
