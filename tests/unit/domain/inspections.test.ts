import { describe, expect, it } from "vitest";
import {
  allowedConclusions,
  allowedFollowUps,
  CHECKLIST_ITEMS,
  CHECKLIST_KEYS,
  conclusionProblems,
  emptyChecklist,
  INSPECTION_MACHINE,
  inspectedOnProblem,
  inspectionTransition,
  inspectionYear,
  isInspectableCertificate,
  isOverdue,
  isPlanEditable,
  plannedOnProblem,
  readChecklist,
  suggestedGround,
  type Checklist,
  type ChecklistKey,
  type ConclusionInput,
} from "@/lib/domain/inspections";
import { checkMachine } from "@/lib/domain/workflow";

/** A checklist with the given answers (true met, false not met), the rest not checked. */
function checklist(answers: Partial<Record<ChecklistKey, boolean>>): Checklist {
  const c = emptyChecklist();
  for (const [k, met] of Object.entries(answers)) c[k as ChecklistKey] = { met, note: "" };
  return c;
}
const allMet = checklist({ criteriaMaintained: true, markUsedCorrectly: true, labelCorrect: true, advertisingCorrect: true });
const markFailed = checklist({ criteriaMaintained: true, markUsedCorrectly: false, labelCorrect: true, advertisingCorrect: true });

describe("the inspection workflow", () => {
  it("is a well-formed machine", () => {
    expect(checkMachine(INSPECTION_MACHINE)).toEqual([]);
  });
  it.each([
    ["PLANNED", "conclude", "CONCLUDED"],
    ["PLANNED", "cancel", "CANCELLED"],
    ["CONCLUDED", "conclude", null],
    ["CONCLUDED", "cancel", null],
    ["CANCELLED", "conclude", null],
    ["CANCELLED", "cancel", null],
  ] as const)("%s --%s--> %s", (from, action, to) => {
    expect(inspectionTransition(from, action)).toBe(to);
  });
  it("only a plan is editable", () => {
    expect(isPlanEditable("PLANNED")).toBe(true);
    expect(isPlanEditable("CONCLUDED")).toBe(false);
    expect(isPlanEditable("CANCELLED")).toBe(false);
  });
  it("is overdue from the day after its planned day, and only while planned", () => {
    expect(isOverdue("PLANNED", "2026-11-29", "2026-11-30")).toBe(true);
    expect(isOverdue("PLANNED", "2026-11-30", "2026-11-30")).toBe(false);
    expect(isOverdue("PLANNED", "2026-12-01", "2026-11-30")).toBe(false);
    expect(isOverdue("CONCLUDED", "2026-01-01", "2026-11-30")).toBe(false);
    expect(isOverdue("CANCELLED", "2026-01-01", "2026-11-30")).toBe(false);
  });
});

describe("the checklist (QĐ26 Art. 9.2)", () => {
  it("covers content (a) and (b), each with its citation", () => {
    expect(CHECKLIST_KEYS).toEqual(["criteriaMaintained", "markUsedCorrectly", "labelCorrect", "advertisingCorrect"]);
    expect(CHECKLIST_ITEMS[0].citation).toMatch(/Điều 9 khoản 2 điểm a$/);
    for (const item of CHECKLIST_ITEMS.slice(1)) expect(item.citation).toMatch(/Điều 9 khoản 2 điểm b$/);
  });
  it("reads a stored checklist defensively", () => {
    expect(readChecklist(null)).toEqual(emptyChecklist());
    expect(readChecklist([1, 2])).toEqual(emptyChecklist());
    expect(readChecklist({ criteriaMaintained: { met: false, note: "Giảm vùng nguyên liệu" }, labelCorrect: { met: "yes", note: 5 }, extra: { met: true } })).toEqual({
      ...emptyChecklist(),
      criteriaMaintained: { met: false, note: "Giảm vùng nguyên liệu" },
      labelCorrect: { met: null, note: "" },
    });
  });
  it("suggests the ground of the first item not met", () => {
    expect(suggestedGround(allMet)).toBeNull();
    expect(suggestedGround(checklist({ criteriaMaintained: false, markUsedCorrectly: false }))).toBe("B");
    expect(suggestedGround(markFailed)).toBe("D");
    expect(suggestedGround(checklist({ advertisingCorrect: false }))).toBe("C");
  });
});

