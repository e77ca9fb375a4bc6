import { beforeAll, describe, expect, it } from "vitest";
import { findProducer, listProducers } from "@/lib/db/producers";
import { findUser, listUsers } from "@/lib/db/users";
import { makeWorld } from "./world";

let w: Awaited<ReturnType<typeof makeWorld>>;
beforeAll(async () => {
  w = await makeWorld();
});

describe("producer reads are scoped to the actor", () => {
  it("a ward officer sees producers of their ward and nothing of another ward", async () => {
    expect(await findProducer(w.wardOfficerA, w.producerA.id)).toMatchObject({ id: w.producerA.id });
    expect(await findProducer(w.wardOfficerA, w.producerB.id)).toBeNull();
    const { rows } = await listProducers(w.wardOfficerA, { pageSize: 100 });
    expect(rows.map((r) => r.id)).toContain(w.producerA.id);
    expect(rows.map((r) => r.id)).not.toContain(w.producerB.id);
    expect(rows.every((r) => r.ward.name === "Phường Đức Xuân")).toBe(true);
  });

  it("a producer sees only its own entity and cannot list", async () => {
    expect(await findProducer(w.producerUserA, w.producerA.id)).not.toBeNull();
    expect(await findProducer(w.producerUserA, w.producerB.id)).toBeNull();
    expect(await listProducers(w.producerUserA)).toEqual({ rows: [], total: 0 });
  });

  it("a council member sees no producer records", async () => {
    expect(await findProducer(w.council, w.producerA.id)).toBeNull();
  });

  it("the Economic Office and leaders see every ward", async () => {
    for (const actor of [w.economicOffice, w.leader]) {
      expect(await findProducer(actor, w.producerA.id)).not.toBeNull();
      expect(await findProducer(actor, w.producerB.id)).not.toBeNull();
    }
  });

  it("an unknown id answers like an out-of-scope one (null, no error)", async () => {
    expect(await findProducer(w.economicOffice, "does-not-exist")).toBeNull();
  });

  it("listing searches by name within scope", async () => {
    const { rows, total } = await listProducers(w.economicOffice, { q: `a ${w.tag}` });
    expect(total).toBe(1);
    expect(rows[0]!.id).toBe(w.producerA.id);
  });
});

describe("user reads", () => {
  it("users see themselves; only administrators see others", async () => {
    expect(await findUser(w.leader, w.leader.userId)).not.toBeNull();
    expect(await findUser(w.leader, w.admin.userId)).toBeNull();
    expect(await findUser(w.admin, w.leader.userId)).not.toBeNull();
    await expect(listUsers(w.leader)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listUsers(w.admin)).length).toBeGreaterThanOrEqual(7);
  });
});
