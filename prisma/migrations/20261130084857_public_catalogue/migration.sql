-- CreateEnum
CREATE TYPE "QualitySystem" AS ENUM ('VIETGAP', 'GLOBALGAP', 'ORGANIC_VN', 'ORGANIC_INTL', 'HACCP', 'ISO_22000', 'ISO_9001', 'FSSC_22000', 'BRC', 'HALAL', 'TRACEABILITY', 'OTHER');

-- CreateEnum
CREATE TYPE "RawMaterialKind" AS ENUM ('CROP', 'LIVESTOCK', 'AQUACULTURE', 'FORESTRY', 'MEDICINAL', 'OTHER');

-- CreateEnum
CREATE TYPE "RawMaterialStandard" AS ENUM ('NONE', 'VIETGAP', 'GLOBALGAP', 'ORGANIC_VN', 'ORGANIC_INTL', 'OTHER');

-- CreateEnum
CREATE TYPE "PointOfSaleLocation" AS ENUM ('STATION_AIRPORT', 'HIGHWAY_STOP', 'MALL_SUPERMARKET_MARKET', 'TOURIST_SITE', 'CRAFT_VILLAGE', 'COMMERCIAL_CENTRE', 'FAIR_CENTRE', 'POST_OFFICE', 'OTHER');

-- CreateEnum
CREATE TYPE "PointOfSaleStatus" AS ENUM ('SUBMITTED', 'APPROVED', 'REFUSED', 'CLOSED');

-- CreateEnum
CREATE TYPE "TradeEventKind" AS ENUM ('FAIR', 'EXHIBITION', 'FESTIVAL', 'TRADE_CONFERENCE', 'CONTEST', 'OTHER');

-- CreateEnum
CREATE TYPE "TradeEventLevel" AS ENUM ('LOCAL', 'PROVINCIAL', 'NATIONAL', 'INTERNATIONAL');

-- CreateEnum
CREATE TYPE "TradeEventStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "EventParticipantStatus" AS ENUM ('REGISTERED', 'CONFIRMED', 'DECLINED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "PublicationStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "LibraryDocumentKind" AS ENUM ('LEGAL', 'GUIDANCE', 'FORM', 'REPORT', 'OTHER');

-- CreateEnum
CREATE TYPE "TrainingAudience" AS ENUM ('PRODUCERS', 'OFFICIALS', 'ALL');

-- CreateEnum
CREATE TYPE "TrainingStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "TrainingRegistrationStatus" AS ENUM ('REGISTERED', 'CANCELLED');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'COMMUNICATIONS';

-- AlterTable
ALTER TABLE "Certificate" ADD COLUMN     "productId" TEXT;

