// Builders shared by the demo seed and the tests: each makes one valid record with sensible
// defaults, overridable field by field.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { Gender, ProducerType, Role, VerificationStatus } from "../../lib/generated/prisma/enums";
import { hashPassword } from "../../lib/auth/password";

export type ProducerSeed = {
  name: string;
  type: ProducerType;
  wardId: string;
  taxCode?: string | null;
  businessRegNo?: string | null;
  legalRepName?: string;
  legalRepPosition?: string | null;
  legalRepGender?: Gender;
  legalRepEthnicity?: string | null;
  address?: string;
  phone?: string | null;
  email?: string | null;
  memberCount?: number | null;
  workerCount?: number | null;
  verificationStatus?: VerificationStatus;
};

export async function buildProducer(db: PrismaClient, p: ProducerSeed) {
  const data = {
    name: p.name,
    type: p.type,
    wardId: p.wardId,
    businessRegNo: p.businessRegNo ?? null,
    legalRepName: p.legalRepName ?? "Nguyễn Văn An",
    legalRepPosition: p.legalRepPosition ?? "Giám đốc",
    legalRepGender: p.legalRepGender ?? "MALE",
    legalRepEthnicity: p.legalRepEthnicity ?? "Kinh",
    address: p.address ?? "Thành phố Bắc Kạn",
    phone: p.phone ?? null,
    email: p.email ?? null,
    memberCount: p.memberCount ?? null,
    workerCount: p.workerCount ?? null,
    verificationStatus: p.verificationStatus ?? "VERIFIED",
    verifiedAt: (p.verificationStatus ?? "VERIFIED") === "VERIFIED" ? new Date() : null,
  };
  const taxCode = p.taxCode === undefined ? `T${randomUUID().slice(0, 10)}` : p.taxCode;
  if (taxCode) return db.producer.upsert({ where: { taxCode }, create: { ...data, taxCode }, update: {} });
  return db.producer.create({ data });
}

export type UserSeed = {
  name: string;
  role: Role;
  email?: string | null;
  phone?: string | null;
  password: string;
  wardId?: string | null;
  producerId?: string | null;
  isActive?: boolean;
};

/** Creates the account, or brings an existing one's role and scope up to date (its password is kept). */
export async function buildUser(db: PrismaClient, u: UserSeed) {
  // Stored in the one spelling sign-in looks up (lib/db/sign-in.ts normalizeIdentifier).
  const email = (u.email === undefined ? `user-${randomUUID().slice(0, 8)}@test.ocop` : u.email)?.trim().toLowerCase() ?? null;
  const scope = { name: u.name, role: u.role, wardId: u.wardId ?? null, producerId: u.producerId ?? null, phone: u.phone ?? null };
  const existing = email
    ? await db.user.findUnique({ where: { email }, select: { id: true } })
    : scope.phone
      ? await db.user.findUnique({ where: { phone: scope.phone }, select: { id: true } })
      : null;
  if (existing) return db.user.update({ where: { id: existing.id }, data: scope });
  return db.user.create({
    data: { ...scope, email, passwordHash: await hashPassword(u.password), isActive: u.isActive ?? true },
  });
}
