"use client";
import { useTranslations } from "next-intl";
import type { FieldErrors, FieldValues, Path, UseFormSetError } from "react-hook-form";

/** Translates a form's field error (a catalogue key) for display. */
export function useFieldError<T extends FieldValues>(errors: FieldErrors<T>) {
  const t = useTranslations();
  return (key: Path<T>) => {
    const message = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], errors) as { message?: string } | undefined;
    return message?.message ? t(message.message as never) : undefined;
  };
}

/** Puts the server's field errors (catalogue keys) onto the form's fields. */
export function applyServerErrors<T extends FieldValues>(setError: UseFormSetError<T>, fieldErrors: Record<string, string[]> | undefined) {
  for (const [field, messages] of Object.entries(fieldErrors ?? {})) {
    if (messages[0]) setError(field as Path<T>, { type: "server", message: messages[0] });
  }
}
