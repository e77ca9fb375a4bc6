import { createTranslator } from "next-intl";
import vi from "./messages/vi.json";
import en from "./messages/en.json";
import { DEFAULT_LOCALE, isLocale, type Locale } from "./config";

const MESSAGES = { vi, en } as const;

/** A translator outside React (e-mails, notifications rendered for another user's language). */
export function translatorFor(locale: string | null | undefined) {
  const l: Locale = isLocale(locale) ? locale : DEFAULT_LOCALE;
  return createTranslator({ locale: l, messages: MESSAGES[l] });
}
