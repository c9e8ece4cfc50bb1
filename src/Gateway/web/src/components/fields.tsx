import { type ReactNode, useId } from "react";
import type { EnumOption } from "../lib/enums";

interface FieldProps {
  label: string;
  error?: string;
  hint?: string;
}

/** Label, control, hint and error text wired together (the error is the control's accessible description). */
function Field({ label, error, hint, children }: FieldProps & { children: (id: string, describedBy: string | undefined) => ReactNode }) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className={error ? "field invalid" : "field"}>
      <label htmlFor={id}>{label}</label>
      {children(id, describedBy)}
      {hint && <small id={`${id}-hint`} className="hint">{hint}</small>}
      {error && <small id={`${id}-error`} className="field-error">{error}</small>}
    </div>
  );
}

interface TextFieldProps extends FieldProps {
  value: string;
  onChange: (value: string) => void;
  type?: "text" | "email" | "tel" | "password" | "search" | "datetime-local" | "date" | "number";
  required?: boolean;
  autoComplete?: string;
  readOnly?: boolean;
}

export function TextField({ value, onChange, type = "text", required, autoComplete, readOnly, ...field }: TextFieldProps) {
  return (
    <Field {...field}>
      {(id, describedBy) => (
        <input
          id={id}
          type={type}
          value={value}
          required={required}
          readOnly={readOnly}
          autoComplete={autoComplete}
          aria-invalid={field.error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export function TextAreaField({ value, onChange, rows = 3, ...field }: FieldProps & { value: string; onChange: (value: string) => void; rows?: number }) {
  return (
    <Field {...field}>
      {(id, describedBy) => (
        <textarea id={id} value={value} rows={rows} aria-invalid={field.error ? true : undefined} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}

interface SelectFieldProps extends FieldProps {
  value: number | string;
  onChange: (value: string) => void;
  options: readonly { value: number | string; label: string }[];
  /** The label of the "none" choice (value 0 or ""); no such choice when absent. */
  emptyLabel?: string;
  emptyValue?: number | string;
}

export function SelectField({ value, onChange, options, emptyLabel, emptyValue = 0, ...field }: SelectFieldProps) {
  return (
    <Field {...field}>
      {(id, describedBy) => (
        <select id={id} value={value} aria-invalid={field.error ? true : undefined} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)}>
          {emptyLabel !== undefined && <option value={emptyValue}>{emptyLabel}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>{o.label}</option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A select over a proto enum; onChange hands back the enum number. */
export function EnumField({ value, onChange, ...rest }: Omit<SelectFieldProps, "onChange" | "options" | "value"> & { value: number; onChange: (value: number) => void; options: EnumOption[] }) {
  return <SelectField {...rest} value={value} onChange={(v) => onChange(Number(v))} />;
}

export function CheckboxField({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="checkbox">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {label}
    </label>
  );
}
