import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

/**
 * The strings client components may need, sent with the page. The portal sends every catalogue;
 * registration only the namespaces its form (and the field errors its action returns) use;
 * public pages none, except the one public form, which wraps itself. The whole catalogue is some
 * 150 kB, and the message-formatting runtime more, that a visitor's phone would otherwise
 * download and parse on every public page.
 */
export async function ClientMessages({ namespaces, children }: { namespaces?: readonly string[]; children: React.ReactNode }) {
  const all = await getMessages();
  const messages = namespaces ? Object.fromEntries(namespaces.filter((n) => n in all).map((n) => [n, all[n as keyof typeof all]])) : all;
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}

/** The one public form: the point-of-sale application with its product picker. */
export const PUBLIC_CLIENT_NAMESPACES = ["common", "errors", "validation", "pointsOfSale", "trade", "catalogue"] as const;

/** Producer registration (sign-in takes its few words as props and ships no catalogue). */
export const AUTH_CLIENT_NAMESPACES = ["common", "errors", "validation", "login", "registration", "gender", "producerTypes"] as const;