-- CreateTable
CREATE TABLE "Product" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "producerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "criteriaSetNo" INTEGER NOT NULL,
    "searchText" TEXT NOT NULL DEFAULT '',
    "certificateId" TEXT,
    "star" INTEGER,
    "certificateStatus" "CertificateStatus",
    "certificateIssuedOn" DATE,
    "certificateExpiresOn" DATE,
    "summary" TEXT NOT NULL DEFAULT '',
    "story" TEXT NOT NULL DEFAULT '',
    "packaging" TEXT NOT NULL DEFAULT '',
    "priceFromVnd" BIGINT,
    "qualitySystems" "QualitySystem"[],
    "ecommerceLinks" JSONB NOT NULL DEFAULT '[]',
    "livestreams" JSONB NOT NULL DEFAULT '[]',
    "website" TEXT,
    "coverPhotoId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Product_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RawMaterialArea" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "wardId" TEXT NOT NULL,
    "location" TEXT NOT NULL DEFAULT '',
    "areaHa" DECIMAL(10,2) NOT NULL,
    "kind" "RawMaterialKind" NOT NULL,
    "subject" TEXT NOT NULL,
    "standard" "RawMaterialStandard" NOT NULL DEFAULT 'NONE',
    "standardCertificateNo" TEXT,
    "standardIssuer" TEXT,
    "standardExpiresOn" DATE,
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RawMaterialArea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PointOfSale" (
    "id" TEXT NOT NULL,
    "trackingCode" TEXT NOT NULL,
    "applicantUserId" TEXT,
    "name" TEXT NOT NULL,
    "operatorName" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "wardId" TEXT NOT NULL,
    "locationKind" "PointOfSaleLocation" NOT NULL,
    "contactName" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "email" TEXT,
    "openingHours" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "totalItemCount" INTEGER NOT NULL,
    "ocopLocalItemCount" INTEGER NOT NULL,
    "status" "PointOfSaleStatus" NOT NULL DEFAULT 'SUBMITTED',
    "version" INTEGER NOT NULL DEFAULT 0,
    "reviewNote" TEXT NOT NULL DEFAULT '',
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "approvalDecisionNo" TEXT,
    "approvedOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PointOfSale_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PointOfSaleProduct" (
    "pointOfSaleId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "hasOcopStamp" BOOLEAN NOT NULL DEFAULT false,
    "hasTraceStamp" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "PointOfSaleProduct_pkey" PRIMARY KEY ("pointOfSaleId","productId")
);

-- CreateTable
CREATE TABLE "TradeEvent" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "TradeEventKind" NOT NULL,
    "level" "TradeEventLevel" NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "place" TEXT NOT NULL,
    "organiser" TEXT NOT NULL,
    "boothCapacity" INTEGER NOT NULL,
    "registrationClosesOn" DATE,
    "description" TEXT NOT NULL DEFAULT '',
    "status" "TradeEventStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 0,
    "visitorCount" INTEGER,
    "salesVnd" BIGINT,
    "contractsSigned" INTEGER,
    "resultNote" TEXT NOT NULL DEFAULT '',
    "resultsRecordedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TradeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventParticipant" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "producerId" TEXT NOT NULL,
    "status" "EventParticipantStatus" NOT NULL DEFAULT 'REGISTERED',
    "booths" INTEGER NOT NULL DEFAULT 1,
    "note" TEXT NOT NULL DEFAULT '',
    "decisionNote" TEXT NOT NULL DEFAULT '',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "salesVnd" BIGINT,
    "contractsSigned" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EventParticipant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GiftSet" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "story" TEXT NOT NULL DEFAULT '',
    "occasion" TEXT NOT NULL DEFAULT '',
    "priceVnd" BIGINT,
    "published" BOOLEAN NOT NULL DEFAULT false,
    "publishedAt" TIMESTAMP(3),
    "coverPhotoId" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GiftSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GiftSetItem" (
    "giftSetId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "note" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "GiftSetItem_pkey" PRIMARY KEY ("giftSetId","productId")
);

-- CreateTable
CREATE TABLE "NewsArticle" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL,
    "coverPhotoId" TEXT,
    "status" "PublicationStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMP(3),
    "authorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NewsArticle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LibraryDocument" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "number" TEXT,
    "issuedOn" DATE,
    "issuer" TEXT NOT NULL DEFAULT '',
    "kind" "LibraryDocumentKind" NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "fileId" TEXT,
    "status" "PublicationStatus" NOT NULL DEFAULT 'DRAFT',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LibraryDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingCourse" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "audience" "TrainingAudience" NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "place" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    "registrationClosesOn" DATE,
    "description" TEXT NOT NULL DEFAULT '',
    "status" "TrainingStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrainingCourse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingRegistration" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "producerId" TEXT,
    "status" "TrainingRegistrationStatus" NOT NULL DEFAULT 'REGISTERED',
    "attended" BOOLEAN,
    "attendanceRecordedAt" TIMESTAMP(3),
    "attendanceCertificateNo" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrainingRegistration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_ProducerToRawMaterialArea" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_ProducerToRawMaterialArea_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_ProductToRawMaterialArea" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_ProductToRawMaterialArea_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_EventParticipantToProduct" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_EventParticipantToProduct_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "Product_slug_key" ON "Product"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Product_certificateId_key" ON "Product"("certificateId");

