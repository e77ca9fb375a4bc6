"use server";
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { LOCALE_COOKIE, isLocale } from "@/lib/i18n/config";
import { getActor } from "@/lib/auth/session";
import { saveOwnLocale } from "./users";

// The language is a cookie, so visitors can switch too; for a signed-in user it is also saved on
// the account (through the action wrapper, audited) for the e-mails they receive.
export async function setLocale(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
  // Remembered on the account as well, so notifications e-mailed to this person use it.
  if (await getActor()) await saveOwnLocale({ locale });
  revalidatePath("/", "layout");
}
