/*
  Warnings:

  - A unique constraint covering the columns `[dedupeKey]` on the table `Notification` will be added. If there are existing duplicate values, this will fail.
  - A unique constraint covering the columns `[dedupeKey]` on the table `OutboxEmail` will be added. If there are existing duplicate values, this will fail.

*/
-- CreateEnum
CREATE TYPE "AnnualTargetKind" AS ENUM ('NEW_PRODUCTS', 'UPGRADES', 'RE_EVALUATIONS', 'IDEAS', 'BUSINESS_PLANS', 'POINTS_OF_SALE');

-- CreateEnum
CREATE TYPE "InspectionKind" AS ENUM ('PERIODIC', 'AD_HOC');

-- CreateEnum
CREATE TYPE "InspectionStatus" AS ENUM ('PLANNED', 'CONCLUDED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "InspectionConclusion" AS ENUM ('COMPLIANT', 'NON_COMPLIANT');

-- CreateEnum
CREATE TYPE "InspectionFollowUp" AS ENUM ('NONE', 'WARNING', 'REVOCATION_PROPOSAL');

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "dedupeKey" TEXT;

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "dedupeKey" TEXT;

-- CreateTable
CREATE TABLE "AnnualPlan" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "decisionNumber" TEXT NOT NULL DEFAULT '',
    "approvedOn" DATE,
    "note" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AnnualPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnualTarget" (
    "id" TEXT NOT NULL,
    "annualPlanId" TEXT NOT NULL,
    "kind" "AnnualTargetKind" NOT NULL,
    "star" INTEGER,
    "wardId" TEXT,
    "quantity" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnnualTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnualBudgetLine" (
    "id" TEXT NOT NULL,
    "annualPlanId" TEXT NOT NULL,
    "source" "FundingSource" NOT NULL,
    "stepNo" INTEGER,
    "description" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnnualBudgetLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnualActivity" (
    "id" TEXT NOT NULL,
    "annualPlanId" TEXT NOT NULL,
    "stepNo" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "owner" TEXT NOT NULL DEFAULT '',
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "doneOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnnualActivity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Inspection" (
    "id" TEXT NOT NULL,
    "certificateId" TEXT NOT NULL,
    "producerId" TEXT NOT NULL,
    "wardId" TEXT NOT NULL,
    "kind" "InspectionKind" NOT NULL,
    "status" "InspectionStatus" NOT NULL DEFAULT 'PLANNED',
    "plannedOn" DATE NOT NULL,
    "inspectedOn" DATE,
    "team" TEXT NOT NULL DEFAULT '',
    "checklist" JSONB NOT NULL DEFAULT '{}',
    "findings" TEXT NOT NULL DEFAULT '',
    "conclusion" "InspectionConclusion",
    "followUp" "InspectionFollowUp",
    "followUpNote" TEXT NOT NULL DEFAULT '',
    "revocationGround" "RevocationGround",
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Inspection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AnnualPlan_cycleId_key" ON "AnnualPlan"("cycleId");

-- CreateIndex
CREATE INDEX "AnnualTarget_annualPlanId_idx" ON "AnnualTarget"("annualPlanId");

-- CreateIndex
CREATE INDEX "AnnualBudgetLine_annualPlanId_idx" ON "AnnualBudgetLine"("annualPlanId");

-- CreateIndex
CREATE INDEX "AnnualActivity_annualPlanId_stepNo_idx" ON "AnnualActivity"("annualPlanId", "stepNo");

-- CreateIndex
CREATE INDEX "Inspection_certificateId_plannedOn_idx" ON "Inspection"("certificateId", "plannedOn");

-- CreateIndex
CREATE INDEX "Inspection_producerId_idx" ON "Inspection"("producerId");

-- CreateIndex
CREATE INDEX "Inspection_wardId_status_plannedOn_idx" ON "Inspection"("wardId", "status", "plannedOn");

-- CreateIndex
CREATE INDEX "Inspection_status_inspectedOn_idx" ON "Inspection"("status", "inspectedOn");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_dedupeKey_key" ON "Notification"("dedupeKey");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEmail_dedupeKey_key" ON "OutboxEmail"("dedupeKey");

-- AddForeignKey
ALTER TABLE "AnnualPlan" ADD CONSTRAINT "AnnualPlan_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "OcopCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnualTarget" ADD CONSTRAINT "AnnualTarget_annualPlanId_fkey" FOREIGN KEY ("annualPlanId") REFERENCES "AnnualPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnualTarget" ADD CONSTRAINT "AnnualTarget_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "AdminUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnualBudgetLine" ADD CONSTRAINT "AnnualBudgetLine_annualPlanId_fkey" FOREIGN KEY ("annualPlanId") REFERENCES "AnnualPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnualActivity" ADD CONSTRAINT "AnnualActivity_annualPlanId_fkey" FOREIGN KEY ("annualPlanId") REFERENCES "AnnualPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_certificateId_fkey" FOREIGN KEY ("certificateId") REFERENCES "Certificate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Producer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "AdminUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
