"use client";
import { useId } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";

type Common = {
  label: string;
  /** react-hook-form's register(); a plain form passes just the name. */
  registration: UseFormRegisterReturn | { name: string };
  error?: string;
  hint?: string;
  required?: boolean;
};

const control =
  "min-h-11 w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base aria-invalid:border-red-700";

/** Label, hint and error wired to the control for screen readers (aria-describedby). */
function FieldShell({ id, label, hint, error, required, children }: Omit<Common, "registration"> & { id: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
        {required ? <span aria-hidden="true" className="text-red-700"> *</span> : null}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-stone-600">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

const describedBy = (id: string, hint?: string, error?: string) =>
  [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

export function Field({ label, registration, error, hint, required, type = "text", autoComplete, inputMode, maxLength }: Common & {
  type?: string;
  autoComplete?: string;
  maxLength?: number;
  inputMode?: React.HTMLAttributes<HTMLInputElement>["inputMode"];
}) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required}>
      <input
        id={id}
        type={type}
        autoComplete={autoComplete}
        inputMode={inputMode}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={control}
        {...registration}
      />
    </FieldShell>
  );
}

export function TextAreaField({ label, registration, error, hint, required, rows = 4 }: Common & { rows?: number }) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required}>
      <textarea
        id={id}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={control}
        {...registration}
      />
    </FieldShell>
  );
}

export type Option = { value: string; label: string; group?: string };

export function SelectField({ label, registration, error, hint, required, options, placeholder }: Common & { options: Option[]; placeholder?: string }) {
  const id = useId();
  const groups = [...new Set(options.map((o) => o.group ?? ""))];
  const render = (list: Option[]) => list.map((o) => <option key={o.value} value={o.value}>{o.label}</option>);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required}>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={control}
        {...registration}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {groups.length > 1
          ? groups.map((g) => (
              <optgroup key={g} label={g}>
                {render(options.filter((o) => (o.group ?? "") === g))}
              </optgroup>
            ))
          : render(options)}
      </select>
    </FieldShell>
  );
}