-- CreateIndex
CREATE INDEX "Product_certificateStatus_star_idx" ON "Product"("certificateStatus", "star");

-- CreateIndex
CREATE INDEX "Product_certificateStatus_certificateIssuedOn_idx" ON "Product"("certificateStatus", "certificateIssuedOn");

-- CreateIndex
CREATE INDEX "Product_producerId_idx" ON "Product"("producerId");

-- CreateIndex
CREATE INDEX "Product_criteriaSetNo_idx" ON "Product"("criteriaSetNo");

-- CreateIndex
CREATE INDEX "RawMaterialArea_wardId_idx" ON "RawMaterialArea"("wardId");

-- CreateIndex
CREATE UNIQUE INDEX "PointOfSale_trackingCode_key" ON "PointOfSale"("trackingCode");

-- CreateIndex
CREATE INDEX "PointOfSale_status_wardId_idx" ON "PointOfSale"("status", "wardId");

-- CreateIndex
CREATE INDEX "PointOfSaleProduct_productId_idx" ON "PointOfSaleProduct"("productId");

-- CreateIndex
CREATE UNIQUE INDEX "TradeEvent_slug_key" ON "TradeEvent"("slug");

-- CreateIndex
CREATE INDEX "TradeEvent_status_startsOn_idx" ON "TradeEvent"("status", "startsOn");

-- CreateIndex
CREATE INDEX "EventParticipant_producerId_idx" ON "EventParticipant"("producerId");

-- CreateIndex
CREATE UNIQUE INDEX "EventParticipant_eventId_producerId_key" ON "EventParticipant"("eventId", "producerId");

-- CreateIndex
CREATE UNIQUE INDEX "GiftSet_slug_key" ON "GiftSet"("slug");

-- CreateIndex
CREATE INDEX "GiftSet_published_publishedAt_idx" ON "GiftSet"("published", "publishedAt");

-- CreateIndex
CREATE INDEX "GiftSetItem_productId_idx" ON "GiftSetItem"("productId");

-- CreateIndex
CREATE UNIQUE INDEX "NewsArticle_slug_key" ON "NewsArticle"("slug");

-- CreateIndex
CREATE INDEX "NewsArticle_status_publishedAt_idx" ON "NewsArticle"("status", "publishedAt");

-- CreateIndex
CREATE INDEX "LibraryDocument_status_kind_issuedOn_idx" ON "LibraryDocument"("status", "kind", "issuedOn");

-- CreateIndex
CREATE INDEX "TrainingCourse_status_startsOn_idx" ON "TrainingCourse"("status", "startsOn");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingRegistration_attendanceCertificateNo_key" ON "TrainingRegistration"("attendanceCertificateNo");

-- CreateIndex
CREATE INDEX "TrainingRegistration_userId_idx" ON "TrainingRegistration"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingRegistration_courseId_userId_key" ON "TrainingRegistration"("courseId", "userId");

-- CreateIndex
CREATE INDEX "_ProducerToRawMaterialArea_B_index" ON "_ProducerToRawMaterialArea"("B");

-- CreateIndex
CREATE INDEX "_ProductToRawMaterialArea_B_index" ON "_ProductToRawMaterialArea"("B");

-- CreateIndex
CREATE INDEX "_EventParticipantToProduct_B_index" ON "_EventParticipantToProduct"("B");

