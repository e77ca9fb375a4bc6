"use client";
import { buttonClass } from "@/components/ui/button";
import { FAULT_TEXT } from "./fault-text";
import "./globals.css";

// The root layout itself failed, so this page replaces it, <html> included, with no catalogue and
// no locale: Vietnamese first, English beneath, and a reload (nothing on the client to reset).
export default function GlobalError() {
  const { vi, en } = FAULT_TEXT;
  return (
    <html lang="vi">
      <body className="min-h-dvh font-sans">
        <main id="main" className="mx-auto max-w-xl px-4 py-12">
          <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4">
            <h1 className="text-lg font-semibold">{vi.title}</h1>
            <p className="mt-2">{vi.message}</p>
            <p lang="en" className="mt-3 text-sm text-stone-700">{en.message}</p>
            <button type="button" className={buttonClass("primary", "mt-4")} onClick={() => window.location.reload()}>
              {vi.retry} · <span lang="en">{en.retry}</span>
            </button>
          </div>
        </main>
      </body>
    </html>
  );
}
