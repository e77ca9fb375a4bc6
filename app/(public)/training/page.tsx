import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { courseScheduleOf, listPublicMaterials, listUpcomingPublicCourses } from "@/lib/db/training";
import { isoOf, vietnamDateOf } from "@/lib/domain/dates";
import { isCourseRegistrationOpen, lastCourseRegistrationDay, seatsLeft } from "@/lib/domain/training";
import { formatDate } from "@/lib/i18n/format";
import { enumParam, type SearchParams } from "@/lib/validation/search-params";
import { buttonClass } from "@/components/ui/button";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  const title = t("publicTraining.title");
  const description = t("publicTraining.metaDescription");
  return { title, description, alternates: { canonical: "/training" }, openGraph: { title, description, url: "/training", type: "website" } };
}

/** Courses to come, with the seats left and the way in: registration is online after signing in. */
export default async function TrainingPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const audience = enumParam(sp, "audience", ["PRODUCERS", "OFFICIALS"] as const);
  const t = await getTranslations();
  const format = await getFormatter();
  const courses = await listUpcomingPublicCourses(100, audience);
  const materials = await listPublicMaterials(courses.map((c) => c.id));
  const today = vietnamDateOf(new Date());
  const kb = (n: number) => `${format.number(Math.max(1, Math.round(n / 1024)))} KB`;
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-bold">{t("publicTraining.title")}</h1>
      <p className="mt-2 max-w-3xl text-stone-700">{t("publicTraining.intro")}</p>
      <form method="get" className="mt-4 flex flex-wrap items-end gap-2" role="search" aria-label={t("publicTraining.filter")}>
        <label className="flex flex-col text-sm font-medium">
          {t("training.audience")}
          <select name="audience" defaultValue={audience ?? ""} className="min-h-11 rounded-md border border-stone-400 bg-white px-2 text-base font-normal">
            <option value="">{t("training.allAudiences")}</option>
            <option value="PRODUCERS">{t("trainingAudience.PRODUCERS")}</option>
            <option value="OFFICIALS">{t("trainingAudience.OFFICIALS")}</option>
          </select>
        </label>
        <button type="submit" className={buttonClass("secondary")}>{t("events.apply")}</button>
      </form>
      <p className="mt-4 text-sm text-stone-700" role="status">{t("publicTraining.count", { count: courses.length })}</p>
      {courses.length === 0 ? (
        <p className="mt-2">{t("publicTraining.empty")}</p>
      ) : (
        <ul className="mt-3 grid gap-4 md:grid-cols-2" data-testid="public-courses">
          {courses.map((c) => {
            const schedule = courseScheduleOf(c);
            const left = seatsLeft(c.capacity, c._count.registrations);
            const open = isCourseRegistrationOpen(schedule, today);
            const files = materials.filter((m) => m.entityId === c.id);
            return (
              <li key={c.id} className="flex flex-col rounded-lg border border-stone-200 bg-white p-4">
                <p className="text-sm font-medium text-brand-800">
                  <time dateTime={isoOf(c.startsOn)}>{formatDate(c.startsOn)}</time>
                  {c.endsOn.getTime() !== c.startsOn.getTime() ? <> – <time dateTime={isoOf(c.endsOn)}>{formatDate(c.endsOn)}</time></> : null}
                </p>
                <h2 className="mt-1 text-lg font-semibold">{c.title}</h2>
                <p className="text-sm text-stone-700">{t(`trainingAudience.${c.audience}`)} · {c.place}</p>
                {c.description ? <p className="mt-2 line-clamp-4 whitespace-pre-line text-sm">{c.description}</p> : null}
                <p className="mt-2 text-sm font-medium">
                  {left > 0 ? t("training.seatsLeft", { count: left }) : t("publicTraining.full")}
                  {open ? <span className="font-normal text-stone-700"> · {t("training.registerBy", { date: formatDate(lastCourseRegistrationDay(schedule)) })}</span> : null}
                </p>
                {files.length > 0 ? (
                  <div className="mt-2">
                    <h3 className="text-sm font-medium">{t("training.materials")}</h3>
                    <ul className="text-sm">
                      {files.map((f) => (
                        <li key={f.id}>
                          <a href={`/api/media/${f.id}`} className="text-brand-700 underline underline-offset-2">{f.fileName}</a>
                          <span className="text-stone-600"> · {kb(f.size)}</span>
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
                <div className="mt-auto pt-3">
                  {open && left > 0 ? (
                    <Link href={`/login?callbackUrl=${encodeURIComponent(`/manage/training/${c.id}`)}`} className={buttonClass("primary")}>
                      {t("publicTraining.registerSignIn")}
                      <span className="sr-only"> — {c.title}</span>
                    </Link>
                  ) : (
                    <p className="text-sm text-stone-700">{t("training.registrationClosedShort")}</p>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
