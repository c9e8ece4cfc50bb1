import type { ReactNode } from "react";

/** A message the user must notice: read out by screen readers as soon as it appears. */
export function ErrorAlert({ message, children }: { message: string; children?: ReactNode }) {
  if (!message) return null;
  return (
    <div className="alert error" role="alert">
      <p>{message}</p>
      {children}
    </div>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return <div className="alert notice" role="status">{children}</div>;
}
