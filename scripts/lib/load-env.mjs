// Settings from .env (see .env.example) apply to the launchers and everything they start;
// variables already in the environment win.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../.env");
if (existsSync(file)) process.loadEnvFile(file);
