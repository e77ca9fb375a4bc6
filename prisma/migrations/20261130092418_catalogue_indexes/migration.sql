-- DropIndex
DROP INDEX "Product_certificateStatus_star_idx";

-- CreateIndex
CREATE INDEX "Product_certificateStatus_certificateExpiresOn_idx" ON "Product"("certificateStatus", "certificateExpiresOn");

-- CreateIndex
CREATE INDEX "Product_certificateStatus_star_certificateIssuedOn_idx" ON "Product"("certificateStatus", "star", "certificateIssuedOn");

-- CreateIndex
CREATE INDEX "Product_certificateStatus_searchText_idx" ON "Product"("certificateStatus", "searchText");
