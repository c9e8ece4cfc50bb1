import { allRoles, roleLabel } from "./roles";

/** One checkbox per role, in a fieldset named by `legend`. */
export function RolesField({ legend, roles, onChange }: { legend: string; roles: readonly string[]; onChange: (roles: string[]) => void }) {
  return (
    <fieldset className="roles">
      <legend>{legend}</legend>
      {allRoles.map((role) => (
        <label key={role} className="checkbox">
          <input
            type="checkbox"
            checked={roles.includes(role)}
            onChange={(e) => onChange(e.target.checked ? [...roles, role] : roles.filter((r) => r !== role))}
          />{" "}
          {roleLabel(role)}
        </label>
      ))}
    </fieldset>
  );
}
