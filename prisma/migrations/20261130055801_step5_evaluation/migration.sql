-- CreateEnum
CREATE TYPE "EvaluationType" AS ENUM ('FIRST', 'UPGRADE', 'RE_EVALUATION');

-- CreateEnum
CREATE TYPE "DossierStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'FORWARDED', 'SUPPLEMENT_REQUESTED', 'ADVISORY_REVIEW', 'COUNCIL_SCORING', 'COUNCIL_DONE', 'SENT_TO_CENTRAL', 'RECOGNISED', 'NOT_RECOGNISED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "EvaluationLevel" AS ENUM ('DISTRICT', 'PROVINCE', 'CENTRAL');

-- CreateEnum
CREATE TYPE "EvidenceKind" AS ENUM ('BUSINESS_REGISTRATION', 'FOOD_SAFETY_CERTIFICATE', 'PRODUCTION_ELIGIBILITY', 'RAW_MATERIAL_ORIGIN', 'ENVIRONMENT', 'LOCAL_LABOUR', 'FINANCIAL_REPORTS', 'INTELLECTUAL_PROPERTY', 'CONTRACTS', 'PROMOTION', 'PRODUCT_STORY', 'QUALITY_DECLARATION', 'TEST_RESULTS', 'BARCODE_TRACEABILITY', 'QMS_CERTIFICATE', 'AWARDS', 'LABEL', 'PHOTOS', 'OTHER');

-- CreateEnum
CREATE TYPE "RoundStatus" AS ENUM ('PLANNED', 'SCORING', 'CLOSED');

-- CreateEnum
CREATE TYPE "CouncilRole" AS ENUM ('CHAIR', 'SECRETARY', 'MEMBER');

-- CreateEnum
CREATE TYPE "KnockOutRule" AS ENUM ('ANY', 'MAJORITY', 'UNANIMOUS');

-- CreateEnum
CREATE TYPE "ConflictKind" AS ENUM ('PRODUCER', 'RELATIVE', 'OTHER');

-- CreateEnum
CREATE TYPE "ConflictSource" AS ENUM ('DECLARED', 'DETECTED');

-- CreateEnum
CREATE TYPE "ScoreSheetStatus" AS ENUM ('DRAFT', 'SUBMITTED');

-- CreateEnum
CREATE TYPE "ResultStatus" AS ENUM ('PROVISIONAL', 'STAGED', 'CHECKED', 'RELEASED');

-- CreateEnum
CREATE TYPE "DecisionKind" AS ENUM ('RECOGNITION', 'REVOCATION');

-- CreateEnum
CREATE TYPE "CertificateStatus" AS ENUM ('ACTIVE', 'REVOCATION_PROPOSED', 'REVOKED', 'EXPIRED', 'SUPERSEDED', 'RENEWED');

-- CreateEnum
CREATE TYPE "RevocationGround" AS ENUM ('A', 'B', 'C', 'D', 'E', 'F');

