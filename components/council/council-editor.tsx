"use client";
import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { callAction } from "@/components/forms/call-action";
import { ConfirmAction } from "@/components/ocop/confirm-action";
import { buttonClass } from "@/components/ui/button";
import { addCouncilMember, removeCouncilMember, updateCouncilMember } from "@/lib/actions/rounds";
import { COUNCIL_ROLES } from "@/lib/validation/rounds";
import { useActionMessage } from "@/components/ocop/action-message";

type Role = (typeof COUNCIL_ROLES)[number];
const control = "min-h-11 w-full rounded-md border border-stone-400 bg-white px-2";

/** Seats a person on the council: council accounts, or office staff as secretary. */
export function AddMemberForm({ roundId, candidates }: { roundId: string; candidates: { id: string; name: string; email: string | null; role: string }[] }) {
  const t = useTranslations();
  const router = useRouter();
  const id = useId();
  const [userId, setUserId] = useState("");
  const [role, setRole] = useState<Role>("MEMBER");
  const [scores, setScores] = useState(true);
  const [title, setTitle] = useState("");
  const [pending, startTransition] = useTransition();
  const { show, node } = useActionMessage();
  const pickRole = (r: Role) => {
    setRole(r);
    // A secretary usually keeps the minutes without scoring; the office can still tick the box.
    setScores(r !== "SECRETARY");
  };
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    startTransition(async () => {
      const r = await callAction(() => addCouncilMember({ roundId, userId, role, scores, title }));
      show(r, t("rounds.memberAdded"));
      if (r.ok) {
        setUserId("");
        setTitle("");
        router.refresh();
      }
    });
  };
  if (candidates.length === 0) return <p className="mt-3 text-sm text-stone-600">{t("rounds.noCandidates")}</p>;
  return (
    <form onSubmit={submit} className="mt-4 grid gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2" aria-label={t("rounds.addMember")}>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-user`} className="text-sm font-medium">{t("rounds.person")}</label>
        <select id={`${id}-user`} required value={userId} onChange={(e) => setUserId(e.target.value)} className={control}>
          <option value="">{t("rounds.choosePerson")}</option>
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}{c.email ? ` — ${c.email}` : ""} ({t(`roles.${c.role}` as never)})
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-role`} className="text-sm font-medium">{t("rounds.seatRole")}</label>
        <select id={`${id}-role`} value={role} onChange={(e) => pickRole(e.target.value as Role)} className={control}>
          {COUNCIL_ROLES.map((r) => <option key={r} value={r}>{t(`councilRole.${r}`)}</option>)}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-title`} className="text-sm font-medium">{t("rounds.seatTitle")}</label>
        <input id={`${id}-title`} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={300} className={control} aria-describedby={`${id}-title-hint`} />
        <p id={`${id}-title-hint`} className="text-xs text-stone-600">{t("rounds.seatTitleHint")}</p>
      </div>
      <label className="flex min-h-11 items-center gap-2 self-center text-sm">
        <input type="checkbox" checked={scores} onChange={(e) => setScores(e.target.checked)} className="size-5" />
        {t("rounds.scoresLabel")}
      </label>
      <div className="sm:col-span-2">
        <button type="submit" disabled={pending || !userId} aria-busy={pending} className={buttonClass("primary")}>{t("rounds.addMember")}</button>
        {node}
      </div>
    </form>
  );
}

/** One seat: role, whether the sheet counts, title; removal behind a confirmation. */
export function MemberControls({ member, name }: { member: { id: string; role: Role; scores: boolean; title: string }; name: string }) {
  const t = useTranslations();
  const router = useRouter();
  const id = useId();
  const [role, setRole] = useState<Role>(member.role);
  const [scores, setScores] = useState(member.scores);
  const [title, setTitle] = useState(member.title);
  const [pending, startTransition] = useTransition();
  const { show, node } = useActionMessage();
  const changed = role !== member.role || scores !== member.scores || title !== member.title;
  const save = () =>
    startTransition(async () => {
      const r = await callAction(() => updateCouncilMember({ memberId: member.id, role, scores, title }));
      show(r, t("rounds.saved"));
      if (r.ok) router.refresh();
    });
  return (
    <div className="mt-2 grid gap-2 sm:grid-cols-[10rem_1fr_auto] sm:items-end">
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-role`} className="text-xs font-medium">{t("rounds.seatRole")}<span className="sr-only"> — {name}</span></label>
        <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as Role)} className={control}>
          {COUNCIL_ROLES.map((r) => <option key={r} value={r}>{t(`councilRole.${r}`)}</option>)}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-title`} className="text-xs font-medium">{t("rounds.seatTitle")}<span className="sr-only"> — {name}</span></label>
        <input id={`${id}-title`} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={300} className={control} />
      </div>
      <label className="flex min-h-11 items-center gap-2 text-sm">
        <input type="checkbox" checked={scores} onChange={(e) => setScores(e.target.checked)} className="size-5" />
        {t("rounds.scoresLabel")}<span className="sr-only"> — {name}</span>
      </label>
      <div className="flex flex-wrap items-center gap-2 sm:col-span-3">
        <button type="button" disabled={pending || !changed} aria-busy={pending} onClick={save} className={buttonClass("secondary")}>
          {t("rounds.save")}<span className="sr-only"> — {name}</span>
        </button>
        <ConfirmAction
          label={t("rounds.removeMember")}
          context={name}
          question={t("rounds.removeMemberQuestion", { name })}
          done={t("rounds.memberRemoved")}
          run={async () => {
            const r = await callAction(() => removeCouncilMember({ memberId: member.id }));
            if (r.ok) router.refresh();
            else show(r, "");
            return r;
          }}
        />
      </div>
      {node}
    </div>
  );
}
