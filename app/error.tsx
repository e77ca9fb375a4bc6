"use client";
import { startTransition, useSyncExternalStore } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { FAULT_TEXT, type FaultLocale } from "./fault-text";

const noSubscription = () => () => {};

// A layout failed (the database unreachable while reading the session, say): the portal's own
// message in the reader's language and a way to try again, never the framework's stack trace.
// The root layout still rendered <html lang>, which tells the language without any catalogue.
export default function RootError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  const lang = useSyncExternalStore(noSubscription, () => document.documentElement.lang, () => "vi");
  const t = FAULT_TEXT[(lang === "en" ? "en" : "vi") satisfies FaultLocale];
  // The failure came from the server: render the page again there, then leave the error state.
  const retry = () => startTransition(() => {
    router.refresh();
    reset();
  });
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-12">
      <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4">
        <h1 className="text-lg font-semibold">{t.title}</h1>
        <p className="mt-2">{t.message}</p>
        <div className="mt-4 flex flex-wrap gap-2">
          <button type="button" className={buttonClass("primary")} onClick={retry}>{t.retry}</button>
          <Link href="/" className={buttonClass("secondary")}>{t.home}</Link>
        </div>
      </div>
    </main>
  );
}
