import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { managesTraining } from "@/lib/db/training";
import { CourseForm } from "@/components/events/course-form";

export default async function NewCoursePage() {
  const actor = await requireActor("/manage/training/new");
  if (!managesTraining(actor)) notFound();
  const t = await getTranslations();
  return (
    <>
      <p className="text-sm"><Link href="/manage/training" className="text-brand-700 underline underline-offset-2">{t("training.deskTitle")}</Link></p>
      <h1 className="mt-1 text-2xl font-bold">{t("training.newCourse")}</h1>
      <p className="mt-1 max-w-3xl text-stone-700">{t("training.newIntro")}</p>
      <CourseForm initial={{ title: "", audience: "PRODUCERS", startsOn: "", endsOn: "", place: "", capacity: "", registrationClosesOn: "", description: "" }} />
    </>
  );
}
