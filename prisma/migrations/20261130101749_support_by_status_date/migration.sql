-- CreateIndex
CREATE INDEX "SupportActivity_status_date_idx" ON "SupportActivity"("status", "date");
