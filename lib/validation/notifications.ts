import { z } from "zod";
import { idSchema } from "./common";

/** Empty ids: every unread notification of the actor. */
export const markNotificationsReadSchema = z.object({ ids: z.array(idSchema).max(200).default([]) });
