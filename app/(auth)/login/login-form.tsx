"use client";
import { useState, useTransition } from "react";
import { flushSync } from "react-dom";
import { Field } from "@/components/forms/field";
import { buttonClass } from "@/components/ui/button";
import { signInWithPassword } from "@/lib/actions/sign-in";

/** The form's words, from the server (the sign-in page ships no message catalogue or formatter). */
export type LoginFormText = {
  identifier: string;
  password: string;
  submit: string;
  submitting: string;
  invalid: string;
  rateLimited: string;
  internal: string;
  identifierRequired: string;
  passwordRequired: string;
};

type Errors = { identifier?: string; password?: string };

/**
 * Sign-in with two fields. It carries no form library or schema to the phone: empty fields are
 * caught here before anything is sent (maxlength keeps the schema's limit), and the server action
 * checks everything again with the sign-in schema (lib/validation/auth.ts).
 */
export function LoginForm({ callbackUrl, text }: { callbackUrl: string; text: LoginFormText }) {
  const [serverError, setServerError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [pending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
    const identifier = field("identifier");
    const password = field("password");
    const found: Errors = {
      identifier: identifier.value.trim() === "" ? text.identifierRequired : undefined,
      password: password.value === "" ? text.passwordRequired : undefined,
    };
    // Rendered before the focus moves, so the field is announced with its error.
    flushSync(() => {
      setErrors(found);
      setServerError(null);
    });
    if (found.identifier || found.password) {
      (found.identifier ? identifier : password).focus();
      return;
    }
    startTransition(async () => {
      const result = await signInWithPassword({ identifier: identifier.value, password: password.value, callbackUrl });
      if (result?.error === "RATE_LIMITED") setServerError(text.rateLimited);
      else if (result?.error === "INTERNAL") setServerError(text.internal);
      else if (result?.error) setServerError(text.invalid);
    });
  }

  return (
    // POST, so a submission before the script has loaded never puts the password in the address.
    <form
      method="post"
      onSubmit={onSubmit}
      // An error goes once its field is edited.
      onInput={(e) => {
        const name = (e.target as HTMLInputElement).name as keyof Errors;
        if (errors[name]) setErrors((current) => ({ ...current, [name]: undefined }));
      }}
      noValidate
      className="mt-6 flex flex-col gap-4"
      aria-busy={pending}
    >
      {/* Mounted from the start: a live region that appears together with its text is often not read out. */}
      <div role="alert" data-testid="login-error" className={serverError ? "rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800" : "sr-only"}>
        {serverError}
      </div>
      <Field label={text.identifier} registration={{ name: "identifier" }} maxLength={200} error={errors.identifier} autoComplete="username" />
      <Field label={text.password} type="password" registration={{ name: "password" }} maxLength={200} error={errors.password} autoComplete="current-password" />
      <button type="submit" disabled={pending} className={buttonClass("primary")}>
        {pending ? text.submitting : text.submit}
      </button>
    </form>
  );
}
