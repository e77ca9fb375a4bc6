import { describe, expect, it } from "vitest";
import { addWorkingDays } from "@/lib/domain/working-days";
import {
  COUNCIL_DUE_SOON_DAYS,
  DRAFT_CLOSING_NOTICE_DAYS,
  councilNoticeStage,
  isDraftClosingNoticeDue,
  isWardPreAssessmentOverdue,
  lastFilingDay,
  nextDraftClosing,
  planCouncilNotices,
  planDraftNotices,
  planWardOverdue,
  type DraftClosing,
} from "@/lib/domain/notices";

const NO_HOLIDAYS: ReadonlySet<string> = new Set();

describe("ward pre-assessment overdue (QĐ26 Art. 7.2)", () => {
  it("is in time on the due day and overdue from the next", () => {
    expect(isWardPreAssessmentOverdue("2026-12-10", "2026-12-09")).toBe(false);
    expect(isWardPreAssessmentOverdue("2026-12-10", "2026-12-10")).toBe(false);
    expect(isWardPreAssessmentOverdue("2026-12-10", "2026-12-11")).toBe(true);
  });

  it("tells the dossier's ward once per deadline", () => {
    const d = { id: "d1", productName: "Miến dong Na Rì", producerName: "HTX Tân Thành", wardId: "w1", wardDueOn: "2026-12-10" };
    expect(planWardOverdue("2026-12-10", [d])).toEqual([]);
    expect(planWardOverdue("2026-12-11", [d])).toEqual([
      {
        to: { kind: "ward", wardId: "w1" },
        kind: "jobs.wardOverdue",
        params: { name: "Miến dong Na Rì", producer: "HTX Tân Thành", dueOn: "10/12/2026" },
        href: "/dossiers/d1",
        dedupeKey: "ward-overdue:d1:2026-12-10",
      },
    ]);
    // Returned and submitted again: a new deadline is a new event.
    expect(planWardOverdue("2027-01-20", [{ ...d, wardDueOn: "2027-01-19" }])[0]!.dedupeKey).toBe("ward-overdue:d1:2027-01-19");
  });
});

describe("council members with open sheets", () => {
  it("are due soon from COUNCIL_DUE_SOON_DAYS before the deadline to the deadline, overdue after", () => {
    expect(COUNCIL_DUE_SOON_DAYS).toBe(3);
    expect(councilNoticeStage("2026-12-30", "2026-12-26")).toBeNull();
    expect(councilNoticeStage("2026-12-30", "2026-12-27")).toBe("dueSoon");
    expect(councilNoticeStage("2026-12-30", "2026-12-30")).toBe("dueSoon");
    expect(councilNoticeStage("2026-12-30", "2026-12-31")).toBe("overdue");
    expect(councilNoticeStage("2026-12-30", "2027-03-01")).toBe("overdue");
  });

  const round = {
    id: "r1",
    title: "Đợt 2 năm 2026",
    completeBy: "2026-12-30",
    late: [
      { userId: "u1", outstanding: 2 },
      { userId: "u2", outstanding: 0 },
      { userId: "u3", outstanding: 1 },
    ],
  };

  it("reminds only members with sheets still open, under one key per stage", () => {
    expect(planCouncilNotices("2026-12-26", [round])).toEqual([]);
    const soon = planCouncilNotices("2026-12-27", [round]);
    expect(soon.map((p) => [p.to, p.kind, p.params.count, p.dedupeKey])).toEqual([
      [{ kind: "users", userIds: ["u1"] }, "jobs.councilDueSoon", "2", "council-due:r1:2026-12-30"],
      [{ kind: "users", userIds: ["u3"] }, "jobs.councilDueSoon", "1", "council-due:r1:2026-12-30"],
    ]);
    expect(soon[0]!.params).toEqual({ round: "Đợt 2 năm 2026", count: "2", date: "30/12/2026" });
  });

  it("once overdue, tells the late members and the Economic Office how many are late", () => {
    const late = planCouncilNotices("2026-12-31", [round]);
    expect(late.map((p) => [p.to, p.kind, p.dedupeKey])).toEqual([
      [{ kind: "users", userIds: ["u1"] }, "jobs.councilOverdue", "council-late:r1:2026-12-30"],
      [{ kind: "users", userIds: ["u3"] }, "jobs.councilOverdue", "council-late:r1:2026-12-30"],
      [{ kind: "role", role: "ECONOMIC_OFFICE" }, "jobs.councilOverdueOffice", "council-late-office:r1:2026-12-30"],
    ]);
    expect(late[2]!.params).toEqual({ round: "Đợt 2 năm 2026", members: "2", date: "30/12/2026" });
    expect(late[2]!.href).toBe("/rounds/r1");
  });

  it("says nothing when every sheet is in", () => {
    expect(planCouncilNotices("2026-12-31", [{ ...round, late: [{ userId: "u2", outstanding: 0 }] }])).toEqual([]);
  });
});

