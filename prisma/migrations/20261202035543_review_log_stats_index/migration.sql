-- CreateIndex
CREATE INDEX "ReviewLog_userId_review_state_rating_scheduledDays_idx" ON "ReviewLog"("userId", "review", "state", "rating", "scheduledDays");
