import { z } from "zod";
import { idSchema } from "./common";

export const endUserSessionsSchema = z.object({ userId: idSchema });
export const setOwnLocaleSchema = z.object({ locale: z.enum(["vi", "en"]) });
export const setUserActiveSchema = z.object({ userId: idSchema, isActive: z.boolean() });
