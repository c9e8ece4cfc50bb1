import { Navigate, Route, Routes, useLocation } from "react-router";
import { useSession } from "./api/useSession";
import { AppShell } from "./pages/AppShell";
import { NotAvailablePage } from "./pages/NotAvailablePage";
import { SignInPage } from "./pages/SignInPage";
import { ApiKeysPage } from "./pages/admin/ApiKeysPage";
import { UsersPage } from "./pages/admin/UsersPage";
import { AccountFormPage } from "./pages/customers/AccountFormPage";
import { ContactFormPage } from "./pages/customers/ContactFormPage";
import { ContactsListPage } from "./pages/customers/ContactsListPage";
import { Customer360Page } from "./pages/customers/Customer360Page";
import { CustomersListPage } from "./pages/customers/CustomersListPage";
import { DuplicatesPage } from "./pages/customers/DuplicatesPage";
import { ImportPage } from "./pages/customers/ImportPage";
import { MergePage } from "./pages/customers/MergePage";

export function App() {
  const state = useSession();
  const location = useLocation();
  if (state.status === "restoring") return <p className="loading" role="status">Restoring your session…</p>;
  if (state.status === "signedOut") {
    return (
      <Routes>
        <Route path="/sign-in" element={<SignInPage reason={state.reason} />} />
        <Route path="*" element={<Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />} />
      </Routes>
    );
  }
  const isAdmin = state.user.roles.includes("admin");
  return (
    <Routes>
      <Route path="/sign-in" element={<Navigate to={(location.state as { from?: string } | null)?.from ?? "/customers"} replace />} />
      <Route element={<AppShell user={state.user} />}>
        <Route index element={<Navigate to="/customers" replace />} />
        <Route path="customers" element={<CustomersListPage />} />
        <Route path="customers/new" element={<AccountFormPage />} />
        <Route path="customers/contacts" element={<ContactsListPage />} />
        <Route path="customers/import" element={<ImportPage />} />
        <Route path="customers/duplicates" element={<DuplicatesPage />} />
        <Route path="customers/merge" element={<MergePage />} />
        <Route path="customers/:id" element={<Customer360Page />} />
        <Route path="customers/:id/edit" element={<AccountFormPage />} />
        <Route path="customers/:id/contacts/new" element={<ContactFormPage />} />
        <Route path="customers/:id/contacts/:contactId/edit" element={<ContactFormPage />} />
        <Route path="sales" element={<NotAvailablePage area="Sales" />} />
        <Route path="service" element={<NotAvailablePage area="Service" />} />
        <Route path="marketing" element={<NotAvailablePage area="Marketing" />} />
        <Route path="analytics" element={<NotAvailablePage area="Analytics" />} />
        {isAdmin && <Route path="admin" element={<Navigate to="/admin/users" replace />} />}
        {isAdmin && <Route path="admin/users" element={<UsersPage />} />}
        {isAdmin && <Route path="admin/api-keys" element={<ApiKeysPage />} />}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

function NotFoundPage() {
  return (
    <section>
      <h1>Page not found</h1>
      <p>There is no page at this address, or you may not open it.</p>
    </section>
  );
}