describe("drafts before intake closes", () => {
  it("the last filing day leaves the ward its 15 working days before the proposal day (QĐ26 Art. 5, 7.2)", () => {
    // Proposals by Friday 30/10/2026: filed on Sunday 11/10 the ward's 15th working day is 30/10;
    // filed on Monday 12/10 it would be Monday 2/11.
    expect(lastFilingDay("2026-10-30", 15, NO_HOLIDAYS)).toBe("2026-10-11");
    expect(addWorkingDays("2026-10-11", 15, NO_HOLIDAYS)).toBe("2026-10-30");
    expect(addWorkingDays("2026-10-12", 15, NO_HOLIDAYS)).toBe("2026-11-02");
    // A holiday inside the period moves the last filing day one working day earlier.
    expect(lastFilingDay("2026-10-30", 15, new Set(["2026-10-20"]))).toBe("2026-10-08");
    // Without a ward step (QĐ148) the proposal day itself.
    expect(lastFilingDay("2026-10-30", null, NO_HOLIDAYS)).toBe("2026-10-30");
  });

  const round: DraftClosing = { source: "round", id: "r2", title: "Đợt 2 năm 2026", proposalsBy: "2026-10-30", closesOn: "2026-10-11" };
  const cycle: DraftClosing = { source: "cycle", year: 2026, closesOn: "2026-12-30" };

  it("the next closing is the first one not yet past, a round before the cycle on the same day", () => {
    expect(nextDraftClosing("2026-10-11", [cycle, round])).toBe(round);
    expect(nextDraftClosing("2026-10-12", [cycle, round])).toBe(cycle);
    expect(nextDraftClosing("2026-12-31", [cycle, round])).toBeNull();
    const sameDay = { ...round, closesOn: "2026-12-30" };
    expect(nextDraftClosing("2026-12-01", [cycle, sameDay])).toBe(sameDay);
  });

  it("is announced from DRAFT_CLOSING_NOTICE_DAYS before the closing day up to that day", () => {
    expect(DRAFT_CLOSING_NOTICE_DAYS).toBe(7);
    expect(isDraftClosingNoticeDue("2026-10-11", "2026-10-03")).toBe(false);
    expect(isDraftClosingNoticeDue("2026-10-11", "2026-10-04")).toBe(true);
    expect(isDraftClosingNoticeDue("2026-10-11", "2026-10-11")).toBe(true);
    expect(isDraftClosingNoticeDue("2026-10-11", "2026-10-12")).toBe(false);
  });

  it("tells each draft's producer once per closing day", () => {
    const drafts = [
      { id: "d1", productName: "Trà hoa vàng", producerId: "p1" },
      { id: "d2", productName: "Mật ong bạc hà", producerId: "p2" },
    ];
    expect(planDraftNotices("2026-10-03", [round, cycle], drafts)).toEqual([]);
    const plans = planDraftNotices("2026-10-04", [round, cycle], drafts);
    expect(plans).toEqual([
      {
        to: { kind: "producer", producerId: "p1" },
        kind: "jobs.draftClosingRound",
        params: { name: "Trà hoa vàng", round: "Đợt 2 năm 2026", proposalsBy: "30/10/2026", closesOn: "11/10/2026" },
        href: "/dossiers/d1",
        dedupeKey: "draft-closing:d1:2026-10-11",
      },
      expect.objectContaining({ to: { kind: "producer", producerId: "p2" }, dedupeKey: "draft-closing:d2:2026-10-11" }),
    ]);
    // After the round's last filing day, the end of step 5 is next; announced in its own week.
    expect(planDraftNotices("2026-12-22", [round, cycle], drafts)).toEqual([]);
    expect(planDraftNotices("2026-12-23", [round, cycle], drafts)[0]).toMatchObject({
      kind: "jobs.draftClosingCycle",
      params: { name: "Trà hoa vàng", year: "2026", closesOn: "30/12/2026" },
      dedupeKey: "draft-closing:d1:2026-12-30",
    });
    expect(planDraftNotices("2026-12-23", [], drafts)).toEqual([]);
  });
});
