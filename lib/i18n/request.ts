import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale } from "./config";
import { MESSAGES } from "./messages";

// The locale is a cookie rather than a URL prefix: officials share links, and a link must open
// the same page whatever language the recipient reads.
export default getRequestConfig(async () => {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(fromCookie) ? fromCookie : DEFAULT_LOCALE;
  return {
    locale,
    timeZone: "Asia/Ho_Chi_Minh",
    messages: MESSAGES[locale],
  };
});
