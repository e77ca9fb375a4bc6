import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { courseResource, findCourse } from "@/lib/db/training";
import { TRAINING_EDITABLE, type TrainingState } from "@/lib/domain/training";
import { CourseForm } from "@/components/events/course-form";
import { isoOf } from "@/lib/domain/dates";

export default async function EditCoursePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/manage/training/${id}/edit`);
  const course = await findCourse(actor, id);
  if (!course || !can(actor, "training.manage", courseResource(course)) || !TRAINING_EDITABLE.includes(course.status as TrainingState)) notFound();
  const t = await getTranslations();
  return (
    <>
      <p className="text-sm"><Link href={`/manage/training/${course.id}`} className="text-brand-700 underline underline-offset-2">{course.title}</Link></p>
      <h1 className="mt-1 text-2xl font-bold">{t("training.editTitle")}</h1>
      {course.status === "PUBLISHED" ? <p className="mt-1 max-w-3xl text-stone-700">{t("training.editPublishedNote")}</p> : null}
      <CourseForm
        initial={{
          courseId: course.id,
          version: course.version,
          title: course.title,
          audience: course.audience,
          startsOn: isoOf(course.startsOn),
          endsOn: isoOf(course.endsOn),
          place: course.place,
          capacity: String(course.capacity),
          registrationClosesOn: course.registrationClosesOn ? isoOf(course.registrationClosesOn) : "",
          description: course.description,
        }}
      />
    </>
  );
}
