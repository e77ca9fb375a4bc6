import { SiteHeader } from "@/components/ocop/site-header";

// Sign-in ships no message catalogue (its form takes its words as props); registration wraps its
// own form in the catalogue it needs.
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-md px-4 py-10">
        {children}
      </main>
    </>
  );
}
