import { type FormEvent, useState } from "react";
import { customers } from "../../api/clients";
import { type ErrorView, explain } from "../../api/errors";
import { ErrorAlert } from "../../components/Alert";
import { CheckboxField, SelectField } from "../../components/fields";
import { type Account, CommitmentSegmentSchema } from "../../gen/crm/customers/v1/customers_pb";
import { enumLabel } from "../../lib/enums";

const scale = [1, 2, 3, 4, 5].map((n) => ({ value: n, label: `${n}${n === 1 ? " (not at all)" : n === 5 ? " (very much)" : ""}` }));
const questions = [
  { key: "satisfaction", label: "How happy are they with the brand they use?" },
  { key: "involvement", label: "Do they care about this relationship?" },
  { key: "alternativeAppeal", label: "Does another brand appeal to them?" },
  { key: "difference", label: "How different are the brands to them?" },
] as const;

/** Hofmeyr's commitment segment of the customer, and the four questions that place it. */
export function CommitmentSection({ account, onChanged }: { account: Account; onChanged: () => void }) {
  const commitment = account.commitment;
  const [answers, setAnswers] = useState({
    isCustomer: commitment?.answers?.isCustomer ?? true,
    satisfaction: commitment?.answers?.satisfaction || 3,
    involvement: commitment?.answers?.involvement || 3,
    alternativeAppeal: commitment?.answers?.alternativeAppeal || 3,
    difference: commitment?.answers?.difference || 3,
  });
  const [problem, setProblem] = useState<ErrorView>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      await customers.recordCommitmentAnswers({ account: account.name, answers, etag: account.etag });
      onChanged();
    } catch (failure) {
      setProblem(explain(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="commitment-heading" className="panel">
      <h2 id="commitment-heading">Commitment</h2>
      {commitment ? (
        <dl className="facts">
          <dt>Segment</dt><dd>{enumLabel(CommitmentSegmentSchema, commitment.segment)}</dd>
          <dt>Score</dt><dd>{commitment.score} of 100</dd>
          <dt>Committed</dt><dd>{commitment.answers?.isCustomer ? (commitment.committed ? "Yes" : "No") : "Not a customer"}</dd>
        </dl>
      ) : <p>Not assessed yet.</p>}
      <details className="inline-form">
        <summary>Assess commitment</summary>
        <form onSubmit={submit} aria-label="Assess commitment">
          <ErrorAlert message={problem?.message ?? ""} />
          <CheckboxField label="They are our customer now" checked={answers.isCustomer} onChange={(isCustomer) => setAnswers({ ...answers, isCustomer })} />
          {questions.map((q) => (
            <SelectField key={q.key} label={q.label} value={answers[q.key]} options={scale} onChange={(v) => setAnswers({ ...answers, [q.key]: Number(v) })} />
          ))}
          <button type="submit" disabled={busy}>Save answers</button>
        </form>
      </details>
    </section>
  );
}
