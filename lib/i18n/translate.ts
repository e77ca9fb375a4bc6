import { createTranslator } from "next-intl";
import { MESSAGES } from "./messages";
import { DEFAULT_LOCALE, isLocale, type Locale } from "./config";

/** A translator outside React (e-mails, notifications rendered for another user's language). */
export function translatorFor(locale: string | null | undefined) {
  const l: Locale = isLocale(locale) ? locale : DEFAULT_LOCALE;
  return createTranslator({ locale: l, messages: MESSAGES[l] });
}
