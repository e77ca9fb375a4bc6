import { describe, expect, it } from "vitest";
import {
  certificateExpiry,
  certificateStatus,
  expiryNoticeDueOn,
  graceEndsOn,
  isCertificateValidOn,
  renewalWindow,
  type CertificateFacts,
  type CertificateStatus,
} from "@/lib/domain/certificates";
import { addDays } from "@/lib/domain/dates";
import { QD148_1489_2025, QD148_2023, QD26_2026 } from "@/lib/domain/rule-sets";

describe("certificateExpiry (36 months, last valid day = same calendar date)", () => {
  it.each([
    ["2026-06-15", "2029-06-15"],
    ["2023-03-15", "2026-03-15"],
    ["2024-02-29", "2027-02-28"], // no 29 February in 2027: last day of that month
    ["2025-02-28", "2028-02-28"], // 2028 has a 29th, but the corresponding day is the 28th
    ["2026-12-31", "2029-12-31"],
    ["2026-01-31", "2029-01-31"],
  ])("issued %s → valid through %s", (issued, expiry) => {
    expect(certificateExpiry(issued, QD26_2026)).toBe(expiry);
    expect(certificateExpiry(issued, QD148_2023)).toBe(expiry);
  });
});

describe("renewalWindow (QĐ26 Art. 7.6)", () => {
  it("opens 180 and closes 120 days before expiry", () => {
    expect(renewalWindow("2027-06-30", QD26_2026)).toEqual({ opensOn: "2027-01-01", closesOn: "2027-03-02" });
  });

  it("counts real calendar days back across a leap day", () => {
    expect(renewalWindow("2028-02-29", QD26_2026)).toEqual({ opensOn: "2027-09-02", closesOn: "2027-11-01" });
    expect(renewalWindow("2028-08-31", QD26_2026)).toEqual({ opensOn: "2028-03-04", closesOn: "2028-05-03" });
  });

  it("does not exist under QĐ148 or QĐ1489, which had an expiry notice instead", () => {
    expect(renewalWindow("2026-03-15", QD148_2023)).toBeNull();
    expect(renewalWindow("2026-03-15", QD148_1489_2025)).toBeNull();
    expect(expiryNoticeDueOn("2026-03-15", QD148_2023)).toBe("2026-02-13");
    expect(expiryNoticeDueOn("2027-03-15", QD26_2026)).toBeNull();
  });
});

describe("certificateStatus", () => {
  const cert: CertificateFacts = { issuedOn: "2026-06-15", expiresOn: "2029-06-15" };
  const before = (days: number) => addDays(cert.expiresOn, -days);

  it.each<[string, string, CertificateStatus]>([
    ["issue day", cert.issuedOn, "ACTIVE"],
    ["day 181 before expiry", before(181), "ACTIVE"],
    ["day 180 before expiry (window opens)", before(180), "RENEWAL_WINDOW_OPEN"],
    ["day 121 before expiry", before(121), "RENEWAL_WINDOW_OPEN"],
    ["day 120 before expiry (last filing day)", before(120), "RENEWAL_WINDOW_OPEN"],
    ["day 119 before expiry", before(119), "RENEWAL_WINDOW_CLOSED"],
    ["expiry day (still valid)", cert.expiresOn, "RENEWAL_WINDOW_CLOSED"],
    ["day after expiry", addDays(cert.expiresOn, 1), "EXPIRED"],
  ])("%s → %s", (_label, today, status) => {
    expect(certificateStatus(cert, today)).toBe(status);
  });

  it("puts revocation and supersession before dates, from their own day on", () => {
    expect(certificateStatus({ ...cert, revokedOn: "2027-01-10" }, "2027-01-09")).toBe("ACTIVE");
    expect(certificateStatus({ ...cert, revokedOn: "2027-01-10" }, "2027-01-10")).toBe("REVOKED");
    expect(certificateStatus({ ...cert, revokedOn: "2027-01-10" }, "2030-01-01")).toBe("REVOKED");
    expect(certificateStatus({ ...cert, supersededOn: "2029-03-01" }, "2029-03-01")).toBe("SUPERSEDED");
    expect(certificateStatus({ ...cert, supersededOn: "2029-03-01" }, before(150))).toBe("RENEWAL_WINDOW_OPEN"); // 2029-01-16
  });

  it("refuses a day before the certificate existed", () => {
    expect(() => certificateStatus(cert, "2026-06-14")).toThrow(RangeError);
  });

  it("shows no window for a QĐ148 certificate while QĐ148 rules apply, and the QĐ26 window once they do not", () => {
    const old: CertificateFacts = { issuedOn: "2023-07-01", expiresOn: "2026-07-01" };
    expect(certificateStatus(old, "2026-03-01")).toBe("ACTIVE"); // under QĐ148/1489: no window
    expect(certificateStatus(old, "2026-05-21")).toBe("ACTIVE");
    expect(certificateStatus(old, "2026-05-22")).toBe("RENEWAL_WINDOW_CLOSED"); // QĐ26 window closed on 2026-03-03
    expect(certificateStatus(old, "2026-03-01", QD26_2026)).toBe("RENEWAL_WINDOW_OPEN");
  });
});

describe("QĐ26 Art. 12.3 grace", () => {
  const old: CertificateFacts = { issuedOn: "2023-07-01", expiresOn: "2026-07-01", lateReEvaluationPending: true };

  it("keeps a pre-QĐ26 certificate valid up to 180 days past expiry while a late re-evaluation is pending", () => {
    expect(graceEndsOn(old)).toBe("2026-12-28");
    expect(certificateStatus(old, "2026-07-02")).toBe("GRACE_PERIOD");
    expect(certificateStatus(old, "2026-12-28")).toBe("GRACE_PERIOD");
    expect(certificateStatus(old, "2026-12-29")).toBe("EXPIRED");
    expect(isCertificateValidOn(old, "2026-12-28")).toBe(true);
    expect(isCertificateValidOn(old, "2026-12-29")).toBe(false);
  });

  it("does not apply without a pending re-evaluation", () => {
    expect(certificateStatus({ ...old, lateReEvaluationPending: false }, "2026-07-02")).toBe("EXPIRED");
  });

  it("does not apply to certificates issued under QĐ26 or already expired when it took effect", () => {
    expect(graceEndsOn({ issuedOn: "2026-05-22", expiresOn: "2029-05-22" })).toBeNull();
    expect(certificateStatus({ issuedOn: "2026-05-22", expiresOn: "2029-05-22", lateReEvaluationPending: true }, "2029-05-23")).toBe("EXPIRED");
    expect(graceEndsOn({ issuedOn: "2023-05-20", expiresOn: "2026-05-20" })).toBeNull();
    expect(graceEndsOn({ issuedOn: "2023-05-22", expiresOn: "2026-05-22" })).toBe("2026-11-18");
  });
});
