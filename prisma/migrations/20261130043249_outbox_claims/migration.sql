-- AlterEnum
ALTER TYPE "EmailStatus" ADD VALUE 'SENDING';

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "claimedUntil" TIMESTAMP(3);
