// A small world per test file: two wards, a producer in each, and one user of every role.
import { randomUUID } from "node:crypto";
import { createSeedClient } from "@/prisma/seed/client";
import { seedReference } from "@/prisma/seed/reference";
import { buildProducer, buildUser } from "@/prisma/seed/builders";
import { actorOf } from "./act-as";

export const db = createSeedClient();
export const PASSWORD = "Mat-khau-thu-2026";

export async function makeWorld() {
  const { wards } = await seedReference(db);
  // Ideas join a cycle the Economic Office has opened (demo data opens 2026; tests do it here).
  await db.ocopCycle.upsert({ where: { year: 2026 }, create: { year: 2026, title: "Chu trình OCOP năm 2026" }, update: {} });
  const wardA = wards.get("01840")!; // Phường Đức Xuân
  const wardB = wards.get("01852")!; // Xã Nông Thượng
  const tag = randomUUID().slice(0, 8);
  const producerA = await buildProducer(db, { name: `HTX A ${tag}`, type: "COOPERATIVE", wardId: wardA });
  const producerB = await buildProducer(db, { name: `HTX B ${tag}`, type: "COOPERATIVE", wardId: wardB });
  const user = (role: Parameters<typeof buildUser>[1]["role"], extra: { wardId?: string; producerId?: string } = {}) =>
    buildUser(db, { name: `${role} ${tag}`, role, password: PASSWORD, ...extra }).then(actorOf);
  return {
    tag,
    wardA,
    wardB,
    producerA,
    producerB,
    economicOffice: await user("ECONOMIC_OFFICE"),
    wardOfficerA: await user("WARD_OFFICER", { wardId: wardA }),
    producerUserA: await user("PRODUCER", { producerId: producerA.id }),
    producerUserB: await user("PRODUCER", { producerId: producerB.id }),
    council: await user("COUNCIL_MEMBER"),
    leader: await user("LEADER"),
    admin: await user("ADMIN"),
    communications: await user("COMMUNICATIONS"),
  };
}
