import { z } from "zod";
import { idSchema } from "./common";

export const endUserSessionsSchema = z.object({ userId: idSchema });
export const setUserActiveSchema = z.object({ userId: idSchema, isActive: z.boolean() });
