import { useState } from "react";
import { Link, NavLink, Outlet, useLocation } from "react-router";
import { session } from "../api/session";
import type { User } from "../gen/crm/identity/v1/identity_pb";
import { adminArea, type Area, areas, entryOf } from "./navigation";

/**
 * The frame of every signed-in page: the five areas (and Admin for admins), the open area's sections, who is signed
 * in, and Sign out (the app then shows sign-in).
 */
export function AppShell({ user }: { user: User }) {
  const [signingOut, setSigningOut] = useState(false);
  const { pathname } = useLocation();
  const shown = user.roles.includes("admin") ? [...areas, adminArea] : areas;
  const open = entryOf(shown, pathname);
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
            {shown.map((a) => (
              <li key={a.path}><NavLink to={a.path}>{a.label}</NavLink></li>
            ))}
          </ul>
        </nav>
        <div className="user">
          <span title={user.email}>{user.displayName || user.email}</span>
          <button type="button" className="secondary" onClick={signOut} disabled={signingOut}>Sign out</button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {open?.sections && <SectionNav area={open} pathname={pathname} />}
        <Outlet />
      </main>
    </div>
  );
}

/** The open area's sections; the one the page belongs to is marked (as the current page when it is that page). */
function SectionNav({ area, pathname }: { area: Area; pathname: string }) {
  const sections = area.sections ?? [];
  const current = entryOf(sections, pathname);
  return (
    <nav aria-label={area.label} className="subnav">
      {sections.map((s) => (
        <Link key={s.path} to={s.path} className={s === current ? "active" : undefined} aria-current={s !== current ? undefined : s.path === pathname ? "page" : "true"}>
          {s.label}
        </Link>
      ))}
    </nav>
  );
}
