import { describe, expect, it } from "vitest";
import { certificateExpiry, renewalWindow } from "@/lib/domain/certificates";
import { addDays } from "@/lib/domain/dates";
import {
  certificateDuties,
  classifyEvidenceForRenewal,
  DEFAULT_EXPIRY_NOTICE_DAYS,
  expiryNoticeOn,
  noticeDates,
  renewalRoundCompleteBy,
  type SweepFacts,
} from "@/lib/domain/renewal";
import { QD148_1489_2025, QD148_2023, QD26_2026 } from "@/lib/domain/rule-sets";

describe("classifyEvidenceForRenewal", () => {
  const filedOn = "2029-01-10";
  const roundBy = "2029-06-30";
  const docs = [
    { id: "registration", expiresOn: null },
    { id: "food-safety-expired", expiresOn: "2029-01-09" },
    { id: "expires-on-filing-day", expiresOn: "2029-01-10" },
    { id: "test-report-lapses-before-round", expiresOn: "2029-06-29" },
    { id: "valid-through-round", expiresOn: "2029-06-30" },
    { id: "long-valid", expiresOn: "2031-01-01" },
  ];

  it("carries what is valid on the filing day, drops what expired, flags what lapses before the round", () => {
    const r = classifyEvidenceForRenewal(docs, filedOn, roundBy);
    expect(r.carried.map((d) => d.id)).toEqual(["registration", "expires-on-filing-day", "test-report-lapses-before-round", "valid-through-round", "long-valid"]);
    expect(r.expired.map((d) => d.id)).toEqual(["food-safety-expired"]);
    expect(r.expiringBeforeRound.map((d) => d.id)).toEqual(["expires-on-filing-day", "test-report-lapses-before-round"]);
  });

  it("flags nothing for the round when the rule set has no calendar", () => {
    const r = classifyEvidenceForRenewal(docs, filedOn, null);
    expect(r.expiringBeforeRound).toEqual([]);
    expect(r.expired.map((d) => d.id)).toEqual(["food-safety-expired"]);
  });

  it("knows the round a re-evaluation filed on a day goes to (QĐ26 Art. 5)", () => {
    expect(renewalRoundCompleteBy("2029-01-10", QD26_2026)).toBe("2029-06-30");
    expect(renewalRoundCompleteBy("2029-05-02", QD26_2026)).toBe("2029-12-30");
    expect(renewalRoundCompleteBy("2029-11-01", QD26_2026)).toBe("2030-06-30");
    expect(renewalRoundCompleteBy("2024-05-02", QD148_2023)).toBeNull();
  });
});

describe("notice dates", () => {
  it("30 days before expiry under every rule set (QĐ148's own rule, the portal's default under QĐ26)", () => {
    expect(expiryNoticeOn("2029-06-15", QD148_2023)).toBe("2029-05-16");
    expect(expiryNoticeOn("2029-06-15", QD148_1489_2025)).toBe("2029-05-16");
    expect(expiryNoticeOn("2029-06-15", QD26_2026)).toBe(addDays("2029-06-15", -DEFAULT_EXPIRY_NOTICE_DAYS));
  });

  it("the renewal notice is due when the QĐ26 window opens (180 days before expiry)", () => {
    const d = noticeDates("2029-06-15", QD26_2026, QD26_2026);
    expect(d.window).toEqual(renewalWindow("2029-06-15", QD26_2026));
    expect(d.renewalNoticeOn).toBe("2028-12-17");
    expect(noticeDates("2025-06-15", QD148_2023, QD148_2023).renewalNoticeOn).toBeNull();
  });
});

describe("certificateDuties (the daily sweep)", () => {
  const issuedOn = "2026-06-15";
  const expiresOn = certificateExpiry(issuedOn, QD26_2026); // 2029-06-15
  const cert = (over: Partial<SweepFacts> = {}): SweepFacts => ({
    issuedOn,
    expiresOn,
    status: "ACTIVE",
    ruleSet: QD26_2026,
    renewalNoticeSent: false,
    expiryNoticeSent: false,
    ...over,
  });
  const before = (days: number) => addDays(expiresOn, -days);

  it.each<[string, string, boolean, boolean, boolean]>([
    ["181 days before expiry: nothing yet", before(181), false, false, false],
    ["the window opens", before(180), false, true, false],
    ["last filing day", before(120), false, true, false],
    ["the window has closed", before(119), false, false, false],
    ["31 days before", before(31), false, false, false],
    ["30 days before: expiry notice", before(30), false, false, true],
    ["expiry day: still valid, notice still useful", expiresOn, false, false, true],
    ["day after expiry: expire, no notices", addDays(expiresOn, 1), true, false, false],
  ])("%s", (_label, today, expire, renewalNotice, expiryNotice) => {
    expect(certificateDuties(cert(), today)).toEqual({ expire, renewalNotice, expiryNotice });
  });

  it("sends each notice once", () => {
    expect(certificateDuties(cert({ renewalNoticeSent: true }), before(150)).renewalNotice).toBe(false);
    expect(certificateDuties(cert({ expiryNoticeSent: true }), before(10)).expiryNotice).toBe(false);
  });

  it("leaves revoked, replaced and already expired certificates alone; a proposed revocation still expires", () => {
    for (const status of ["REVOKED", "SUPERSEDED", "RENEWED", "EXPIRED"]) {
      expect(certificateDuties(cert({ status }), addDays(expiresOn, 5))).toEqual({ expire: false, renewalNotice: false, expiryNotice: false });
    }
    expect(certificateDuties(cert({ status: "REVOCATION_PROPOSED" }), before(30))).toEqual({ expire: false, renewalNotice: false, expiryNotice: false });
    expect(certificateDuties(cert({ status: "REVOCATION_PROPOSED" }), addDays(expiresOn, 1)).expire).toBe(true);
  });

  it("keeps a QĐ148 certificate valid through the QĐ26 Art. 12.3 grace while a late re-evaluation is pending", () => {
    const old = cert({ issuedOn: "2023-09-01", expiresOn: "2026-09-01", ruleSet: QD148_2023, lateReEvaluationPending: true });
    expect(certificateDuties(old, "2026-09-02").expire).toBe(false);
    expect(certificateDuties(old, addDays("2026-09-01", 180)).expire).toBe(false);
    expect(certificateDuties(old, addDays("2026-09-01", 181)).expire).toBe(true);
    expect(certificateDuties({ ...old, lateReEvaluationPending: false }, "2026-09-02").expire).toBe(true);
  });

  it("does nothing before the issue day (a sweep run with an older date)", () => {
    expect(certificateDuties(cert(), "2026-06-14")).toEqual({ expire: false, renewalNotice: false, expiryNotice: false });
  });
});
