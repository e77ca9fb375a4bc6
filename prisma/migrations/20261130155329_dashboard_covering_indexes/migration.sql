-- DropIndex
DROP INDEX "Product_certificateStatus_certificateExpiresOn_idx";

-- CreateIndex
CREATE INDEX "Producer_verificationStatus_type_idx" ON "Producer"("verificationStatus", "type");

-- CreateIndex
CREATE INDEX "Producer_id_wardId_type_idx" ON "Producer"("id", "wardId", "type");

-- CreateIndex
CREATE INDEX "Product_certificateStatus_certificateExpiresOn_producerId_s_idx" ON "Product"("certificateStatus", "certificateExpiresOn", "producerId", "star", "criteriaSetNo");
