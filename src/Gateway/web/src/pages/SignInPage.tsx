import { type FormEvent, useState } from "react";
import { explain } from "../api/errors";
import { session } from "../api/session";
import { ErrorAlert, Notice } from "../components/Alert";
import { TextField } from "../components/fields";

export function SignInPage({ reason }: { reason?: string }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError("");
    try {
      await session.signIn(email, password);
    } catch (failure) {
      setError(explain(failure).message);
      setBusy(false);
    }
  };
  return (
    <main id="main" className="sign-in">
      <form onSubmit={submit} aria-labelledby="sign-in-heading">
        <h1 id="sign-in-heading">Sign in to CrmPlatform</h1>
        {reason && !error && <Notice>{reason}</Notice>}
        <ErrorAlert message={error} />
        <TextField label="Email" type="email" value={email} onChange={setEmail} required autoComplete="username" />
        <TextField label="Password" type="password" value={password} onChange={setPassword} required autoComplete="current-password" />
        <button type="submit" disabled={busy}>{busy ? "Signing in…" : "Sign in"}</button>
      </form>
    </main>
  );
}
