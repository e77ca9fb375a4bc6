import { describe, expect, it } from "vitest";
import { ACTIONS, can, type Action, type Resource } from "@/lib/auth/policy";
import { ROLES, type Actor } from "@/lib/auth/actor";

const actor = (role: Actor["role"], extra: Partial<Actor> = {}): Actor => ({ userId: `u-${role}`, role, name: role, wardId: null, producerId: null, ...extra });
const wardOfficer = actor("WARD_OFFICER", { wardId: "ward-A" });
const producer = actor("PRODUCER", { producerId: "p-A" });
const inA: Resource = { type: "producer", id: "p-A", wardId: "ward-A" };
const inB: Resource = { type: "producer", id: "p-B", wardId: "ward-B" };

describe("can()", () => {
  it.each<[string, Actor, Action, Resource, boolean]>([
    ["ward officer reads own ward", wardOfficer, "producer.read", inA, true],
    ["ward officer reads other ward", wardOfficer, "producer.read", inB, false],
    ["ward officer without ward reads nothing", actor("WARD_OFFICER"), "producer.read", inA, false],
    ["producer reads itself", producer, "producer.read", inA, true],
    ["producer reads another", producer, "producer.read", inB, false],
    ["producer updates itself", producer, "producer.updateContact", inA, true],
    ["producer updates another", producer, "producer.updateContact", inB, false],
    ["leader reads any producer", actor("LEADER"), "producer.read", inB, true],
    ["leader cannot update", actor("LEADER"), "producer.updateContact", inA, false],
    ["council member cannot read producers", actor("COUNCIL_MEMBER"), "producer.read", inA, false],
    ["admin ends another user's sessions", actor("ADMIN"), "user.endSessions", { type: "user", id: "u-other", role: "LEADER" }, true],
    ["admin cannot end own sessions by this path", actor("ADMIN"), "user.endSessions", { type: "user", id: "u-ADMIN", role: "ADMIN" }, false],
    ["economic office cannot end sessions", actor("ECONOMIC_OFFICE"), "user.endSessions", { type: "user", id: "u-x", role: "LEADER" }, false],
    ["a predicate given the wrong resource type refuses", wardOfficer, "producer.read", { type: "user", id: "u", role: "LEADER" }, false],
  ])("%s", (_name, a, action, resource, expected) => {
    expect(can(a, action, resource)).toBe(expected);
  });

  it("fails closed on no actor, unknown actions and unknown roles", () => {
    expect(can(null, "producer.read", inA)).toBe(false);
    expect(can(undefined, "dashboard.read", { type: "dashboard" })).toBe(false);
    expect(can(actor("ADMIN"), "producer.delete" as Action, inA)).toBe(false);
    expect(can(actor("SUPERUSER" as Actor["role"]), "producer.read", inA)).toBe(false);
    expect(can(actor("ADMIN"), "toString" as Action, inA)).toBe(false);
  });

  it("every role is refused at least one action (no role is all-powerful by accident)", () => {
    for (const role of ROLES) {
      const a = actor(role, { wardId: "ward-A", producerId: "p-A" });
      expect(ACTIONS.some((action) => !can(a, action, inB))).toBe(true);
    }
  });
});

describe("evaluation rules", () => {
  const seat = (role: "CHAIR" | "SECRETARY" | "MEMBER", scores = true, ownSheetSubmitted = false) => ({ role, scores, ownSheetSubmitted });
  const dossier = (o: Partial<Extract<Resource, { type: "dossier" }>> = {}): Resource => ({ type: "dossier", id: "d-1", producerId: "p-A", wardId: "ward-A", status: "SUBMITTED", council: null, ...o });
  const council = actor("COUNCIL_MEMBER");
  const office = actor("ECONOMIC_OFFICE");

  it.each<[string, Actor, Action, Resource, boolean]>([
    ["producer reads own dossier", producer, "dossier.read", dossier(), true],
    ["producer cannot read another's dossier", producer, "dossier.read", dossier({ producerId: "p-B" }), false],
    ["ward officer pre-assesses a submitted dossier of the own ward", wardOfficer, "dossier.preAssess", dossier(), true],
    ["ward officer cannot pre-assess once forwarded", wardOfficer, "dossier.preAssess", dossier({ status: "FORWARDED" }), false],
    ["ward officer cannot pre-assess another ward's dossier", wardOfficer, "dossier.preAssess", dossier({ wardId: "ward-B" }), false],
    ["council member without a seat cannot read", council, "dossier.read", dossier(), false],
    ["council member with a seat reads", council, "dossier.read", dossier({ council: seat("MEMBER") }), true],
    ["a scoring member edits their sheet", council, "score.edit", dossier({ council: seat("MEMBER") }), true],
    ["a non-scoring secretary does not score", council, "score.edit", dossier({ council: seat("SECRETARY", false) }), false],
    ["a member does not see others' sheets before submitting", council, "score.readOthers", dossier({ council: seat("MEMBER", true, false) }), false],
    ["a member sees others' sheets after submitting", council, "score.readOthers", dossier({ council: seat("MEMBER", true, true) }), true],
    ["a non-scoring secretary sees the sheets", council, "score.readOthers", dossier({ council: seat("SECRETARY", false) }), true],
    ["only the chair reopens", council, "score.reopen", dossier({ council: seat("MEMBER", true, true) }), false],
    ["the chair reopens", council, "score.reopen", dossier({ council: seat("CHAIR", true, true) }), true],
    ["the office reopens only from the chair's seat", office, "score.reopen", dossier(), false],
    ["a member does not run progress", council, "score.remind", dossier({ council: seat("MEMBER") }), false],
    ["the secretary reminds late members", council, "score.remind", dossier({ council: seat("SECRETARY", false) }), true],
    ["a producer never reads others' sheets", producer, "score.readOthers", dossier({ council: seat("MEMBER", true, true) }), false],
    ["the office releases results", office, "result.manage", dossier({ status: "COUNCIL_DONE" }), true],
    ["the leader cannot release results", actor("LEADER"), "result.manage", dossier({ status: "COUNCIL_DONE" }), false],
    ["producer renews its own certificate", producer, "certificate.renew", { type: "certificate", id: "c", producerId: "p-A", wardId: "ward-A", status: "ACTIVE" }, true],
    ["producer cannot renew another's certificate", producer, "certificate.renew", { type: "certificate", id: "c", producerId: "p-B", wardId: "ward-A", status: "ACTIVE" }, false],
    ["ward officer reads own ward's certificates", wardOfficer, "certificate.read", { type: "certificate", id: "c", producerId: "p-B", wardId: "ward-A", status: "ACTIVE" }, true],
    ["only the office revokes", wardOfficer, "certificate.revoke", { type: "certificate", id: "c", producerId: "p-B", wardId: "ward-A", status: "ACTIVE" }, false],
  ])("%s", (_name, a, action, resource, expected) => {
    expect(can(a, action, resource)).toBe(expected);
  });
});
