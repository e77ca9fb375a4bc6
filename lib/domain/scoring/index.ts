export { starForAverage, starBand, roundForDisplay } from "./bands";
export { answerPoints, bestAnswers, knockOutKey, scoreSheet, ScoringError } from "./sheet-score";
export type { ItemAnswer, KnockOut, ScoringErrorCode, SheetAnswers, SheetScore } from "./sheet-score";
export { resultingStar, starMinimums, unmetMinimums } from "./star-rank";
export type { MinimumBlocker, ResultingStarInput, StarMinimum, StarResult } from "./star-rank";
export { councilResult, hasQuorum } from "./council";
export type { Attendance, CouncilResult, KnockOutTally } from "./council";
