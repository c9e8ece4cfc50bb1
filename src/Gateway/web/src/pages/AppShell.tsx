import { useState } from "react";
import { NavLink, Outlet } from "react-router";
import { session } from "../api/session";
import type { User } from "../gen/crm/identity/v1/identity_pb";

const areas = [
  { path: "/customers", label: "Customers" },
  { path: "/sales", label: "Sales" },
  { path: "/service", label: "Service" },
  { path: "/marketing", label: "Marketing" },
  { path: "/analytics", label: "Analytics" },
];

/** The frame of every signed-in page: the five areas (and Admin for admins), who is signed in, and Sign out (the app then shows sign-in). */
export function AppShell({ user }: { user: User }) {
  const [signingOut, setSigningOut] = useState(false);
  const signOut = () => {
    setSigningOut(true);
    void session.signOut();
  };
  return (
    <div className="shell">
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="topbar">
        <span className="brand">CrmPlatform</span>
        <nav aria-label="Areas">
          <ul>
            {areas.map((a) => (
              <li key={a.path}><NavLink to={a.path}>{a.label}</NavLink></li>
            ))}
            {user.roles.includes("admin") && <li><NavLink to="/admin">Admin</NavLink></li>}
          </ul>
        </nav>
        <div className="user">
          <span title={user.email}>{user.displayName || user.email}</span>
          <button type="button" className="secondary" onClick={signOut} disabled={signingOut}>Sign out</button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