-- CreateIndex
CREATE INDEX "Certificate_productId_idx" ON "Certificate"("productId");

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Product" ADD CONSTRAINT "Product_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Producer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Product" ADD CONSTRAINT "Product_criteriaSetNo_fkey" FOREIGN KEY ("criteriaSetNo") REFERENCES "CriteriaSet"("no") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Product" ADD CONSTRAINT "Product_certificateId_fkey" FOREIGN KEY ("certificateId") REFERENCES "Certificate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RawMaterialArea" ADD CONSTRAINT "RawMaterialArea_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "AdminUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointOfSale" ADD CONSTRAINT "PointOfSale_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "AdminUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointOfSaleProduct" ADD CONSTRAINT "PointOfSaleProduct_pointOfSaleId_fkey" FOREIGN KEY ("pointOfSaleId") REFERENCES "PointOfSale"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointOfSaleProduct" ADD CONSTRAINT "PointOfSaleProduct_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventParticipant" ADD CONSTRAINT "EventParticipant_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "TradeEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventParticipant" ADD CONSTRAINT "EventParticipant_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Producer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GiftSetItem" ADD CONSTRAINT "GiftSetItem_giftSetId_fkey" FOREIGN KEY ("giftSetId") REFERENCES "GiftSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GiftSetItem" ADD CONSTRAINT "GiftSetItem_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingRegistration" ADD CONSTRAINT "TrainingRegistration_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "TrainingCourse"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingRegistration" ADD CONSTRAINT "TrainingRegistration_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingRegistration" ADD CONSTRAINT "TrainingRegistration_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Producer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ProducerToRawMaterialArea" ADD CONSTRAINT "_ProducerToRawMaterialArea_A_fkey" FOREIGN KEY ("A") REFERENCES "Producer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ProducerToRawMaterialArea" ADD CONSTRAINT "_ProducerToRawMaterialArea_B_fkey" FOREIGN KEY ("B") REFERENCES "RawMaterialArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ProductToRawMaterialArea" ADD CONSTRAINT "_ProductToRawMaterialArea_A_fkey" FOREIGN KEY ("A") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ProductToRawMaterialArea" ADD CONSTRAINT "_ProductToRawMaterialArea_B_fkey" FOREIGN KEY ("B") REFERENCES "RawMaterialArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EventParticipantToProduct" ADD CONSTRAINT "_EventParticipantToProduct_A_fkey" FOREIGN KEY ("A") REFERENCES "EventParticipant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EventParticipantToProduct" ADD CONSTRAINT "_EventParticipantToProduct_B_fkey" FOREIGN KEY ("B") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Catalogue search: "mien dong" must find "Miến dong". Product.searchText holds the names
-- without diacritics (written by the application); a trigram index serves ILIKE '%…%'.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Product_searchText_trgm_idx" ON "Product" USING gin ("searchText" gin_trgm_ops);

-- A product's catalogue fields follow its current certificate. Whatever changes a certificate
-- (release, revocation, the daily expiry sweep, a replacement) the product reads the same on the
-- next request. The newest certificate of a product becomes its current one; an older one
-- changing later (superseded, say) does not take the product back.
CREATE FUNCTION ocop_product_follow_certificate() RETURNS trigger AS $$
BEGIN
  IF NEW."productId" IS NULL THEN
    RETURN NEW;
  END IF;
  UPDATE "Product" p
     SET "certificateId" = NEW."id",
         "star" = NEW."star",
         "certificateStatus" = NEW."status",
         "certificateIssuedOn" = NEW."issuedOn",
         "certificateExpiresOn" = NEW."expiresOn",
         "updatedAt" = now()
   WHERE p."id" = NEW."productId"
     AND (
       p."certificateId" IS NULL
       OR p."certificateId" = NEW."id"
       OR NEW."issuedOn" >= (SELECT c."issuedOn" FROM "Certificate" c WHERE c."id" = p."certificateId")
     );
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER certificate_updates_product
AFTER INSERT OR UPDATE OF "productId", "status", "star", "issuedOn", "expiresOn" ON "Certificate"
FOR EACH ROW EXECUTE FUNCTION ocop_product_follow_certificate();
