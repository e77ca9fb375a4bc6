"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import clsx from "clsx";

export function PortalNav({ label, items }: { label: string; items: { key: string; href: string; text: string }[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="border-b border-stone-200 bg-white">
      <ul className="mx-auto flex max-w-6xl gap-1 overflow-x-auto px-4">
        {items.map((i) => {
          const current = pathname === i.href || pathname.startsWith(`${i.href}/`);
          return (
            <li key={i.key}>
              <Link
                href={i.href}
                aria-current={current ? "page" : undefined}
                className={clsx(
                  "inline-flex min-h-11 items-center whitespace-nowrap border-b-2 px-3 text-sm hover:bg-stone-100",
                  current ? "border-brand-700 font-semibold text-brand-800" : "border-transparent",
                )}
              >
                {i.text}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
