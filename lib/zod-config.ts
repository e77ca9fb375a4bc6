import { z } from "zod";

// Zod 4 probes `new Function` to compile fast parsers. The Content-Security-Policy forbids eval, so
// the probe fails (harmlessly) but the browser reports a violation on every page with a form.
// Every schema module imports this first: zod then parses without compiling.
z.config({ jitless: true });
