-- CreateEnum
CREATE TYPE "EmailStatus" AS ENUM ('PENDING', 'SENT', 'LOGGED', 'FAILED');

-- CreateEnum
CREATE TYPE "IdeaStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'WARD_ACCEPTED', 'ACCEPTED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ProductNovelty" AS ENUM ('NEW_PRODUCT', 'EXISTING_PRODUCT');

-- CreateEnum
CREATE TYPE "IdeaOrigin" AS ENUM ('TRADITIONAL', 'NEW');

-- CreateEnum
CREATE TYPE "PlanStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'REJECTED', 'IMPLEMENTING', 'READY_FOR_EVALUATION', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "SupportKind" AS ENUM ('TRAINING', 'CONSULTING', 'PACKAGING_DESIGN', 'QUALITY_TESTING', 'QMS_CERTIFICATION', 'EQUIPMENT', 'TRADE_PROMOTION', 'CREDIT');

-- CreateEnum
CREATE TYPE "FundingSource" AS ENUM ('NATIONAL_TARGET_PROGRAMME', 'PROVINCE', 'CITY', 'PRODUCER', 'OTHER');

-- CreateEnum
CREATE TYPE "SupportStatus" AS ENUM ('PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED');

-- AlterTable
ALTER TABLE "Producer" ADD COLUMN     "verificationNote" TEXT;

-- CreateTable
CREATE TABLE "StatusEvent" (
    "id" BIGSERIAL NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT,
    "actorRole" "Role",
    "comment" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatusEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "href" TEXT NOT NULL,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEmail" (
    "id" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" "EmailStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "OutboxEmail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL DEFAULT 'document',
    "storageKey" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploadedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProductIdea" (
    "id" TEXT NOT NULL,
    "producerId" TEXT NOT NULL,
    "cycleYear" INTEGER NOT NULL,
    "status" "IdeaStatus" NOT NULL DEFAULT 'DRAFT',
    "productName" TEXT NOT NULL,
    "novelty" "ProductNovelty" NOT NULL DEFAULT 'NEW_PRODUCT',
    "criteriaSetNo" INTEGER,
    "description" TEXT NOT NULL DEFAULT '',
    "rawMaterials" TEXT NOT NULL DEFAULT '',
    "localLabour" TEXT NOT NULL DEFAULT '',
    "localWorkerCount" INTEGER,
    "ideaOrigin" "IdeaOrigin",
    "localIdentity" TEXT NOT NULL DEFAULT '',
    "targetMarket" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 0,
    "submittedAt" TIMESTAMP(3),
    "wardDueOn" DATE,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProductIdea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdeaRevision" (
    "id" TEXT NOT NULL,
    "ideaId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdeaRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BusinessPlan" (
    "id" TEXT NOT NULL,
    "ideaId" TEXT NOT NULL,
    "producerId" TEXT NOT NULL,
    "status" "PlanStatus" NOT NULL DEFAULT 'DRAFT',
    "market" TEXT NOT NULL DEFAULT '',
    "production" TEXT NOT NULL DEFAULT '',
    "capacity" TEXT NOT NULL DEFAULT '',
    "rawMaterialArea" TEXT NOT NULL DEFAULT '',
    "packaging" TEXT NOT NULL DEFAULT '',
    "standards" TEXT[],
    "capital" TEXT NOT NULL DEFAULT '',
    "fundingSources" TEXT NOT NULL DEFAULT '',
    "financials" JSONB NOT NULL DEFAULT '[]',
    "labour" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 0,
    "submittedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BusinessPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanMilestone" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "doneOn" DATE,
    "report" TEXT,
    "reportedAt" TIMESTAMP(3),
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PlanMilestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupportActivity" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "kind" "SupportKind" NOT NULL,
    "fundingSource" "FundingSource" NOT NULL,
    "amount" BIGINT,
    "date" DATE NOT NULL,
    "status" "SupportStatus" NOT NULL DEFAULT 'PLANNED',
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SupportActivity_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StatusEvent_entityType_entityId_at_idx" ON "StatusEvent"("entityType", "entityId", "at");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxEmail_status_createdAt_idx" ON "OutboxEmail"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Attachment_storageKey_key" ON "Attachment"("storageKey");

-- CreateIndex
CREATE INDEX "Attachment_entityType_entityId_idx" ON "Attachment"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "ProductIdea_producerId_status_idx" ON "ProductIdea"("producerId", "status");

-- CreateIndex
CREATE INDEX "ProductIdea_status_wardDueOn_idx" ON "ProductIdea"("status", "wardDueOn");

-- CreateIndex
CREATE INDEX "ProductIdea_cycleYear_status_idx" ON "ProductIdea"("cycleYear", "status");

-- CreateIndex
CREATE UNIQUE INDEX "IdeaRevision_ideaId_version_key" ON "IdeaRevision"("ideaId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "BusinessPlan_ideaId_key" ON "BusinessPlan"("ideaId");

-- CreateIndex
CREATE INDEX "BusinessPlan_producerId_status_idx" ON "BusinessPlan"("producerId", "status");

-- CreateIndex
CREATE INDEX "BusinessPlan_status_idx" ON "BusinessPlan"("status");

-- CreateIndex
CREATE INDEX "PlanMilestone_planId_sortOrder_idx" ON "PlanMilestone"("planId", "sortOrder");

-- CreateIndex
CREATE INDEX "SupportActivity_planId_date_idx" ON "SupportActivity"("planId", "date");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductIdea" ADD CONSTRAINT "ProductIdea_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Producer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductIdea" ADD CONSTRAINT "ProductIdea_criteriaSetNo_fkey" FOREIGN KEY ("criteriaSetNo") REFERENCES "CriteriaSet"("no") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdeaRevision" ADD CONSTRAINT "IdeaRevision_ideaId_fkey" FOREIGN KEY ("ideaId") REFERENCES "ProductIdea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BusinessPlan" ADD CONSTRAINT "BusinessPlan_ideaId_fkey" FOREIGN KEY ("ideaId") REFERENCES "ProductIdea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BusinessPlan" ADD CONSTRAINT "BusinessPlan_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Producer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanMilestone" ADD CONSTRAINT "PlanMilestone_planId_fkey" FOREIGN KEY ("planId") REFERENCES "BusinessPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportActivity" ADD CONSTRAINT "SupportActivity_planId_fkey" FOREIGN KEY ("planId") REFERENCES "BusinessPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
