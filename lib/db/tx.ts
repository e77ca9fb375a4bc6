export type { Tx } from "./client";
