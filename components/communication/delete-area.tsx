"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { deleteRawMaterialArea } from "@/lib/actions/raw-material-areas";
import { ConfirmAction } from "@/components/ocop/confirm-action";

export function DeleteArea({ areaId, name }: { areaId: string; name: string }) {
  const t = useTranslations("areas");
  const router = useRouter();
  return (
    <div className="flex flex-col items-start gap-1">
      <ConfirmAction
        label={t("delete")}
        question={t("deleteConfirm", { name })}
        done={t("deleted")}
        variant="danger"
        run={() => deleteRawMaterialArea({ areaId })}
        onDone={() => router.push("/manage/raw-material-areas")}
      />
    </div>
  );
}
