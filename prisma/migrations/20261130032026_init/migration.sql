-- CreateEnum
CREATE TYPE "AdminUnitKind" AS ENUM ('PROVINCE', 'CITY', 'DISTRICT', 'TOWN', 'WARD', 'COMMUNE', 'TOWNSHIP');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ECONOMIC_OFFICE', 'WARD_OFFICER', 'PRODUCER', 'COUNCIL_MEMBER', 'LEADER', 'ADMIN');

-- CreateEnum
CREATE TYPE "ProducerType" AS ENUM ('COOPERATIVE', 'COOPERATIVE_GROUP', 'ENTERPRISE', 'FARM', 'HOUSEHOLD_BUSINESS', 'ASSOCIATION_OR_CENTRE');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('FEMALE', 'MALE', 'OTHER');

-- CreateEnum
CREATE TYPE "VerificationStatus" AS ENUM ('PENDING', 'VERIFIED', 'REJECTED');

-- CreateTable
CREATE TABLE "AdminUnit" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "AdminUnitKind" NOT NULL,
    "parentId" TEXT,
    "validTo" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AdminUnit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "wardId" TEXT,
    "producerId" TEXT,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "locale" TEXT NOT NULL DEFAULT 'vi',
    "lastSignInAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "blockedUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Producer" (
    "id" TEXT NOT NULL,
    "type" "ProducerType" NOT NULL,
    "name" TEXT NOT NULL,
    "businessRegNo" TEXT,
    "taxCode" TEXT,
    "legalRepName" TEXT NOT NULL,
    "legalRepPosition" TEXT,
    "legalRepGender" "Gender" NOT NULL,
    "legalRepEthnicity" TEXT,
    "legalRepDisabled" BOOLEAN NOT NULL DEFAULT false,
    "address" TEXT NOT NULL,
    "wardId" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "memberCount" INTEGER,
    "workerCount" INTEGER,
    "verificationStatus" "VerificationStatus" NOT NULL DEFAULT 'PENDING',
    "verifiedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Producer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OcopCycle" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OcopCycle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CycleStep" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "stepNo" INTEGER NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,

    CONSTRAINT "CycleStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RuleSet" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "legalBasis" TEXT NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "effectiveTo" DATE,
    "definition" JSONB NOT NULL,
    "contentHash" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RuleSet_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "ProductCategory" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "ProductCategory_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "ProductGroup" (
    "id" TEXT NOT NULL,
    "categoryCode" TEXT NOT NULL,
    "no" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "managingAgencies" TEXT[],
    "criteriaSetNo" INTEGER,

    CONSTRAINT "ProductGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProductSubGroup" (
    "id" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "managingAgencies" TEXT[],
    "criteriaSetNo" INTEGER NOT NULL,

    CONSTRAINT "ProductSubGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CriteriaSet" (
    "no" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "annexIName" TEXT NOT NULL,
    "managingAgencies" TEXT[],

    CONSTRAINT "CriteriaSet_pkey" PRIMARY KEY ("no")
);

-- CreateTable
CREATE TABLE "CriteriaSheet" (
    "id" TEXT NOT NULL,
    "ruleSetCode" TEXT NOT NULL,
    "criteriaSetNo" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "totalPoints" INTEGER NOT NULL,
    "itemCount" INTEGER NOT NULL,
    "data" JSONB NOT NULL,
    "loadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CriteriaSheet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorRole" "Role",
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AdminUnit_code_key" ON "AdminUnit"("code");

-- CreateIndex
CREATE INDEX "AdminUnit_parentId_idx" ON "AdminUnit"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "User_phone_key" ON "User"("phone");

-- CreateIndex
CREATE INDEX "User_role_idx" ON "User"("role");

-- CreateIndex
CREATE INDEX "User_wardId_idx" ON "User"("wardId");

-- CreateIndex
CREATE INDEX "User_producerId_idx" ON "User"("producerId");

-- CreateIndex
CREATE UNIQUE INDEX "Producer_taxCode_key" ON "Producer"("taxCode");

-- CreateIndex
CREATE INDEX "Producer_wardId_verificationStatus_idx" ON "Producer"("wardId", "verificationStatus");

-- CreateIndex
CREATE INDEX "Producer_name_idx" ON "Producer"("name");

-- CreateIndex
CREATE UNIQUE INDEX "OcopCycle_year_key" ON "OcopCycle"("year");

-- CreateIndex
CREATE UNIQUE INDEX "CycleStep_cycleId_stepNo_key" ON "CycleStep"("cycleId", "stepNo");

-- CreateIndex
CREATE UNIQUE INDEX "ProductGroup_categoryCode_no_key" ON "ProductGroup"("categoryCode", "no");

-- CreateIndex
CREATE UNIQUE INDEX "ProductSubGroup_groupId_code_key" ON "ProductSubGroup"("groupId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "CriteriaSheet_ruleSetCode_criteriaSetNo_version_key" ON "CriteriaSheet"("ruleSetCode", "criteriaSetNo", "version");

-- CreateIndex
CREATE UNIQUE INDEX "CriteriaSheet_ruleSetCode_criteriaSetNo_contentHash_key" ON "CriteriaSheet"("ruleSetCode", "criteriaSetNo", "contentHash");

-- CreateIndex
CREATE INDEX "AuditEntry_entityType_entityId_at_idx" ON "AuditEntry"("entityType", "entityId", "at");

-- CreateIndex
CREATE INDEX "AuditEntry_actorId_at_idx" ON "AuditEntry"("actorId", "at");

-- AddForeignKey
ALTER TABLE "AdminUnit" ADD CONSTRAINT "AdminUnit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "AdminUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "AdminUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Producer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Producer" ADD CONSTRAINT "Producer_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "AdminUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CycleStep" ADD CONSTRAINT "CycleStep_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "OcopCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductGroup" ADD CONSTRAINT "ProductGroup_categoryCode_fkey" FOREIGN KEY ("categoryCode") REFERENCES "ProductCategory"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductGroup" ADD CONSTRAINT "ProductGroup_criteriaSetNo_fkey" FOREIGN KEY ("criteriaSetNo") REFERENCES "CriteriaSet"("no") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductSubGroup" ADD CONSTRAINT "ProductSubGroup_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "ProductGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductSubGroup" ADD CONSTRAINT "ProductSubGroup_criteriaSetNo_fkey" FOREIGN KEY ("criteriaSetNo") REFERENCES "CriteriaSet"("no") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriteriaSheet" ADD CONSTRAINT "CriteriaSheet_ruleSetCode_fkey" FOREIGN KEY ("ruleSetCode") REFERENCES "RuleSet"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriteriaSheet" ADD CONSTRAINT "CriteriaSheet_criteriaSetNo_fkey" FOREIGN KEY ("criteriaSetNo") REFERENCES "CriteriaSet"("no") ON DELETE RESTRICT ON UPDATE CASCADE;
