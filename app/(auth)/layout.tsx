import { AUTH_CLIENT_NAMESPACES, ClientMessages } from "@/components/i18n/client-messages";
import { SiteHeader } from "@/components/ocop/site-header";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <ClientMessages namespaces={AUTH_CLIENT_NAMESPACES}>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-md px-4 py-10">
        {children}
      </main>
    </ClientMessages>
  );
}
