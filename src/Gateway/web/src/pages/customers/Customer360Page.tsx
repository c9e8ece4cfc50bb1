import { Link, useParams } from "react-router";
import { customers } from "../../api/clients";
import { ErrorAlert } from "../../components/Alert";
import { useLoad } from "../../components/useLoad";
import {
  type Account,
  AccountKindSchema,
  type Contact,
  ContactChannelSchema,
  type PhaseChange,
  RelationshipPhaseSchema,
  ValueTierSchema,
} from "../../gen/crm/customers/v1/customers_pb";
import { enumLabel } from "../../lib/enums";
import { formatTime } from "../../lib/format";
import { contactEditPath, contactName, idOf } from "../../lib/names";
import { CommitmentSection } from "./CommitmentSection";
import { ConsentSection } from "./ConsentSection";
import { FollowUpsSection, TimelineSection } from "./TimelineSection";

/** Everything known about one customer (GetCustomer360): profile, contacts, timeline, consent, phase and commitment. */
export function Customer360Page() {
  const { id } = useParams();
  const view = useLoad((signal) => customers.getCustomer360({ account: `accounts/${id}` }, { signal }), [id]);
  if (view.error) return <ErrorAlert message={view.error} />;
  if (!view.data?.account) return <p role="status">Loading…</p>;
  const { account, contacts, timeline, openFollowUps, consents, phaseHistory, interactionCount, lastInteractionTime } = view.data;
  return (
    <article className="customer-360">
      <div className="page-header">
        <div>
          <h1>{account.displayName}</h1>
          <p className="subtitle">
            {enumLabel(AccountKindSchema, account.kind)} · {enumLabel(RelationshipPhaseSchema, account.phase, "No phase")} ·{" "}
            {interactionCount} interaction{interactionCount === 1 ? "" : "s"}
            {lastInteractionTime && `, the last ${formatTime(lastInteractionTime)}`}
          </p>
        </div>
        <div className="actions">
          <Link className="button" to={`/customers/${id}/edit`}>Edit customer</Link>
          <Link className="button secondary" to={`/customers/${id}/contacts/new`}>Add contact</Link>
        </div>
      </div>
      <div className="panels">
        <ProfileSection account={account} />
        <PhaseSection account={account} history={phaseHistory} />
        <CommitmentSection key={account.etag} account={account} onChanged={view.reload} />
        <ContactsSection accountId={id!} contacts={contacts} />
        <ConsentSection contacts={contacts} consents={consents} onChanged={view.reload} />
        <FollowUpsSection followUps={openFollowUps} onChanged={view.reload} />
        <TimelineSection account={account.name} contacts={contacts} timeline={timeline} onChanged={view.reload} />
      </div>
    </article>
  );
}

function ProfileSection({ account }: { account: Account }) {
  const address = account.address;
  const addressText = address ? [...address.addressLines, address.locality, address.administrativeArea, address.postalCode, address.regionCode].filter(Boolean).join(", ") : "";
  const facts: [string, string][] = [
    ["Email", account.email],
    ["Phone", account.phone],
    ["Web domain", account.domain],
    ["Address", addressText],
    ["Owner", account.ownerUserId],
    ["Team", account.team],
    ["Tags", account.tags.join(", ")],
    ["Value tier", enumLabel(ValueTierSchema, account.valueTier, "Not set") + (account.valueTierSource === "manual" ? " (set by hand)" : "")],
    ["Customer since", formatTime(account.createTime)],
    ["Merged from", account.mergedNames.map(idOf).join(", ")],
  ];
  return (
    <section aria-labelledby="profile-heading" className="panel">
      <h2 id="profile-heading">Profile</h2>
      <dl className="facts">
        {facts.filter(([, value]) => value).map(([label, value]) => (
          <div key={label}><dt>{label}</dt><dd>{value}</dd></div>
        ))}
      </dl>
    </section>
  );
}

function PhaseSection({ account, history }: { account: Account; history: PhaseChange[] }) {
  return (
    <section aria-labelledby="phase-heading" className="panel">
      <h2 id="phase-heading">Relationship phase</h2>
      <p>
        <strong>{enumLabel(RelationshipPhaseSchema, account.phase, "None")}</strong>{" "}
        {account.phaseOverride ? "(set by hand)" : "(derived from activity)"}
      </p>
      {history.length > 0 && (
        <table className="data compact">
          <caption>History, newest first</caption>
          <thead><tr><th scope="col">When</th><th scope="col">Change</th><th scope="col">Why</th></tr></thead>
          <tbody>
            {history.map((c, i) => (
              <tr key={i}>
                <td>{formatTime(c.changeTime)}</td>
                <td>{enumLabel(RelationshipPhaseSchema, c.fromPhase, "None")} → {enumLabel(RelationshipPhaseSchema, c.toPhase)}</td>
                <td>{c.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ContactsSection({ accountId, contacts }: { accountId: string; contacts: Contact[] }) {
  return (
    <section aria-labelledby="contacts-heading" className="panel wide">
      <div className="panel-header">
        <h2 id="contacts-heading">Contacts</h2>
        {contacts.length > 0 && <Link to={`/customers/contacts?account=${accountId}`}>Open in the contacts list</Link>}
      </div>
      {contacts.length === 0 ? <p>No contacts yet.</p> : (
        <table className="data compact">
          <caption className="visually-hidden">Contacts of this customer</caption>
          <thead>
            <tr><th scope="col">Name</th><th scope="col">Job title</th><th scope="col">Email</th><th scope="col">Phone</th><th scope="col">Prefers</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr>
          </thead>
          <tbody>
            {contacts.map((c) => (
              <tr key={c.name}>
                <td>{`${c.givenName} ${c.familyName}`.trim()}</td>
                <td>{c.jobTitle}</td>
                <td>{c.email}</td>
                <td>{c.phone}</td>
                <td>{enumLabel(ContactChannelSchema, c.preferredChannel)}</td>
                <td><Link to={contactEditPath(c)}>Edit<span className="visually-hidden"> {contactName(c)}</span></Link></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
