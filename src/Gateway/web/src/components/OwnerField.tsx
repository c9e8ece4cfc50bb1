import { identity } from "../api/clients";
import { useSession } from "../api/useSession";
import { idOf } from "../lib/names";
import { SelectField } from "./fields";
import { useLoad } from "./useLoad";

/** The owner filter of a list: anyone, me, or (for admins, who may list users) any user. */
export function OwnerField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const state = useSession();
  const me = state.status === "signedIn" ? state.user : undefined;
  const isAdmin = me?.roles.includes("admin") ?? false;
  const users = useLoad(async (signal) => (isAdmin ? (await identity.listUsers({ pageSize: 1000 }, { signal })).users : []), [isAdmin]);
  const meId = me ? idOf(me.name) : "";
  const choices = [
    ...(me ? [{ value: meId, label: "Me" }] : []),
    ...(users.data ?? []).filter((u) => u.name !== me?.name).map((u) => ({ value: idOf(u.name), label: u.displayName || u.email })),
  ];
  return <SelectField label="Owner" value={value} onChange={onChange} options={choices} emptyLabel="Anyone" emptyValue="" />;
}