describe("allowed conclusions", () => {
  it.each([
    ["PERIODIC", allMet, ["COMPLIANT"]],
    ["AD_HOC", allMet, ["COMPLIANT"]],
    ["PERIODIC", markFailed, ["NON_COMPLIANT"]],
    // One failure is enough, even with the rest unchecked.
    ["PERIODIC", checklist({ labelCorrect: false }), ["NON_COMPLIANT"]],
    ["AD_HOC", checklist({ labelCorrect: false }), ["NON_COMPLIANT"]],
    // Nothing checked: nothing to conclude.
    ["PERIODIC", emptyChecklist(), []],
    ["AD_HOC", emptyChecklist(), []],
    // A periodic inspection covers everything; an ad hoc one may conclude on what it checked.
    ["PERIODIC", checklist({ criteriaMaintained: true, markUsedCorrectly: true, labelCorrect: true }), []],
    ["AD_HOC", checklist({ markUsedCorrectly: true }), ["COMPLIANT"]],
  ] as const)("%s %j → %j", (kind, c, expected) => {
    expect(allowedConclusions(kind, c)).toEqual(expected);
  });
  it("follow-ups: none when compliant, a warning or a revocation proposal when not", () => {
    expect(allowedFollowUps("COMPLIANT")).toEqual(["NONE"]);
    expect(allowedFollowUps("NON_COMPLIANT")).toEqual(["WARNING", "REVOCATION_PROPOSAL"]);
  });
});

describe("conclusion rules", () => {
  const compliant: ConclusionInput = { kind: "PERIODIC", checklist: allMet, findings: "", conclusion: "COMPLIANT", followUp: "NONE", revocationGround: null };
  const warning: ConclusionInput = { kind: "PERIODIC", checklist: markFailed, findings: "Tem OCOP 4 sao dán trên sản phẩm 3 sao.", conclusion: "NON_COMPLIANT", followUp: "WARNING", revocationGround: null };

  it("accepts the lawful combinations", () => {
    expect(conclusionProblems(compliant)).toEqual({});
    expect(conclusionProblems(warning)).toEqual({});
    expect(conclusionProblems({ ...warning, followUp: "REVOCATION_PROPOSAL", revocationGround: "D" })).toEqual({});
    for (const ground of ["A", "C", "E", "F"] as const) expect(conclusionProblems({ ...warning, followUp: "REVOCATION_PROPOSAL", revocationGround: ground })).toEqual({});
    const criteriaFailed = checklist({ criteriaMaintained: false });
    expect(conclusionProblems({ ...warning, checklist: criteriaFailed, followUp: "REVOCATION_PROPOSAL", revocationGround: "B" })).toEqual({});
  });

  it("an item not met cannot be concluded compliant, nor compliant without a failure be concluded not compliant", () => {
    expect(conclusionProblems({ ...compliant, checklist: markFailed })).toMatchObject({ conclusion: ["inspections.ruleFailedMeansNonCompliant"] });
    expect(conclusionProblems({ ...warning, checklist: allMet })).toMatchObject({ conclusion: ["inspections.ruleNonCompliantNeedsFailedItem"] });
  });

  it("the checklist must support a conclusion", () => {
    expect(conclusionProblems({ ...compliant, checklist: emptyChecklist() })).toMatchObject({ checklist: ["inspections.ruleNothingChecked"] });
    const partial = checklist({ criteriaMaintained: true, markUsedCorrectly: true });
    expect(conclusionProblems({ ...compliant, checklist: partial })).toMatchObject({ checklist: ["inspections.rulePeriodicComplete"] });
    expect(conclusionProblems({ ...compliant, kind: "AD_HOC", checklist: partial })).toEqual({});
  });

  it("follow-up follows the conclusion", () => {
    expect(conclusionProblems({ ...compliant, followUp: "WARNING" })).toEqual({ followUp: ["inspections.ruleCompliantNoFollowUp"] });
    expect(conclusionProblems({ ...compliant, followUp: "REVOCATION_PROPOSAL", revocationGround: "B" })).toMatchObject({ followUp: ["inspections.ruleCompliantNoFollowUp"] });
    expect(conclusionProblems({ ...warning, followUp: "NONE" })).toEqual({ followUp: ["inspections.ruleNonCompliantNeedsFollowUp"] });
  });

  it("not compliant needs findings of at least 10 characters", () => {
    expect(conclusionProblems({ ...warning, findings: "   Sai nhãn   " })).toEqual({ findings: ["inspections.ruleFindingsRequired"] });
    expect(conclusionProblems({ ...warning, findings: "Sai nhãn ." })).toEqual({});
    expect(conclusionProblems({ ...warning, findings: "Sai nhãn." })).toEqual({ findings: ["inspections.ruleFindingsRequired"] });
    // A compliant inspection may have nothing to note.
    expect(conclusionProblems({ ...compliant, findings: "" })).toEqual({});
  });

  it("a revocation proposal names a ground of Art. 8.1 that the checklist supports; nothing else names one", () => {
    const proposal = { ...warning, followUp: "REVOCATION_PROPOSAL" as const };
    expect(conclusionProblems({ ...proposal, revocationGround: null })).toEqual({ revocationGround: ["inspections.ruleGroundRequired"] });
    // (b) needs item (a) not met; (d) needs the mark item not met.
    expect(conclusionProblems({ ...proposal, revocationGround: "B" })).toEqual({ revocationGround: ["inspections.ruleGroundBNeedsCriteria"] });
    expect(conclusionProblems({ ...proposal, checklist: checklist({ criteriaMaintained: false }), revocationGround: "D" })).toEqual({ revocationGround: ["inspections.ruleGroundDNeedsMark"] });
    expect(conclusionProblems({ ...warning, revocationGround: "D" })).toEqual({ revocationGround: ["inspections.ruleGroundOnlyForProposal"] });
    expect(conclusionProblems({ ...compliant, revocationGround: "B" })).toEqual({ revocationGround: ["inspections.ruleGroundOnlyForProposal"] });
  });
});