-- CreateTable
CREATE TABLE "Dossier" (
    "id" TEXT NOT NULL,
    "producerId" TEXT NOT NULL,
    "planId" TEXT,
    "previousCertificateId" TEXT,
    "cycleYear" INTEGER NOT NULL,
    "status" "DossierStatus" NOT NULL DEFAULT 'DRAFT',
    "evaluationType" "EvaluationType" NOT NULL DEFAULT 'FIRST',
    "productName" TEXT NOT NULL,
    "criteriaSetNo" INTEGER NOT NULL,
    "ruleSetCode" TEXT,
    "sheetId" TEXT,
    "form01" JSONB NOT NULL DEFAULT '{}',
    "form02" JSONB NOT NULL DEFAULT '{}',
    "selfScore" JSONB NOT NULL DEFAULT '{}',
    "sampleCount" INTEGER,
    "productCode" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "submittedAt" TIMESTAMP(3),
    "wardDueOn" DATE,
    "form03" JSONB,
    "form03ById" TEXT,
    "form03At" TIMESTAMP(3),
    "missingItems" TEXT[],
    "forwardedAt" TIMESTAMP(3),
    "roundId" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Dossier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DossierRevision" (
    "id" TEXT NOT NULL,
    "dossierId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DossierRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DossierEvidence" (
    "id" TEXT NOT NULL,
    "dossierId" TEXT NOT NULL,
    "attachmentId" TEXT NOT NULL,
    "kind" "EvidenceKind" NOT NULL,
    "title" TEXT NOT NULL,
    "issuedOn" DATE,
    "expiresOn" DATE,
    "itemCodes" TEXT[],
    "carriedFromId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DossierEvidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationRound" (
    "id" TEXT NOT NULL,
    "cycleYear" INTEGER NOT NULL,
    "no" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "level" "EvaluationLevel" NOT NULL DEFAULT 'PROVINCE',
    "proposalsBy" DATE NOT NULL,
    "completeBy" DATE NOT NULL,
    "status" "RoundStatus" NOT NULL DEFAULT 'PLANNED',
    "maxSpread" INTEGER NOT NULL DEFAULT 10,
    "knockOutRule" "KnockOutRule" NOT NULL DEFAULT 'MAJORITY',
    "councilDecision" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EvaluationRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CouncilMember" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "CouncilRole" NOT NULL DEFAULT 'MEMBER',
    "scores" BOOLEAN NOT NULL DEFAULT true,
    "title" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CouncilMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConflictDeclaration" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "ConflictKind" NOT NULL,
    "producerId" TEXT,
    "dossierId" TEXT,
    "familyName" TEXT,
    "wardId" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConflictDeclaration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DossierConflict" (
    "id" TEXT NOT NULL,
    "dossierId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "source" "ConflictSource" NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DossierConflict_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoreSheet" (
    "id" TEXT NOT NULL,
    "dossierId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "answers" JSONB NOT NULL DEFAULT '{}',
    "comment" TEXT NOT NULL DEFAULT '',
    "status" "ScoreSheetStatus" NOT NULL DEFAULT 'DRAFT',
    "total" DOUBLE PRECISION,
    "submittedAt" TIMESTAMP(3),
    "reopenCount" INTEGER NOT NULL DEFAULT 0,
    "remindedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScoreSheet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DossierResult" (
    "dossierId" TEXT NOT NULL,
    "memberCount" INTEGER NOT NULL,
    "averageTotal" DOUBLE PRECISION NOT NULL,
    "bandStar" INTEGER NOT NULL,
    "star" INTEGER,
    "knockedOut" BOOLEAN NOT NULL,
    "spread" DOUBLE PRECISION NOT NULL,
    "spreadExceeded" BOOLEAN NOT NULL,
    "recognitionLevel" "EvaluationLevel",
    "referralTo" "EvaluationLevel",
    "explanation" JSONB NOT NULL,
    "status" "ResultStatus" NOT NULL DEFAULT 'PROVISIONAL',
    "checkedById" TEXT,
    "checkedAt" TIMESTAMP(3),
    "releasedAt" TIMESTAMP(3),
    "decisionId" TEXT,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DossierResult_pkey" PRIMARY KEY ("dossierId")
);

-- CreateTable
CREATE TABLE "Referral" (
    "id" TEXT NOT NULL,
    "dossierId" TEXT NOT NULL,
    "fromLevel" "EvaluationLevel" NOT NULL,
    "toLevel" "EvaluationLevel" NOT NULL,
    "averageTotal" DOUBLE PRECISION NOT NULL,
    "sentOn" DATE NOT NULL,
    "letterNo" TEXT NOT NULL DEFAULT '',
    "outcomeStar" INTEGER,
    "outcomeAverage" DOUBLE PRECISION,
    "outcomeOn" DATE,
    "outcomeDecisionNo" TEXT,
    "outcomeNote" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" TEXT NOT NULL,
    "kind" "DecisionKind" NOT NULL,
    "number" TEXT NOT NULL,
    "signedOn" DATE NOT NULL,
    "signerName" TEXT NOT NULL,
    "signerTitle" TEXT NOT NULL,
    "level" "EvaluationLevel" NOT NULL,
    "roundId" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Certificate" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "verifyCode" TEXT NOT NULL,
    "dossierId" TEXT NOT NULL,
    "producerId" TEXT NOT NULL,
    "productName" TEXT NOT NULL,
    "criteriaSetNo" INTEGER NOT NULL,
    "star" INTEGER NOT NULL,
    "level" "EvaluationLevel" NOT NULL,
    "ruleSetCode" TEXT NOT NULL,
    "averageTotal" DOUBLE PRECISION NOT NULL,
    "issuedOn" DATE NOT NULL,
    "expiresOn" DATE NOT NULL,
    "decisionId" TEXT NOT NULL,
    "status" "CertificateStatus" NOT NULL DEFAULT 'ACTIVE',
    "revocationGround" "RevocationGround",
    "revocationDecisionId" TEXT,
    "revokedOn" DATE,
    "revocationNote" TEXT NOT NULL DEFAULT '',
    "replacedById" TEXT,
    "renewalNoticeAt" TIMESTAMP(3),
    "expiryNoticeAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Certificate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Dossier_productCode_key" ON "Dossier"("productCode");

-- CreateIndex
CREATE INDEX "Dossier_producerId_status_idx" ON "Dossier"("producerId", "status");

-- CreateIndex
CREATE INDEX "Dossier_status_wardDueOn_idx" ON "Dossier"("status", "wardDueOn");

-- CreateIndex
CREATE INDEX "Dossier_roundId_status_idx" ON "Dossier"("roundId", "status");

-- CreateIndex
CREATE INDEX "Dossier_cycleYear_status_idx" ON "Dossier"("cycleYear", "status");

-- CreateIndex
CREATE INDEX "Dossier_previousCertificateId_idx" ON "Dossier"("previousCertificateId");

-- CreateIndex
CREATE UNIQUE INDEX "DossierRevision_dossierId_version_key" ON "DossierRevision"("dossierId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "DossierEvidence_attachmentId_key" ON "DossierEvidence"("attachmentId");

-- CreateIndex
CREATE INDEX "DossierEvidence_dossierId_kind_idx" ON "DossierEvidence"("dossierId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationRound_cycleYear_no_key" ON "EvaluationRound"("cycleYear", "no");

-- CreateIndex
CREATE INDEX "CouncilMember_userId_idx" ON "CouncilMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "CouncilMember_roundId_userId_key" ON "CouncilMember"("roundId", "userId");

-- CreateIndex
CREATE INDEX "ConflictDeclaration_roundId_userId_idx" ON "ConflictDeclaration"("roundId", "userId");

-- CreateIndex
CREATE INDEX "DossierConflict_userId_idx" ON "DossierConflict"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "DossierConflict_dossierId_userId_key" ON "DossierConflict"("dossierId", "userId");

-- CreateIndex
CREATE INDEX "ScoreSheet_userId_status_idx" ON "ScoreSheet"("userId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ScoreSheet_dossierId_userId_key" ON "ScoreSheet"("dossierId", "userId");

-- CreateIndex
CREATE INDEX "DossierResult_status_idx" ON "DossierResult"("status");

-- CreateIndex
CREATE INDEX "DossierResult_decisionId_idx" ON "DossierResult"("decisionId");

-- CreateIndex
CREATE INDEX "Referral_dossierId_idx" ON "Referral"("dossierId");

-- CreateIndex
CREATE UNIQUE INDEX "Decision_number_key" ON "Decision"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_number_key" ON "Certificate"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_verifyCode_key" ON "Certificate"("verifyCode");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_dossierId_key" ON "Certificate"("dossierId");

-- CreateIndex
CREATE INDEX "Certificate_producerId_status_idx" ON "Certificate"("producerId", "status");

-- CreateIndex
CREATE INDEX "Certificate_status_expiresOn_idx" ON "Certificate"("status", "expiresOn");

-- AddForeignKey
ALTER TABLE "Dossier" ADD CONSTRAINT "Dossier_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Producer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dossier" ADD CONSTRAINT "Dossier_planId_fkey" FOREIGN KEY ("planId") REFERENCES "BusinessPlan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dossier" ADD CONSTRAINT "Dossier_previousCertificateId_fkey" FOREIGN KEY ("previousCertificateId") REFERENCES "Certificate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dossier" ADD CONSTRAINT "Dossier_criteriaSetNo_fkey" FOREIGN KEY ("criteriaSetNo") REFERENCES "CriteriaSet"("no") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dossier" ADD CONSTRAINT "Dossier_ruleSetCode_fkey" FOREIGN KEY ("ruleSetCode") REFERENCES "RuleSet"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dossier" ADD CONSTRAINT "Dossier_sheetId_fkey" FOREIGN KEY ("sheetId") REFERENCES "CriteriaSheet"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dossier" ADD CONSTRAINT "Dossier_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "EvaluationRound"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierRevision" ADD CONSTRAINT "DossierRevision_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierEvidence" ADD CONSTRAINT "DossierEvidence_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierEvidence" ADD CONSTRAINT "DossierEvidence_attachmentId_fkey" FOREIGN KEY ("attachmentId") REFERENCES "Attachment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CouncilMember" ADD CONSTRAINT "CouncilMember_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "EvaluationRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CouncilMember" ADD CONSTRAINT "CouncilMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictDeclaration" ADD CONSTRAINT "ConflictDeclaration_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "EvaluationRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictDeclaration" ADD CONSTRAINT "ConflictDeclaration_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierConflict" ADD CONSTRAINT "DossierConflict_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierConflict" ADD CONSTRAINT "DossierConflict_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreSheet" ADD CONSTRAINT "ScoreSheet_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreSheet" ADD CONSTRAINT "ScoreSheet_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierResult" ADD CONSTRAINT "DossierResult_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierResult" ADD CONSTRAINT "DossierResult_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Producer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_revocationDecisionId_fkey" FOREIGN KEY ("revocationDecisionId") REFERENCES "Decision"("id") ON DELETE SET NULL ON UPDATE CASCADE;
