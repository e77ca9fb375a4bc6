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