describe("dates", () => {
  const cert = { issuedOn: "2025-01-15", expiresOn: "2028-01-14" };
  it("a plan lies within the certificate's validity, both ends included", () => {
    expect(plannedOnProblem("2025-01-14", cert)).toBe("inspections.beforeIssue");
    expect(plannedOnProblem("2025-01-15", cert)).toBeNull();
    expect(plannedOnProblem("2028-01-14", cert)).toBeNull();
    expect(plannedOnProblem("2028-01-15", cert)).toBe("inspections.afterExpiry");
  });
  it("the inspection day is not in the future and lies within the validity", () => {
    const today = "2026-11-30";
    expect(inspectedOnProblem("2026-11-30", cert, today)).toBeNull();
    expect(inspectedOnProblem("2026-12-01", cert, today)).toBe("inspections.inFuture");
    expect(inspectedOnProblem("2025-01-14", cert, today)).toBe("inspections.beforeIssue");
    expect(inspectedOnProblem("2025-01-15", cert, today)).toBeNull();
    expect(inspectedOnProblem("2028-01-15", cert, "2028-02-01")).toBe("inspections.afterExpiry");
  });
  it("an inspection counts in the year it took place, else the year it is planned for", () => {
    expect(inspectionYear({ inspectedOn: null, plannedOn: "2027-01-05" })).toBe(2027);
    expect(inspectionYear({ inspectedOn: "2026-12-30", plannedOn: "2027-01-05" })).toBe(2026);
  });
  it("only a live certificate is inspected", () => {
    expect(["ACTIVE", "REVOCATION_PROPOSED", "REVOKED", "EXPIRED", "SUPERSEDED", "RENEWED"].filter(isInspectableCertificate)).toEqual(["ACTIVE", "REVOCATION_PROPOSED"]);
  });
});
