import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { listUsers } from "@/lib/db/users";
import { formatDateTime } from "@/lib/i18n/format";
import { UserRowActions } from "./user-row-actions";

export default async function UsersPage() {
  const actor = await requireActor("/admin/users");
  if (!can(actor, "user.list", { type: "user", id: "", role: actor.role })) notFound();
  const t = await getTranslations();
  const users = await listUsers(actor);
  return (
    <>
      <h1 className="text-2xl font-bold">{t("users.title")}</h1>
      <div className="relative mt-4 overflow-x-auto">
        <table className="w-full min-w-[48rem] border-collapse bg-white text-sm">
          <thead>
            <tr className="border-b border-stone-300 text-left">
              <th scope="col" className="p-2">{t("users.name")}</th>
              <th scope="col" className="p-2">{t("users.login")}</th>
              <th scope="col" className="p-2">{t("users.role")}</th>
              <th scope="col" className="p-2">{t("users.scope")}</th>
              <th scope="col" className="p-2">{t("users.lastSignIn")}</th>
              <th scope="col" className="p-2">{t("users.status")}</th>
              <th scope="col" className="p-2"><span className="sr-only">{t("users.actions")}</span></th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className="border-b border-stone-100 align-top" data-testid={`user-${u.email ?? u.phone}`}>
                <td className="p-2 font-medium">{u.name}</td>
                <td className="p-2">{u.email ?? u.phone}</td>
                <td className="p-2">{t(`roles.${u.role}`)}</td>
                <td className="p-2">{u.ward?.name ?? u.producer?.name ?? "—"}</td>
                <td className="p-2">{formatDateTime(u.lastSignInAt)}</td>
                <td className="p-2">{u.isActive ? t("users.active") : t("users.inactive")}</td>
                <td className="p-2">
                  {u.id !== actor.userId ? <UserRowActions userId={u.id} name={u.name} isActive={u.isActive} /> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
