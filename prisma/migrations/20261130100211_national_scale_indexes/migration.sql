-- CreateIndex
CREATE INDEX "Certificate_issuedOn_number_idx" ON "Certificate"("issuedOn" DESC, "number" DESC);

-- CreateIndex
CREATE INDEX "Certificate_productName_trgm_idx" ON "Certificate" USING GIN ("productName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Dossier_status_version_idx" ON "Dossier"("status", "version");

-- CreateIndex
CREATE INDEX "Dossier_productName_trgm_idx" ON "Dossier" USING GIN ("productName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Producer_name_trgm_idx" ON "Producer" USING GIN ("name" gin_trgm_ops);
